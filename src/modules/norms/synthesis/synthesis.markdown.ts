/**
 * A synthesis as a Markdown file, the same text as the web page (synthesis.presenters.ts): headings per norm, the
 * norm's text quoted, the G7 lead-in, then a numbered list of the practices with who reported them and their source.
 * Text from the database is escaped, so a practice cannot add headings, links or HTML to the file.
 */
import type { ShownItem, ShownSection, ShownSynthesis, ShownText } from './synthesis.presenters.js';

/**
 * One line of text as Markdown shows it literally: emphasis, code, link brackets and tables escaped, `<` as an entity
 * (no HTML, no autolink), and a leading heading, quote or list marker escaped. Line breaks become spaces.
 */
export function markdownText(text: string): string {
  const escaped = text.replace(/\s+/g, ' ').trim().replace(/([\\`*_[\]|~])/g, '\\$1').replace(/&(?=#?\w+;)/g, '&amp;').replace(/</g, '&lt;');
  return escaped.replace(/^([#>+-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

const note = (shown: ShownText | null) => (shown?.note ? ` _(${markdownText(shown.note)})_` : '');

function item(shown: ShownItem, number: number, baseUrl: string): string[] {
  const lines = [`${number}. **${markdownText(shown.title.text)}**`, ''];
  for (const paragraph of shown.paragraphs) lines.push(`   ${markdownText(paragraph)}`, '');
  if (shown.note) lines.push(`   _${markdownText(shown.note)}_`, '');
  const by = shown.by.href ? `[${markdownText(shown.by.name)}](${baseUrl}${shown.by.href})` : markdownText(shown.by.name);
  lines.push(`   ${by}${shown.facts ? ` · ${markdownText(shown.facts)}` : ''}  `);
  lines.push(`   ${markdownText(shown.source)} · <${baseUrl}${shown.href}>`, '');
  return lines;
}

function section(shown: ShownSection, level: string, baseUrl: string): string[] {
  const lines = [`${level} ${markdownText(shown.heading)}`, ''];
  if (shown.text) lines.push(`> ${markdownText(shown.text.text)}`, '', `${markdownText(shown.textSource ?? '')}${note(shown.text)}`, '');
  if (shown.intro) lines.push(`_${markdownText(shown.intro.from)}_ ${markdownText(shown.intro.text)}${note(shown.intro)}`, '');
  if (shown.empty) lines.push(markdownText(shown.empty), '');
  shown.items.forEach((shownItem, index) => lines.push(...item(shownItem, index + 1, baseUrl)));
  return lines;
}

/** `baseUrl`: the platform's public address, so the file's links work once downloaded. */
export function synthesisMarkdown(shown: ShownSynthesis, labels: { front: string; norms: string; principles: string; principlesIntro: string; other: string }, baseUrl: string): string {
  const lines = [`# ${markdownText(shown.title)}`, '', markdownText(shown.set), '', `${markdownText(shown.count)} ${markdownText(shown.generated)}`, ''];
  if (shown.front) {
    lines.push(`## ${markdownText(labels.front)}`, '');
    for (const part of [shown.front.title, shown.front.subtitle, shown.front.preamble]) if (part) lines.push(`${markdownText(part.text)}${note(part)}`, '');
  }
  lines.push(`## ${markdownText(labels.norms)}`, '');
  for (const norm of shown.norms) lines.push(...section(norm, '###', baseUrl));
  if (shown.principles.length) {
    lines.push(`## ${markdownText(labels.principles)}`, '', markdownText(labels.principlesIntro), '');
    for (const principle of shown.principles) lines.push(...section(principle, '###', baseUrl));
  }
  if (shown.other.length) {
    lines.push(`## ${markdownText(labels.other)}`, '');
    shown.other.forEach((shownItem, index) => lines.push(...item(shownItem, index + 1, baseUrl)));
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

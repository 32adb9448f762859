/**
 * Reading the Call's texts from the official site's repository: the Call itself and the case studies per principle
 * (Markdown includes, EN/FR), and the nine principles' names (`_data/translations/principles.yml`). The Markdown is
 * cleaned of what only works inside the Jekyll site (Liquid, kramdown attribute lists, site-relative images and links).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import { yamlErrorIssues, type SourceIssue } from '../../shared/source-issues.js';
import { cleanText } from '../../shared/text.js';

export type { SourceIssue };

export const callLocales = ['en', 'fr'] as const;
export type CallLocale = (typeof callLocales)[number];

export interface CallDocument {
  /** `call` or `case-studies/principle-N`. */
  key: string;
  locale: CallLocale;
  markdown: string;
  /** Path in the official repository, for reports. */
  source: string;
}

export interface PrincipleSource {
  number: number;
  /** A language is absent when the source has no text for it ("not yet translated"), never an empty string. */
  shortName: { en?: string; fr?: string };
  fullName: { en?: string; fr?: string };
}

export interface ParsedCall {
  documents: CallDocument[];
  principles: PrincipleSource[];
  issues: SourceIssue[];
}

export const principlesSource = '_data/translations/principles.yml';
const principleCount = 9;

/** Where each document lives in the official repository. */
export function callDocumentPaths(): { key: string; locale: CallLocale; source: string }[] {
  return callLocales.flatMap((locale) => [
    { key: 'call', locale, source: `_includes/pages/texts/${locale}/call/paris-call.md` },
    ...Array.from({ length: principleCount }, (_, index) => ({
      key: `case-studies/principle-${index + 1}`,
      locale,
      source: `_includes/pages/texts/${locale}/case-studies/principle-${index + 1}.md`,
    })),
  ]);
}

/** Reads the texts and the principles. A missing file is a warning: the rest is still imported. */
export async function readCallContent(dir: string): Promise<ParsedCall> {
  const issues: SourceIssue[] = [];
  const documents: CallDocument[] = [];
  const texts = await Promise.all(callDocumentPaths().map(async (entry) => ({ ...entry, text: await readIfExists(dir, entry.source) })));
  for (const { key, locale, source, text } of texts) {
    if (text === null) {
      issues.push({ source, severity: 'warning', code: 'call.source.missing-file', message: 'file not found: this text is not imported' });
      continue;
    }
    const cleaned = cleanJekyllMarkdown(text);
    if (cleaned.liquidOutputs > 0) {
      const message = `${cleaned.liquidOutputs} Liquid output tag(s) {{ … }} removed: their text only exists on the official site`;
      issues.push({ source, severity: 'warning', code: 'call.source.liquid-removed', message });
    }
    if (cleaned.markdown === '') {
      issues.push({ source, severity: 'warning', code: 'call.source.empty-document', message: 'the text is empty: not imported' });
      continue;
    }
    documents.push({ key, locale, markdown: cleaned.markdown, source });
  }

  const principlesText = await readIfExists(dir, principlesSource);
  if (principlesText === null) {
    const message = 'file not found: the principles are not imported';
    issues.push({ source: principlesSource, severity: 'warning', code: 'call.source.missing-file', message });
    return { documents, principles: [], issues };
  }
  const parsed = parsePrinciples(principlesText, principlesSource);
  return { documents, principles: parsed.principles, issues: [...issues, ...parsed.issues] };
}

/**
 * Parses `principles.yml`: `principle-N: { short: { en, fr }, full: { en, fr } }` next to other UI strings (ignored).
 * Warns when one of the nine principles or one of its translations is missing.
 */
export function parsePrinciples(yamlText: string, source: string): { principles: PrincipleSource[]; issues: SourceIssue[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText.replace(/^\uFEFF/, ''), { lineCounter });
  if (document.errors.length > 0) {
    const context = { source, lineCounter, lineOffset: 0, code: 'call.source.invalid-yaml' };
    return { principles: [], issues: yamlErrorIssues(document.errors, context) };
  }
  if (!isMap(document.contents)) {
    const message = 'expected a mapping with principle-1 … principle-9';
    return { principles: [], issues: [{ source, line: 1, severity: 'error', code: 'call.source.invalid-yaml', message }] };
  }

  const issues: SourceIssue[] = [];
  const principles: PrincipleSource[] = [];
  for (const pair of document.contents.items) {
    const match = isScalar(pair.key) ? /^principle-(\d+)$/.exec(String(pair.key.value)) : null;
    if (!match || !isScalar(pair.key)) continue;
    const line = pair.key.range ? lineCounter.linePos(pair.key.range[0]).line : 1;
    const entry: unknown = isMap(pair.value) ? pair.value.toJS(document) : null;
    const principle: PrincipleSource = {
      number: Number(match[1]),
      shortName: localizedText(field(entry, 'short')),
      fullName: localizedText(field(entry, 'full')),
    };
    const missing = callLocales.flatMap((locale) => [
      ...(principle.shortName[locale] ? [] : [`short.${locale}`]),
      ...(principle.fullName[locale] ? [] : [`full.${locale}`]),
    ]);
    if (missing.length > 0) {
      const message = `principle ${principle.number} has no ${missing.join(', ')}`;
      issues.push({ source, line, severity: 'warning', code: 'call.source.missing-translation', message });
    }
    principles.push(principle);
  }
  principles.sort((a, b) => a.number - b.number);
  for (let number = 1; number <= principleCount; number += 1) {
    if (!principles.some((principle) => principle.number === number)) {
      const message = `principle-${number} is missing`;
      issues.push({ source, severity: 'warning', code: 'call.source.missing-principle', message });
    }
  }
  return { principles, issues };
}

/**
 * Removes what only renders inside the official Jekyll site and keeps the Markdown: front matter, Liquid comments,
 * tags `{% … %}` and outputs `{{ … }}` (the text of `{% raw %}` blocks is kept as is), kramdown attribute lists and
 * extensions `{: … }` / `{::comment}`, images with a site-relative address (the logo), and site-relative links (their
 * text stays). NFC, `\n` line ends, at most one blank line in a row.
 */
export function cleanJekyllMarkdown(source: string): { markdown: string; liquidOutputs: number } {
  let text = source.replace(/^\uFEFF/, '').normalize('NFC').replace(/\r\n?/g, '\n');
  text = text.replace(/^---\n[\s\S]*?\n---[ \t]*(\n|$)/, '');

  const raws: string[] = [];
  text = text.replace(/\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}/g, (_, raw: string) => `\u0000${raws.push(raw) - 1}\u0000`);
  text = text.replace(/\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g, '');
  text = text.replace(/\{::comment\}[\s\S]*?\{:\/comment\}/g, '');
  // A removed tag leaves at most one of the spaces around it: "as {{ site.title }} says" → "as says".
  const join = (before: string, after: string) => before || after;
  text = text.replace(/( ?)\{%[\s\S]*?%\}( ?)/g, (_, before: string, after: string) => join(before, after));
  let liquidOutputs = 0;
  text = text.replace(/( ?)\{\{[\s\S]*?\}\}( ?)/g, (_, before: string, after: string) => {
    liquidOutputs += 1;
    return join(before, after);
  });
  text = text.replace(/\{:[^}\n]*\}/g, '');

  const url = String.raw`\(\s*<?([^)\s>]*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)`;
  text = text.replace(new RegExp(String.raw`!\[[^\]]*\]${url}`, 'g'), (image, href: string) => (isSiteRelative(href) ? '' : image));
  text = text.replace(new RegExp(String.raw`\[([^\]]*)\]${url}`, 'g'), (link, label: string, href: string) =>
    isSiteRelative(href) ? label : link,
  );
  text = text.replace(/<img\b[^>]*\bsrc\s*=\s*["']([^"']*)["'][^>]*>/gi, (image, href: string) => (isSiteRelative(href) ? '' : image));
  text = text.replace(/<a\b[^>]*\bhref\s*=\s*["']([^"']*)["'][^>]*>([\s\S]*?)<\/a>/gi, (link, href: string, label: string) =>
    isSiteRelative(href) ? label : link,
  );

  text = text.replace(/\u0000(\d+)\u0000/g, (_, index: string) => raws[Number(index)] ?? '');
  text = text.replace(/^[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim();
  return { markdown: text, liquidOutputs };
}

/** An address that only resolves on the official site: no scheme (`https:`, `mailto:`), not protocol-relative, not `#…`. */
export function isSiteRelative(href: string): boolean {
  return !/^[a-z][a-z\d+.-]*:/i.test(href) && !href.startsWith('//') && !href.startsWith('#');
}

function field(entry: unknown, name: string): unknown {
  return entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>)[name] : undefined;
}

function localizedText(value: unknown): { en?: string; fr?: string } {
  const result: { en?: string; fr?: string } = {};
  for (const locale of callLocales) {
    const text = field(value, locale);
    if (typeof text === 'string' && cleanText(text) !== '') result[locale] = cleanText(text);
  }
  return result;
}

async function readIfExists(dir: string, relative: string): Promise<string | null> {
  try {
    return await fs.readFile(path.join(dir, relative), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Reader of the principles' case studies on the official site (`_includes/pages/texts/{en,fr}/case-studies/
 * principle-N.md`): each file holds one or more case studies, each opened by a `### ` heading, then paragraphs, then a
 * closing line of links naming who did it ("[Nameshield](https://…)"). The text is kept as written, Markdown links
 * made plain ("label (url)", or the address alone when it is its own label) and emphasis marks removed.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

export interface CaseStudyLink {
  label: string;
  url: string;
}

export interface CaseStudy {
  principle: number;
  /** 1-based position in its file. */
  position: number;
  heading: string;
  /** The body's paragraphs, without the closing line of links. */
  paragraphs: string[];
  /** The closing line's links (who did it, where to read more); empty when the case study has none. */
  links: CaseStudyLink[];
  /** The closing line as text ("Microsoft, the Alliance for Securing Democracy and the Government of Canada"). */
  credit: string | null;
  line: number;
}

export const caseStudiesDir = (locale: 'en' | 'fr') => `_includes/pages/texts/${locale}/case-studies`;

const linkPattern = /\[([^\]]+)\]\(([^)\s]+)\)/g;
const plain = (text: string) =>
  text
    .replace(linkPattern, (_, label: string, url: string) => (label === url ? url : `${label} (${url})`))
    .replace(/(^|[\s(“"])_([^_]+)_(?=$|[\s,.:;)”"])/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();

/** Splits one file at its `### ` headings. */
export function readCaseStudyFile(markdown: string, principle: number): CaseStudy[] {
  const studies: CaseStudy[] = [];
  let blocks: Array<{ text: string }> = [];
  let current: { heading: string; line: number } | null = null;
  let paragraph: string[] = [];
  const flushParagraph = () => {
    if (paragraph.length) blocks.push({ text: paragraph.join(' ') });
    paragraph = [];
  };
  const flushStudy = () => {
    flushParagraph();
    if (!current) return;
    const last = blocks.at(-1);
    const closing = last && last.text.startsWith('[') ? last.text : null;
    const body = closing ? blocks.slice(0, -1) : blocks;
    studies.push({
      principle,
      position: studies.length + 1,
      heading: plain(current.heading),
      paragraphs: body.map((b) => plain(b.text)).filter(Boolean),
      links: closing ? [...closing.matchAll(linkPattern)].map((m) => ({ label: m[1]!.trim(), url: m[2]! })) : [],
      credit: closing ? plain(closing.replace(linkPattern, '$1')) : null,
      line: current.line,
    });
    blocks = [];
  };
  markdown
    .normalize('NFC')
    .split('\n')
    .forEach((raw, index) => {
      const text = raw.trim();
      if (text.startsWith('### ')) {
        flushStudy();
        current = { heading: text.slice(4), line: index + 1 };
      } else if (text === '') flushParagraph();
      else if (current) paragraph.push(text);
    });
  flushStudy();
  return studies;
}

export interface CaseStudyFiles {
  /** By principle 1 … 9: the case studies in English and in French, and the files read. */
  principles: Array<{ principle: number; en: CaseStudy[]; fr: CaseStudy[]; files: { en: string; fr: string } }>;
  /** Files that could not be read (a checkout without case studies): said in the import's report. */
  missing: string[];
}

/** Reads the nine principles' files in both languages from an official checkout. */
export async function readCaseStudies(siteDir: string): Promise<CaseStudyFiles> {
  const principles: CaseStudyFiles['principles'] = [];
  const missing: string[] = [];
  for (let principle = 1; principle <= 9; principle++) {
    const files = { en: `${caseStudiesDir('en')}/principle-${principle}.md`, fr: `${caseStudiesDir('fr')}/principle-${principle}.md` };
    const [en, fr] = await Promise.all(
      (['en', 'fr'] as const).map((locale) =>
        fs.readFile(path.join(siteDir, files[locale]), 'utf8').catch(() => {
          missing.push(files[locale]);
          return null;
        }),
      ),
    );
    if (en == null || fr == null) continue;
    principles.push({ principle, en: readCaseStudyFile(en, principle), fr: readCaseStudyFile(fr, principle), files });
  }
  return { principles, missing };
}

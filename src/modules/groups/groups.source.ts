/**
 * Reads the working groups from the shared reference folder: the French names and co-chair lines of the seed
 * (`seeds/000_*.txt`), and the deliverables the official site links from its home page
 * (`_includes/pages/texts/{en,fr}/home/working_groups.html`: title per language, file, date). What the platform adds
 * (English names, mandates, registry names) is in groups.seed.ts and checked here against the seed.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { seedGroups } from './groups.seed.js';
import type { ReferenceGroup, ReferenceDocument } from './groups.models.js';

export const officialFilesUrl = 'https://pariscall.international/assets/files/';

/** `Groupe 4 : Faire progresser…` and the `Co-présidents : …` line after it, per number. */
export function parseSeedGroups(text: string): Map<number, { name: string; coChairs: string }> {
  const found = new Map<number, { name: string; coChairs: string }>();
  const pattern = /Groupe (\d)\s*:\s*([^\n]+)\n\s*Co-présidents\s*:\s*([^\n]+)/g;
  for (const match of text.matchAll(pattern)) found.set(Number(match[1]), { name: match[2]!.trim(), coChairs: match[3]!.trim() });
  return found;
}

const decode = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/[ \t\r\n]+/g, ' ').trim();

/** Each linked file of the home page's list, with the list item's lead-in (`Develop concrete tools…: the report`). */
export function parseDeliverables(html: string, separator = ': '): { date: string; links: Array<{ file: string; title: string }> } {
  const day = /<span class="tag[^"]*">(\d{2})\/(\d{2})\/(\d{4})<\/span>/.exec(html);
  if (!day) throw new Error('working_groups.html: no date tag');
  const links: Array<{ file: string; title: string }> = [];
  for (const item of html.matchAll(/<li>([\s\S]*?)<\/li>/g)) {
    const body = item[1]!;
    const lead = decode(body.split('<a')[0]!).replace(/[\s\u00a0]*:[\s\u00a0]*$/, '');
    for (const link of body.matchAll(/<a href="\/assets\/files\/([^"]+)">([\s\S]*?)<\/a>/g)) {
      const text = decode(link[2]!).replace(/\.$/, '').trim();
      links.push({ file: link[1]!, title: lead ? `${lead}${separator}${text}` : text });
    }
  }
  return { date: `${day[3]}-${day[2]}-${day[1]}`, links };
}

/** The group a deliverable's file belongs to (`10-11-WG3-…`, `PWGR5-…`, `…-Working-Group6-…`, `…-WG6-…`). */
export function groupOfFile(file: string): number {
  const match = /(?:WGR?|Group)(\d)/i.exec(file);
  if (!match) throw new Error(`no working group number in ${file}`);
  return Number(match[1]);
}

/** The six groups with their co-chairs and deliverables; throws when the sources disagree with groups.seed.ts. */
export async function readReferenceGroups(dirs: { seedsDir: string; siteDir: string }): Promise<{ groups: ReferenceGroup[]; seedFile: string; date: string }> {
  const { seedsDir, siteDir } = dirs;
  const seedFile = (await fs.readdir(seedsDir)).find((name) => /^000_.*\.txt$/.test(name));
  if (!seedFile) throw new Error('no seeds/000_*.txt');
  const seed = parseSeedGroups(await fs.readFile(path.join(seedsDir, seedFile), 'utf8'));
  const home = (language: string) => fs.readFile(path.join(siteDir, '_includes/pages/texts', language, 'home/working_groups.html'), 'utf8');
  const [en, fr] = [parseDeliverables(await home('en')), parseDeliverables(await home('fr'), '\u00a0: ')];
  if (en.links.length !== fr.links.length || en.links.some((link, i) => link.file !== fr.links[i]!.file)) throw new Error('working_groups.html: the English and French lists differ');
  const documents = new Map<number, ReferenceDocument[]>();
  en.links.forEach((link, i) => {
    const number = groupOfFile(link.file);
    const list = documents.get(number) ?? [];
    const kind = /\.xlsx$/i.test(link.file) ? 'mapping' : 'report';
    list.push({ sourceKey: `wg-${number}/${kind}`, kind: 'deliverable', title: { en: link.title, fr: fr.links[i]!.title }, url: officialFilesUrl + link.file, publishedOn: en.date });
    documents.set(number, list);
  });
  const groups = seedGroups.map((group): ReferenceGroup => {
    const source = seed.get(group.number);
    if (!source) throw new Error(`${seedFile}: no line for group ${group.number}`);
    for (const coChair of group.coChairs) {
      if (!source.coChairs.includes(coChair.seedPhrase)) throw new Error(`${seedFile}: group ${group.number}'s co-chairs do not name "${coChair.seedPhrase}"`);
    }
    return {
      sourceKey: `wg-${group.number}`,
      number: group.number,
      slug: group.slug,
      name: { en: group.nameEn, fr: source.name },
      mandate: group.mandate,
      coChairs: group.coChairs.map((c) => ({ name: c.name, registryName: c.registryName })),
      documents: documents.get(group.number) ?? [],
    };
  });
  return { groups, seedFile, date: en.date };
}

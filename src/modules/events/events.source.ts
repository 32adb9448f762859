/**
 * Reads the official site's events (`_events/*.md` in the pariscall.international repository): YAML front matter
 * (name, address, city, country, link, link_title, start_date, end_date, hashtag, openness_level) and a Markdown body.
 * The site gives dates only: each is an all-day event, its end date inclusive. Every problem names its file.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/** One official event as the bundle and the import hold it. */
export const officialEventSchema = z.strictObject({
  /** `_events/<file>.md`: the row's `source_key`. */
  sourceKey: z.string().regex(/^_events\/[^/]+\.md$/),
  title: z.string().min(1),
  description: z.string(),
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  address: z.string().min(1).nullable(),
  city: z.string().min(1).nullable(),
  country: z.string().min(1).nullable(),
  link: z.url().nullable(),
  linkTitle: z.string().min(1).nullable(),
  hashtag: z.string().min(1).nullable(),
  openness: z.enum(['public', 'by-invitation']),
});
export type OfficialEvent = z.infer<typeof officialEventSchema>;

const frontMatterSchema = z.object({
  name: z.string().min(1),
  address: z.string().optional(),
  city: z.string().optional(),
  country: z.string().optional(),
  link: z.string().optional(),
  link_title: z.string().optional(),
  start_date: z.union([z.iso.date(), z.date()]),
  end_date: z.union([z.iso.date(), z.date()]),
  hashtag: z.string().optional(),
  openness_level: z.enum(['public', 'by-invitation-only']),
});

const blank = (value: string | undefined) => (value && value.trim() ? value.trim() : null);
const isoOf = (value: string | Date) => (typeof value === 'string' ? value : value.toISOString().slice(0, 10));
const isUrl = (value: string | null) => value !== null && /^https?:\/\//.test(value);

/** Parses one file; throws an Error naming it on any problem. */
export function parseOfficialEvent(fileName: string, text: string): OfficialEvent {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*\r?\n?([\s\S]*)$/.exec(text.replace(/^\uFEFF/, ''));
  if (!match) throw new Error(`_events/${fileName}: no front matter`);
  const parsed = frontMatterSchema.safeParse(parse(match[1]!));
  if (!parsed.success) throw new Error(`_events/${fileName}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const data = parsed.data;
  let address = blank(data.address);
  let link = blank(data.link);
  // The community consultation gives its form's address as the "address": it is an online event.
  if (isUrl(address) && !link) [link, address] = [address, null];
  if (link && !isUrl(link)) throw new Error(`_events/${fileName}: link is not an http(s) address`);
  const startDate = isoOf(data.start_date);
  const endDate = isoOf(data.end_date);
  if (endDate < startDate) throw new Error(`_events/${fileName}: end_date is before start_date`);
  return officialEventSchema.parse({
    sourceKey: `_events/${fileName}`,
    title: data.name.trim(),
    // Kramdown's hard line break (a backslash pair at the end of a line) is a plain line break here.
    description: match[2]!.replace(/\\\\\r?\n/g, '\n').trim(),
    startDate,
    endDate,
    address,
    city: blank(data.city),
    country: blank(data.country),
    link,
    linkTitle: link ? blank(data.link_title) : null,
    hashtag: blank(data.hashtag),
    openness: data.openness_level === 'public' ? 'public' : 'by-invitation',
  });
}

/** Every event of a checkout (`<site>/_events/*.md`), by file name; an empty list when the folder is absent. */
export async function readOfficialEvents(siteDir: string): Promise<OfficialEvent[]> {
  const dir = path.join(siteDir, '_events');
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((name) => name.endsWith('.md')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return Promise.all(names.map(async (name) => parseOfficialEvent(name, await fs.readFile(path.join(dir, name), 'utf8'))));
}

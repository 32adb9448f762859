/**
 * A copy of the official snapshot with one supporter renamed and moved to another category, to check that a change is
 * visible on the next request (its name, and the facet counts).
 * Everything is symlinked except that one file; the first-seen CSV is linked beside it, where the importer looks for
 * it, so the other 1,221 records keep their content hash and only the renamed one is updated.
 */
import fs from 'node:fs';
import path from 'node:path';
import { firstSeenCsv, officialDir } from './paths.js';

export interface RenamedCopy {
  dir: string;
  slug: string;
  oldName: string;
  newName: string;
  /** The supporter also moves to another category, so facet counts must change too. */
  oldCategory: string;
  newCategory: string;
  /** A word found only in the new name, for `?q=`. */
  marker: string;
}

/** Copies the snapshot under `parent` and renames the supporter `slug` (default: the first file). */
export function copyWithRenamedSupporter(parent: string, marker: string, slug?: string): RenamedCopy {
  const dir = path.join(parent, 'pariscall.international');
  fs.mkdirSync(path.join(dir, '_supporters'), { recursive: true });
  for (const entry of fs.readdirSync(officialDir)) {
    if (entry !== '_supporters') fs.symlinkSync(path.join(officialDir, entry), path.join(dir, entry));
  }
  fs.symlinkSync(firstSeenCsv, path.join(parent, path.basename(firstSeenCsv)));
  const files = fs.readdirSync(path.join(officialDir, '_supporters')).filter((f) => f.endsWith('.md')).sort();
  const target = slug ? `${slug}.md` : files[0]!;
  let oldName = '';
  let newName = '';
  let oldCategory = '';
  let newCategory = '';
  for (const file of files) {
    const source = path.join(officialDir, '_supporters', file);
    const copy = path.join(dir, '_supporters', file);
    if (file !== target) {
      fs.symlinkSync(source, copy);
      continue;
    }
    const text = fs.readFileSync(source, 'utf8');
    const match = text.match(/^name:\s*"?(.*?)"?\s*$/m);
    if (!match) throw new Error(`no name line in ${file}`);
    const category = text.match(/^category:\s*"?([a-z-]+)"?\s*$/m);
    if (!category) throw new Error(`no category line in ${file}`);
    oldName = match[1]!;
    newName = `${oldName} ${marker}`;
    oldCategory = category[1]!;
    newCategory = oldCategory === 'private-sector' ? 'civil-society' : 'private-sector';
    const changed = text.replace(match[0], `name: "${newName.replaceAll('"', '\\"')}"`).replace(category[0], `category: ${newCategory}`);
    fs.writeFileSync(copy, changed);
  }
  if (!newName) throw new Error(`${target} is not in the official registry`);
  return { dir, slug: target.replace(/\.md$/, ''), oldName, newName, oldCategory, newCategory, marker };
}

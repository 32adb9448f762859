/**
 * A copy of the official snapshot with one supporter renamed, to check that a change is visible on the next request.
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
    oldName = match[1]!;
    newName = `${oldName} ${marker}`;
    fs.writeFileSync(copy, text.replace(match[0], `name: "${newName.replaceAll('"', '\\"')}"`));
  }
  if (!newName) throw new Error(`${target} is not in the official registry`);
  return { dir, slug: target.replace(/\.md$/, ''), oldName, newName, marker };
}

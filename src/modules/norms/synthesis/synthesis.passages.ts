/**
 * The source documents' framing passages (the G7 synthesis's title, preamble and section lead-ins), read from the
 * reference bundle shipped with the code (`reference/norms/source-passages.jsonl`), once per process. They are not
 * practices and the data model has no table for them: they are fixed text of a 2019 document, validated at first start
 * with the rest of the bundle.
 */
import { readBundleFile } from '../../../app/reference/bundle-file.js';
import { referenceDir } from '../../../app/reference/reference.js';
import type { SourcePassage } from '../imports/imports.models.js';
import { passagesFile, sourcePassageSchema } from '../imports/imports.reference.js';

let passages: Promise<SourcePassage[]> | null = null;

/** The passages, or none when the bundle file cannot be read (a synthesis then shows the practices without lead-ins). */
export function sourcePassages(): Promise<SourcePassage[]> {
  passages ??= readBundleFile(referenceDir, passagesFile, sourcePassageSchema).then(
    (file) => file.records,
    () => [],
  );
  return passages;
}

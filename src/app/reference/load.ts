/**
 * First start: every reference part whose tables are empty is read (all files validated before anything is written),
 * then loaded in ONE transaction with an audit entry, and the counts logged. A file that does not parse stops the
 * start with its name and line, and nothing is written.
 */
import { recordAudit } from '../audit/audit.js';
import type { Database } from '../database/database.js';
import type { ReferencePart } from './reference.js';

export interface ReferenceLoadReport {
  /** Parts loaded, with their counts (`{ registry: { supporters: 1222, milestones: 3 } }`). */
  loaded: Record<string, Record<string, number>>;
  /** Parts left alone because their tables already hold data. */
  skipped: string[];
  durationMs: number;
}

export async function loadReferenceBundle(input: {
  db: Database;
  parts: ReferencePart[];
  bundleDir: string;
  actor?: string;
}): Promise<ReferenceLoadReport> {
  const started = performance.now();
  const actor = input.actor ?? 'system:reference-bundle';
  const empty: ReferencePart[] = [];
  const skipped: string[] = [];
  for (const part of input.parts) {
    if (await part.isEmpty(input.db)) empty.push(part);
    else skipped.push(part.name);
  }
  const parsed = await Promise.all(empty.map((part) => part.read(input.bundleDir)));
  const loaded: ReferenceLoadReport['loaded'] = {};
  if (empty.length) {
    await input.db.transaction(async (tx) => {
      for (const [index, part] of empty.entries()) loaded[part.name] = await part.load(tx, parsed[index], actor);
      await recordAudit(tx, { actor, action: 'reference.load', details: { loaded } });
    });
  }
  return { loaded, skipped, durationMs: performance.now() - started };
}

/**
 * One log line: `Reference bundle loaded in 412 ms: registry (supporters 1222, milestones 3), call (…)`; `where` replaces
 * the duration (`into the database template at build`).
 */
export function formatReferenceLoad(report: ReferenceLoadReport, where?: string): string {
  const parts = Object.entries(report.loaded).map(
    ([name, counts]) => `${name} (${Object.entries(counts).map(([what, n]) => `${what} ${n}`).join(', ')})`,
  );
  return parts.length
    ? `Reference bundle loaded ${where ?? `in ${Math.round(report.durationMs)} ms`}: ${parts.join(', ')}`
    : 'Reference bundle: every part already has data, nothing loaded';
}

/**
 * The crosswalk between the frames (research brief §4.5, "our proposal; no existing tool offers it"): six common
 * levels L0–L5, each naming the NCISS priority level, the NCSC category and the EU impact colours it corresponds to,
 * with a default notification urgency; and, for each RSIT class, the NIS root cause it usually means. The frames are
 * not formally equivalent, so every mapping is data the secretariat edits; the classification keeps each frame's own
 * result and says where the crosswalk agrees.
 */
import { z } from 'zod';
import { nisImpactKeys, nisRootCauses, type NisImpactSeverity, type NisRootCause } from './incidents.nis.js';
import { rsitClasses, type RsitClassKey } from './incidents.rsit.js';

const localized = z.object({ en: z.string().min(1).max(300), fr: z.string().min(1).max(300) }).strict();

export const crosswalkLevelSchema = z
  .object({
    kind: z.literal('level'),
    level: z.number().int().min(0).max(5),
    name: localized,
    ncissLevel: z.number().int().min(0).max(5),
    ncscCategory: z.number().int().min(1).max(6),
    euImpact: z.array(z.enum(nisImpactKeys as [NisImpactSeverity, ...NisImpactSeverity[]])).min(1),
    urgency: localized,
  })
  .strict();
export type CrosswalkLevel = z.infer<typeof crosswalkLevelSchema>;

export const crosswalkRootCauseSchema = z
  .object({
    kind: z.literal('root-cause'),
    rsitClass: z.enum(rsitClasses.map((c) => c.key) as [RsitClassKey, ...RsitClassKey[]]),
    /** null: the class says nothing about the cause (other, test). */
    rootCause: z.enum(nisRootCauses).nullable(),
  })
  .strict();
export type CrosswalkRootCause = z.infer<typeof crosswalkRootCauseSchema>;

export const crosswalkEntrySchema = z.discriminatedUnion('kind', [crosswalkLevelSchema, crosswalkRootCauseSchema]);
export type CrosswalkEntry = z.infer<typeof crosswalkEntrySchema>;

/** A stable key per entry: `level:5`, `root-cause:intrusions`. */
export const crosswalkKey = (entry: CrosswalkEntry): string => (entry.kind === 'level' ? `level:${entry.level}` : `root-cause:${entry.rsitClass}`);

export interface Crosswalk {
  levels: CrosswalkLevel[];
  rootCauses: CrosswalkRootCause[];
}

export function crosswalkOf(entries: readonly CrosswalkEntry[]): Crosswalk {
  return {
    levels: entries.filter((e): e is CrosswalkLevel => e.kind === 'level').sort((a, b) => b.level - a.level),
    rootCauses: entries.filter((e): e is CrosswalkRootCause => e.kind === 'root-cause'),
  };
}

/** The crosswalk as lookup arrays, for classifying many records without allocating (−1: no common level maps there). */
export interface CompiledCrosswalk {
  /** Common level by NCISS level 0–5. */
  fromNciss: Int8Array;
  /** Common level by NCSC category (index 1–6). */
  fromNcsc: Int8Array;
  /** Bit mask of the common levels by EU impact colour (index in `nisImpactKeys`). */
  fromEuImpact: Uint8Array;
  /** Expected root cause (index in `nisRootCauses`, 255: none) by RSIT class index. */
  rootCauseByRsitClass: Uint8Array;
}

export function compileCrosswalk(crosswalk: Crosswalk): CompiledCrosswalk {
  const fromNciss = new Int8Array(6).fill(-1);
  const fromNcsc = new Int8Array(7).fill(-1);
  const fromEuImpact = new Uint8Array(nisImpactKeys.length);
  for (const row of crosswalk.levels) {
    fromNciss[row.ncissLevel] = row.level;
    fromNcsc[row.ncscCategory] = row.level;
    for (const colour of row.euImpact) fromEuImpact[nisImpactKeys.indexOf(colour)]! |= 1 << row.level;
  }
  const rootCauseByRsitClass = new Uint8Array(rsitClasses.length).fill(255);
  for (const row of crosswalk.rootCauses) {
    const i = rsitClasses.findIndex((c) => c.key === row.rsitClass);
    rootCauseByRsitClass[i] = row.rootCause === null ? 255 : nisRootCauses.indexOf(row.rootCause as NisRootCause);
  }
  return { fromNciss, fromNcsc, fromEuImpact, rootCauseByRsitClass };
}

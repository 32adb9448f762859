/**
 * The classification engine: one structured incident record classified in every frame at once (NCISS score and
 * priority level, NCSC category, RSIT class and type, EU Blueprint/NIS axes), and the crosswalk's verdict on whether
 * the frames agree. Pure: no I/O. Records are encoded as small integers (option indexes, bit masks) so that a batch
 * of records in typed arrays is classified without allocating per record (`classifyBatch`); one record goes through
 * the same code (`classifyIncident`).
 */
import { compileCrosswalk, type Crosswalk, type CompiledCrosswalk } from './incidents.crosswalk.js';
import { ncissCategories, ncissCategoryByKey, type NcissConfig, type NcissLevel } from './incidents.nciss.js';
import { ncscEffects, ncscTable, ncscVictims, type NcscCategory, type NcscEffect, type NcscVictim } from './incidents.ncsc.js';
import { nisImpactKeys, nisRootCauses, type NisImpactSeverity, type NisRootCause, type NisThreatSeverity } from './incidents.nis.js';
import { rsitClasses, rsitTypeClass, rsitTypeKeys } from './incidents.rsit.js';

/** What a reporter says about an incident: the fields every frame needs (option keys of each frame). */
export interface IncidentFacts {
  functionalImpact: string;
  observedActivity: string;
  location: string;
  actor: string;
  /** Several may apply; the highest counts. */
  informationImpact: string[];
  recoverability: string;
  /** NCISS's cross-sector dependencies (US critical-infrastructure sectors); several may apply. */
  crossSectorDependency: string[];
  potentialImpact: string;
  victim: NcscVictim;
  effect: NcscEffect;
  /** `<class>:<type>` of RSIT. */
  rsitType: string;
  rootCause: NisRootCause;
  /** Significant impact in another state (the Blueprint's "large-scale" test). */
  crossBorder: boolean;
}

const [FI, OA, LOC, ACT, , REC, , POT] = ncissCategories.map((c) => c.options);
const optionIndex = (key: string, options: readonly { key: string }[]) => options.findIndex((o) => o.key === key);
const infoOptions = ncissCategoryByKey.informationImpact.options;
const sectorOptions = ncissCategoryByKey.crossSectorDependency.options;

/** The scoring configuration as arrays: option values per category, weights, bands. */
export interface CompiledNciss {
  values: Float64Array[];
  weights: Float64Array;
  weightSum: number;
  bands: Float64Array;
}

export function compileNciss(config: NcissConfig): CompiledNciss {
  const weights = Float64Array.from(ncissCategories.map((c) => config.weights[c.key]));
  return {
    values: ncissCategories.map((c) => Float64Array.from(c.options.map((o) => o.value))),
    weights,
    weightSum: weights.reduce((a, b) => a + b, 0),
    bands: Float64Array.from(config.bands),
  };
}

/** Highest value among the options whose bit is set in `mask` (0 when none is). */
function maxOf(values: Float64Array, mask: number): number {
  let best = 0;
  for (let i = 0; mask !== 0; i++, mask >>>= 1) if (mask & 1 && values[i]! > best) best = values[i]!;
  return best;
}

/** The weighted arithmetic mean over the eight categories; an unselected single choice (index −1 or 255) counts 0. */
function score(c: CompiledNciss, fi: number, oa: number, loc: number, act: number, info: number, rec: number, sectors: number, pot: number): number {
  const v = c.values;
  const w = c.weights;
  const pick = (values: Float64Array, i: number) => (i >= 0 && i < values.length ? values[i]! : 0);
  const sum =
    w[0]! * pick(v[0]!, fi) + w[1]! * pick(v[1]!, oa) + w[2]! * pick(v[2]!, loc) + w[3]! * pick(v[3]!, act) +
    w[4]! * maxOf(v[4]!, info) + w[5]! * pick(v[5]!, rec) + w[6]! * maxOf(v[6]!, sectors) + w[7]! * pick(v[7]!, pot);
  return c.weightSum > 0 ? sum / c.weightSum : 0;
}

/** Priority level from the bands [emergency, severe, high, medium, low]. */
export function levelOf(bands: Float64Array | readonly number[], value: number): NcissLevel {
  for (let i = 0; i < 5; i++) if (value >= bands[i]!) return (5 - i) as NcissLevel;
  return 0;
}

/**
 * The Blueprint's threat severity (technical potential impact) read from NCISS's potential impact: severe and high →
 * high, moderate → medium, low and minimal → low. Our reading: the taxonomy defines the axis, not how to measure it.
 */
const threatFromPotential = Uint8Array.from([0, 0, 1, 2, 2]);

/**
 * The Blueprint's impact severity (national, real-world), our reading of its words from the NCSC inputs: white when
 * nothing was affected (no functional nor information impact); red ("very large") for sustained disruption, or a
 * serious impact on central government, essential services, the population or national security, or across borders;
 * yellow ("large") for another serious impact or a considerable risk to those; green ("minor") otherwise.
 */
function impactSeverity(victim: number, effect: number, crossBorder: boolean, noImpact: boolean): number {
  if (noImpact) return 0;
  const national = victim >= 5;
  if (effect === 3 || (effect === 2 && (national || crossBorder))) return 3;
  if (effect === 2 || (effect === 1 && national)) return 2;
  return 1;
}

/** Agreement bits: the NCSC category, the EU impact colour, the root cause agree with what the crosswalk expects. */
export const agrees = { ncsc: 1, euImpact: 2, rootCause: 4 } as const;

function agreement(x: CompiledCrosswalk, level: number, ncsc: number, impact: number, rsitClass: number, rootCause: number): number {
  const common = x.fromNciss[level]!;
  let bits = 0;
  if (common >= 0 && x.fromNcsc[ncsc] === common) bits |= agrees.ncsc;
  if (common >= 0 && (x.fromEuImpact[impact]! >> common) & 1) bits |= agrees.euImpact;
  const expected = x.rootCauseByRsitClass[rsitClass]!;
  if (expected === 255 || expected === rootCause) bits |= agrees.rootCause;
  return bits;
}

/** Records as columns: one entry per record in each array (indexes into each frame's options; masks for multi-choice). */
export interface FactColumns {
  length: number;
  functionalImpact: Uint8Array; observedActivity: Uint8Array; location: Uint8Array; actor: Uint8Array;
  informationImpact: Uint32Array; recoverability: Uint8Array; crossSectorDependency: Uint32Array; potentialImpact: Uint8Array;
  victim: Uint8Array; effect: Uint8Array; rsitType: Uint8Array; rootCause: Uint8Array; crossBorder: Uint8Array;
}

export interface ResultColumns {
  score: Float64Array; level: Uint8Array; ncsc: Uint8Array; rsitClass: Uint8Array;
  threatSeverity: Uint8Array; impactSeverity: Uint8Array; commonLevel: Int8Array; agreement: Uint8Array;
}

export function allocateResults(n: number): ResultColumns {
  return {
    score: new Float64Array(n), level: new Uint8Array(n), ncsc: new Uint8Array(n), rsitClass: new Uint8Array(n),
    threatSeverity: new Uint8Array(n), impactSeverity: new Uint8Array(n), commonLevel: new Int8Array(n), agreement: new Uint8Array(n),
  };
}

/** Classifies `facts.length` records into `out` (allocated once by the caller, e.g. `allocateResults`). */
export function classifyBatch(facts: FactColumns, nciss: CompiledNciss, crosswalk: CompiledCrosswalk, out: ResultColumns): void {
  const noFunctional = 1; // options 0 and 1: "no impact", "no impact to services"
  for (let i = 0; i < facts.length; i++) {
    const fi = facts.functionalImpact[i]!;
    const value = score(nciss, fi, facts.observedActivity[i]!, facts.location[i]!, facts.actor[i]!, facts.informationImpact[i]!, facts.recoverability[i]!, facts.crossSectorDependency[i]!, facts.potentialImpact[i]!);
    const level = levelOf(nciss.bands, value);
    const victim = facts.victim[i]!;
    const effect = facts.effect[i]!;
    const ncsc = ncscTable[victim * 4 + effect]!;
    const rsitClass = rsitTypeClass[facts.rsitType[i]!]!;
    const noImpact = fi <= noFunctional && facts.informationImpact[i]! <= 0b11; // none or suspected only
    const impact = impactSeverity(victim, effect, facts.crossBorder[i] === 1, noImpact);
    out.score[i] = value;
    out.level[i] = level;
    out.ncsc[i] = ncsc;
    out.rsitClass[i] = rsitClass;
    out.threatSeverity[i] = threatFromPotential[facts.potentialImpact[i]!] ?? 0;
    out.impactSeverity[i] = impact;
    out.commonLevel[i] = crosswalk.fromNciss[level]!;
    out.agreement[i] = agreement(crosswalk, level, ncsc, impact, rsitClass, facts.rootCause[i]!);
  }
}

const mask = (keys: readonly string[], options: readonly { key: string }[]) => keys.reduce((m, k) => (optionIndex(k, options) >= 0 ? m | (1 << optionIndex(k, options)) : m), 0);

/** Writes one record's facts at row `i` of the columns. */
export function encodeFacts(f: IncidentFacts, columns: FactColumns, i: number): void {
  columns.functionalImpact[i] = optionIndex(f.functionalImpact, FI!) & 255;
  columns.observedActivity[i] = optionIndex(f.observedActivity, OA!) & 255;
  columns.location[i] = optionIndex(f.location, LOC!) & 255;
  columns.actor[i] = optionIndex(f.actor, ACT!) & 255;
  columns.informationImpact[i] = mask(f.informationImpact, infoOptions);
  columns.recoverability[i] = optionIndex(f.recoverability, REC!) & 255;
  columns.crossSectorDependency[i] = mask(f.crossSectorDependency, sectorOptions);
  columns.potentialImpact[i] = optionIndex(f.potentialImpact, POT!) & 255;
  columns.victim[i] = ncscVictims.indexOf(f.victim);
  columns.effect[i] = ncscEffects.indexOf(f.effect);
  columns.rsitType[i] = rsitTypeKeys.indexOf(f.rsitType);
  columns.rootCause[i] = nisRootCauses.indexOf(f.rootCause);
  columns.crossBorder[i] = f.crossBorder ? 1 : 0;
}

export function allocateFacts(n: number): FactColumns {
  const u8 = () => new Uint8Array(n);
  return {
    length: n, functionalImpact: u8(), observedActivity: u8(), location: u8(), actor: u8(), informationImpact: new Uint32Array(n), recoverability: u8(),
    crossSectorDependency: new Uint32Array(n), potentialImpact: u8(), victim: u8(), effect: u8(), rsitType: u8(), rootCause: u8(), crossBorder: u8(),
  };
}

/** One record's classification, every frame side by side, and the crosswalk's verdict. */
export interface Classification {
  nciss: { score: number; level: NcissLevel };
  ncsc: { category: NcscCategory };
  rsit: { class: string; type: string; machineTag: string };
  nis: { rootCause: NisRootCause; threatSeverity: NisThreatSeverity; impactSeverity: NisImpactSeverity; expectedRootCause: NisRootCause | null };
  crosswalk: { commonLevel: number | null; ncscAgrees: boolean; euImpactAgrees: boolean; rootCauseAgrees: boolean; levelFromNcsc: number | null; levelsFromEuImpact: number[] };
}

export function classifyIncident(facts: IncidentFacts, config: NcissConfig, crosswalk: Crosswalk): Classification {
  const columns = allocateFacts(1);
  encodeFacts(facts, columns, 0);
  const out = allocateResults(1);
  const x = compileCrosswalk(crosswalk);
  classifyBatch(columns, compileNciss(config), x, out);
  const typeKey = rsitTypeKeys[columns.rsitType[0]!]!;
  const [cls, type] = typeKey.split(':') as [string, string];
  const expected = x.rootCauseByRsitClass[out.rsitClass[0]!]!;
  const bits = out.agreement[0]!;
  const fromNcsc = x.fromNcsc[out.ncsc[0]!]!;
  const euMask = x.fromEuImpact[out.impactSeverity[0]!]!;
  return {
    nciss: { score: Math.round(out.score[0]! * 100) / 100, level: out.level[0] as NcissLevel },
    ncsc: { category: out.ncsc[0] as NcscCategory },
    rsit: { class: cls, type, machineTag: `rsit:${cls}="${type}"` },
    nis: {
      rootCause: facts.rootCause,
      threatSeverity: (['low', 'medium', 'high'] as const)[out.threatSeverity[0]!]!,
      impactSeverity: nisImpactKeys[out.impactSeverity[0]!]!,
      expectedRootCause: expected === 255 ? null : nisRootCauses[expected]!,
    },
    crosswalk: {
      commonLevel: out.commonLevel[0]! >= 0 ? out.commonLevel[0]! : null,
      ncscAgrees: (bits & agrees.ncsc) !== 0,
      euImpactAgrees: (bits & agrees.euImpact) !== 0,
      rootCauseAgrees: (bits & agrees.rootCause) !== 0,
      levelFromNcsc: fromNcsc >= 0 ? fromNcsc : null,
      levelsFromEuImpact: [0, 1, 2, 3, 4, 5].filter((l) => (euMask >> l) & 1),
    },
  };
}

/** Keeps the engine's inputs honest: every RSIT class index fits a byte. */
export const rsitClassCount = rsitClasses.length;

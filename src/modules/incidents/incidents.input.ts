/**
 * What recording an incident takes, and its checks (pure): the same rules for the form (flat fields, times as a local
 * date and time in a zone) and the API (instants in ISO 8601, with the zone). Each problem names its field and a
 * catalog key.
 */
import { tlpLabels, type TlpLabel } from '../../app/authz/tlp.js';
import { resolveCountryCode } from '../../shared/countries.js';
import { hasControlCharacters } from '../../shared/text-input.js';
import { isTimeZone, zonedInstant } from '../../shared/zoned-time.js';
import type { IncidentFacts } from './incidents.models.js';
import type { IncidentsMessageKey } from './incidents.messages.js';
import { ncissCategories } from './incidents.nciss.js';
import { ncscEffects, ncscVictims } from './incidents.ncsc.js';
import { nis2SectorKeys, nisOutlooks, nisRootCauses, type NisOutlook } from './incidents.nis.js';
import { rsitTypeKeys } from './incidents.rsit.js';

export interface IncidentInput {
  supporterId: string;
  title: string;
  description: string;
  language: 'en' | 'fr';
  tlp: TlpLabel;
  detectedAt: Date;
  awareAt: Date;
  timeZone: string;
  sectors: string[];
  /** ISO 3166-1 alpha-3, as the registry stores countries. */
  countries: string[];
  usersAffected: number | null;
  outlook: NisOutlook;
  facts: IncidentFacts;
}

export type Issues = Record<string, IncidentsMessageKey>;
export type FormValues = Record<string, string | string[]>;

const single = ['supporterId', 'title', 'description', 'language', 'tlp', 'detectedDate', 'detectedTime', 'awareDate', 'awareTime', 'timeZone', 'countries', 'usersAffected', 'crossBorder', 'outlook', 'victim', 'effect', 'functionalImpact', 'observedActivity', 'location', 'actor', 'recoverability', 'potentialImpact', 'rsitType', 'rootCause'] as const;
const multiple = ['sectors', 'informationImpact', 'crossSectorDependency'] as const;

/** The fields of a posted form (anything else ignored; a repeated single field keeps its first value). */
export function formValues(body: unknown): FormValues {
  const source = (body ?? {}) as Record<string, unknown>;
  const values: FormValues = {};
  for (const name of single) {
    const value = Array.isArray(source[name]) ? (source[name] as unknown[])[0] : source[name];
    if (typeof value === 'string') values[name] = value;
  }
  for (const name of multiple) {
    const value = source[name];
    values[name] = (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');
  }
  return values;
}

const optionKeys = Object.fromEntries(ncissCategories.map((c) => [c.key, c.options.map((o) => o.key)])) as Record<string, string[]>;
const oneOf = (value: string, allowed: readonly string[]) => allowed.includes(value);

/** Checks the parts common to both edges; `issues` collects problems by field. */
export function checkIncident(input: Omit<IncidentInput, 'detectedAt' | 'awareAt'> & { detectedAt: Date | null; awareAt: Date | null }, issues: Issues, fields = { detected: 'detectedDate', aware: 'awareDate' }): void {
  if (!input.title.trim()) issues.title = 'error.required';
  else if (input.title.length > 200 || hasControlCharacters(input.title)) issues.title = 'error.tooLong';
  if (!input.description.trim()) issues.description = 'error.required';
  else if (input.description.length > 20_000 || hasControlCharacters(input.description, { multiline: true })) issues.description = 'error.tooLong';
  if (!oneOf(input.language, ['en', 'fr'])) issues.language = 'error.option';
  if (!oneOf(input.tlp, tlpLabels)) issues.tlp = 'error.required';
  if (!isTimeZone(input.timeZone)) issues.timeZone = 'error.timeZone';
  if (!input.detectedAt) issues[fields.detected] = 'error.dateTime';
  if (!input.awareAt) issues[fields.aware] = 'error.dateTime';
  if (input.detectedAt && input.awareAt && input.awareAt < input.detectedAt) issues[fields.aware] = 'error.awareBeforeDetected';
  if (input.sectors.some((s) => !oneOf(s, nis2SectorKeys))) issues.sectors = 'error.option';
  if (input.usersAffected !== null && (!Number.isInteger(input.usersAffected) || input.usersAffected < 0)) issues.usersAffected = 'error.number';
  if (!oneOf(input.outlook, nisOutlooks)) issues.outlook = 'error.option';
  const f = input.facts;
  for (const key of ['functionalImpact', 'observedActivity', 'location', 'actor', 'recoverability', 'potentialImpact'] as const) if (!oneOf(f[key], optionKeys[key]!)) issues[key] = 'error.option';
  for (const key of ['informationImpact', 'crossSectorDependency'] as const) if (f[key].some((v) => !oneOf(v, optionKeys[key]!))) issues[key] = 'error.option';
  if (!f.informationImpact.length) issues.informationImpact = 'error.option';
  if (!oneOf(f.victim, ncscVictims)) issues.victim = 'error.option';
  if (!oneOf(f.effect, ncscEffects)) issues.effect = 'error.option';
  if (!oneOf(f.rsitType, rsitTypeKeys)) issues.rsitType = 'error.option';
  if (!oneOf(f.rootCause, nisRootCauses)) issues.rootCause = 'error.option';
}

/** Countries as typed (`FR, DEU`): alpha-3 codes, or null when one names no country. */
export function parseCountries(text: string): string[] | null {
  const codes = text.split(/[\s,;]+/).filter(Boolean).map(resolveCountryCode);
  return codes.some((c) => c === null) ? null : [...new Set(codes as string[])];
}

/** Reads the form: the input, or every problem by field (with what was typed, to show it again). */
export function incidentFromForm(values: FormValues): { ok: true; input: IncidentInput } | { ok: false; issues: Issues } {
  const v = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');
  const list = (name: string) => (Array.isArray(values[name]) ? (values[name] as string[]) : []);
  const timeZone = v('timeZone').trim();
  const zone = isTimeZone(timeZone) ? timeZone : 'UTC';
  const detectedAt = zonedInstant(v('detectedDate').trim(), v('detectedTime').trim(), zone);
  const awareAt = zonedInstant(v('awareDate').trim(), v('awareTime').trim(), zone);
  const countries = parseCountries(v('countries'));
  const users = v('usersAffected').trim();
  const input = {
    supporterId: v('supporterId'), title: v('title').trim(), description: v('description').trim(), language: v('language') as 'en' | 'fr', tlp: v('tlp') as TlpLabel,
    detectedAt, awareAt, timeZone, sectors: list('sectors'), countries: countries ?? [], usersAffected: users === '' ? null : /^\d{1,10}$/.test(users) ? Number(users) : -1,
    outlook: v('outlook') as NisOutlook,
    facts: {
      functionalImpact: v('functionalImpact'), observedActivity: v('observedActivity'), location: v('location'), actor: v('actor'), informationImpact: list('informationImpact'),
      recoverability: v('recoverability'), crossSectorDependency: list('crossSectorDependency'), potentialImpact: v('potentialImpact'),
      victim: v('victim') as IncidentFacts['victim'], effect: v('effect') as IncidentFacts['effect'], rsitType: v('rsitType'), rootCause: v('rootCause') as IncidentFacts['rootCause'], crossBorder: v('crossBorder') === 'yes',
    },
  };
  const issues: Issues = {};
  if (!v('supporterId')) issues.supporterId = 'error.organisation';
  checkIncident(input, issues);
  if (countries === null) issues.countries = 'error.countries';
  if (Object.keys(issues).length) return { ok: false, issues };
  return { ok: true, input: { ...input, detectedAt: detectedAt!, awareAt: awareAt! } };
}

/** Labels of each frame's values in a language, for the pages, the CSV and the API. */
import { tlpLabels } from '../../app/authz/tlp.js';
import type { Locale } from '../../app/i18n/i18n.js';
import { ncissCategoryByKey, ncissLevels, type NcissCategoryKey } from './incidents.nciss.js';
import { ncscCategories, ncscEffectLabels, ncscEffects, ncscVictimLabels, ncscVictims } from './incidents.ncsc.js';
import { nis2SectorKeys, nis2Sectors, nisImpactSeverities, nisOutlookLabels, nisOutlooks, nisRootCauseLabels, nisRootCauses, nisThreatSeverities } from './incidents.nis.js';
import { rsitClasses } from './incidents.rsit.js';
import type { Option } from './views/controls.js';

export const ncissOptions = (key: NcissCategoryKey, locale: Locale): Option[] => ncissCategoryByKey[key].options.map((o) => [o.key, `${o.label[locale]} (${o.value})`]);
export const ncissOptionLabel = (key: NcissCategoryKey, value: string, locale: Locale) => ncissCategoryByKey[key].options.find((o) => o.key === value)?.label[locale] ?? value;
export const levelName = (level: number, locale: Locale) => ncissLevels[level]?.label[locale] ?? String(level);
export const ncscName = (category: number, locale: Locale) => ncscCategories[category - 1]?.label[locale] ?? `C${category}`;
export const victimOptions = (locale: Locale): Option[] => ncscVictims.map((v) => [v, ncscVictimLabels[v][locale]]);
export const effectOptions = (locale: Locale): Option[] => ncscEffects.map((v) => [v, ncscEffectLabels[v][locale]]);
export const rootCauseOptions = (locale: Locale): Option[] => nisRootCauses.map((v) => [v, nisRootCauseLabels[v][locale]]);
export const rootCauseName = (cause: string, locale: Locale) => nisRootCauseLabels[cause as keyof typeof nisRootCauseLabels]?.[locale] ?? cause;
export const outlookOptions = (locale: Locale): Option[] => nisOutlooks.map((v) => [v, nisOutlookLabels[v][locale]]);
export const outlookName = (v: string, locale: Locale) => nisOutlookLabels[v as keyof typeof nisOutlookLabels]?.[locale] ?? v;
export const sectorOptions = (locale: Locale): Option[] => nis2SectorKeys.map((v) => [v, nis2Sectors[v][locale]]);
export const sectorName = (v: string, locale: Locale) => nis2Sectors[v as keyof typeof nis2Sectors]?.[locale] ?? v;
export const tlpOptions: Option[] = tlpLabels.map((l) => [l, `TLP:${l}`]);
export const impactName = (v: string, locale: Locale) => nisImpactSeverities.find((s) => s.key === v)?.label[locale] ?? v;
export const threatName = (v: string, locale: Locale) => nisThreatSeverities.find((s) => s.key === v)?.label[locale] ?? v;
export const rsitTypeOptions = (locale: Locale): Option[] => rsitClasses.flatMap((c) => c.types.map((t) => [`${c.key}:${t.key}`, `${c.label[locale]} – ${t.label[locale]}`] as const));
export function rsitName(cls: string, type: string, locale: Locale): string {
  const c = rsitClasses.find((x) => x.key === cls);
  const t = c?.types.find((x) => x.key === type);
  return c && t ? `${c.label[locale]} – ${t.label[locale]}` : `${cls}:${type}`;
}

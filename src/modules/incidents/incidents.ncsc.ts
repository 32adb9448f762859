/**
 * The UK NCSC's cyber incident categorisation (C1 national cyber emergency … C6 localised incident, since April 2018),
 * decided from two inputs: who the victim is and what the effect is (research brief §4.2, definitions quoted there).
 * The table below is our reading of the six definitions, one cell per (victim, effect); a cell's comment names the
 * words it rests on. The English names are NCSC's; the French ones are the Paris Call Platform's.
 */
export const ncscVictims = ['individual', 'small', 'medium', 'large', 'local-government', 'central-government', 'essential-service', 'population', 'national-security'] as const;
export type NcscVictim = (typeof ncscVictims)[number];

export const ncscEffects = ['preliminary', 'considerable-risk', 'serious-impact', 'sustained-disruption'] as const;
export type NcscEffect = (typeof ncscEffects)[number];

export const ncscCategories = [
  { category: 1, label: { en: 'National cyber emergency', fr: 'Urgence cyber nationale' } },
  { category: 2, label: { en: 'Highly significant incident', fr: 'Incident très important' } },
  { category: 3, label: { en: 'Significant incident', fr: 'Incident important' } },
  { category: 4, label: { en: 'Substantial incident', fr: 'Incident substantiel' } },
  { category: 5, label: { en: 'Moderate incident', fr: 'Incident modéré' } },
  { category: 6, label: { en: 'Localised incident', fr: 'Incident localisé' } },
] as const;
export type NcscCategory = 1 | 2 | 3 | 4 | 5 | 6;

export const ncscVictimLabels: Record<NcscVictim, { en: string; fr: string }> = {
  individual: { en: 'An individual', fr: 'Une personne' },
  small: { en: 'A small organisation', fr: 'Une petite organisation' },
  medium: { en: 'A medium-sized organisation', fr: 'Une organisation de taille moyenne' },
  large: { en: 'A large organisation', fr: 'Une grande organisation' },
  'local-government': { en: 'Wider or local government', fr: 'Administration locale ou déconcentrée' },
  'central-government': { en: 'Central government', fr: 'Administration centrale' },
  'essential-service': { en: 'Essential services', fr: 'Services essentiels' },
  population: { en: 'A large proportion of the population, or the economy', fr: 'Une grande partie de la population, ou l’économie' },
  'national-security': { en: 'National security', fr: 'La sécurité nationale' },
};

export const ncscEffectLabels: Record<NcscEffect, { en: string; fr: string }> = {
  preliminary: { en: 'Preliminary indications of cyber activity', fr: 'Premiers indices d’activité cyber' },
  'considerable-risk': { en: 'A considerable risk', fr: 'Un risque considérable' },
  'serious-impact': { en: 'A serious impact', fr: 'Un impact grave' },
  'sustained-disruption': { en: 'Sustained disruption, severe consequences or loss of life', fr: 'Perturbation durable, conséquences graves ou pertes humaines' },
};

/**
 * Category by [victim][effect], effects in the order preliminary, considerable risk, serious impact, sustained disruption.
 * Flat so that the batch classifier reads one byte per record.
 */
// prettier-ignore
export const ncscTable = Uint8Array.from([
  /* individual          */ 6, 6, 6, 6, // C6 "a cyber attack on an individual"
  /* small               */ 6, 5, 5, 5, // C6 "preliminary indications … against a small … organisation"; C5 "a cyber attack on a small organisation"
  /* medium              */ 6, 5, 4, 4, // C5 "considerable risk to a medium-sized organisation"; C4 "serious impact on a medium-sized organisation"
  /* large               */ 5, 4, 3, 3, // C5 "preliminary indications … against a large organisation"; C4 "considerable risk to a large organisation"; C3 "serious impact on a large organisation"
  /* local-government    */ 5, 4, 3, 3, // as large: C4 "… or wider / local government", C3 "… or on wider/local government"
  /* central-government  */ 5, 3, 2, 2, // C5 "… or the government"; C3 "considerable risk to central government"; C2 "serious impact on central government"
  /* essential-service   */ 5, 3, 2, 1, // C3 "considerable risk to … essential services"; C2 "serious impact on … essential services"; C1 "sustained disruption of UK essential services"
  /* population          */ 5, 3, 2, 1, // C2 "a large proportion of the UK population, or the UK economy"; C1 "severe economic or social consequences or … loss of life"
  /* national-security   */ 5, 2, 1, 1, // C1 "affects UK national security"; a considerable risk to it read as C2
]);

export function ncscCategoryOf(victim: NcscVictim, effect: NcscEffect): NcscCategory {
  return ncscTable[ncscVictims.indexOf(victim) * 4 + ncscEffects.indexOf(effect)] as NcscCategory;
}

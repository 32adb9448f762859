/**
 * The EU large-scale incident taxonomy of the 2017 Blueprint (Commission Recommendation (EU) 2017/1584), as the MISP
 * `nis` taxonomy v2 and its `nis2` v5 variant give it (research brief §4.4): the nature of the incident (root cause,
 * severity of the threat) and its impact (sectors, severity of the impact, outlook for the next 6 hours). The 2025
 * Blueprint's five-level scale is not used: the brief could not check it in the Official Journal.
 */
export const nisRootCauses = ['system-failures', 'natural-phenomena', 'human-errors', 'malicious-actions', 'third-party-failures'] as const;
export type NisRootCause = (typeof nisRootCauses)[number];

export const nisRootCauseLabels: Record<NisRootCause, { en: string; fr: string }> = {
  'system-failures': { en: 'System failures', fr: 'Défaillances de systèmes' },
  'natural-phenomena': { en: 'Natural phenomena', fr: 'Phénomènes naturels' },
  'human-errors': { en: 'Human errors', fr: 'Erreurs humaines' },
  'malicious-actions': { en: 'Malicious actions', fr: 'Actions malveillantes' },
  'third-party-failures': { en: 'Third-party failures', fr: 'Défaillances de tiers' },
};

/** Severity of the threat (its technical potential impact), with the taxonomy's colours. */
export const nisThreatSeverities = [
  { key: 'low', colour: '#339900', label: { en: 'Low', fr: 'Faible' } },
  { key: 'medium', colour: '#FFC000', label: { en: 'Medium', fr: 'Moyenne' } },
  { key: 'high', colour: '#CC0033', label: { en: 'High', fr: 'Élevée' } },
] as const;
export type NisThreatSeverity = (typeof nisThreatSeverities)[number]['key'];

/** Severity of the impact (national, real-world), least to most severe. */
export const nisImpactSeverities = [
  { key: 'white', colour: '#FFFFFF', label: { en: 'White: no impact', fr: 'Blanc : aucun impact' } },
  { key: 'green', colour: '#339900', label: { en: 'Green: minor', fr: 'Vert : mineur' } },
  { key: 'yellow', colour: '#FFC000', label: { en: 'Yellow: large', fr: 'Jaune : important' } },
  { key: 'red', colour: '#CC0033', label: { en: 'Red: very large', fr: 'Rouge : très important' } },
] as const;
export type NisImpactSeverity = (typeof nisImpactSeverities)[number]['key'];
export const nisImpactKeys: readonly NisImpactSeverity[] = nisImpactSeverities.map((s) => s.key);

export const nisOutlooks = ['improving', 'stable', 'worsening'] as const;
export type NisOutlook = (typeof nisOutlooks)[number];
export const nisOutlookLabels: Record<NisOutlook, { en: string; fr: string }> = {
  improving: { en: 'Improving', fr: 'En amélioration' },
  stable: { en: 'Stable', fr: 'Stable' },
  worsening: { en: 'Worsening', fr: 'En aggravation' },
};

/** The sectors of NIS2's Annexes I (high criticality) and II (other critical sectors). */
export const nis2Sectors = {
  energy: { en: 'Energy', fr: 'Énergie' },
  transport: { en: 'Transport', fr: 'Transports' },
  banking: { en: 'Banking', fr: 'Secteur bancaire' },
  'financial-market-infrastructures': { en: 'Financial market infrastructures', fr: 'Infrastructures des marchés financiers' },
  health: { en: 'Health', fr: 'Santé' },
  'drinking-water': { en: 'Drinking water', fr: 'Eau potable' },
  'waste-water': { en: 'Waste water', fr: 'Eaux usées' },
  'digital-infrastructure': { en: 'Digital infrastructure', fr: 'Infrastructures numériques' },
  'ict-service-management': { en: 'ICT service management (business-to-business)', fr: 'Gestion des services TIC (interentreprises)' },
  'public-administration': { en: 'Public administration', fr: 'Administration publique' },
  space: { en: 'Space', fr: 'Espace' },
  'postal-and-courier-services': { en: 'Postal and courier services', fr: 'Services postaux et d’expédition' },
  'waste-management': { en: 'Waste management', fr: 'Gestion des déchets' },
  chemicals: { en: 'Chemicals', fr: 'Produits chimiques' },
  food: { en: 'Food', fr: 'Denrées alimentaires' },
  manufacturing: { en: 'Manufacturing', fr: 'Fabrication' },
  'digital-providers': { en: 'Digital providers', fr: 'Fournisseurs numériques' },
  research: { en: 'Research', fr: 'Recherche' },
} as const;
export type Nis2Sector = keyof typeof nis2Sectors;
export const nis2SectorKeys = Object.keys(nis2Sectors) as Nis2Sector[];

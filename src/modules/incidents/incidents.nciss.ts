/**
 * CISA's National Cyber Incident Scoring System (NCISS), as its public demonstration configuration sets it: eight
 * categories, each scored by the highest value among the options selected, combined by a weighted arithmetic mean into
 * a score from 0 to 100 (CISA's wording), and a priority level from 0 (Baseline) to 5 (Emergency).
 *
 * Sources (research brief §4.1): the option values and weights are the demonstration tool's (cisa.gov/nciss/demo, as
 * reproduced in CMU SEI's CITE seed data, "CISA NCISS" scoring model); CISA calls that configuration "notional" and
 * publishes no score bands: the 90/75/65/50/35 bands are CMU CITE's implementation. Both are defaults here: the
 * secretariat edits weights and bands (a versioned configuration); the option values stay the demonstration's.
 * We use CISA's plain weighted mean (not CITE's min–max normalised variant); an unselected category counts 0, as in
 * CISA's demo ("the score will not be accurate until selections are made for all options").
 */
import type { Localized } from '../../shared/localized.js';

export interface NcissOption {
  readonly key: string;
  readonly value: number;
  readonly label: Required<Localized>;
}

export interface NcissCategory {
  readonly key: NcissCategoryKey;
  readonly label: Required<Localized>;
  /** More than one option may be selected (the category takes the highest value). */
  readonly multiple: boolean;
  readonly options: readonly NcissOption[];
}

export const ncissCategoryKeys = ['functionalImpact', 'observedActivity', 'location', 'actor', 'informationImpact', 'recoverability', 'crossSectorDependency', 'potentialImpact'] as const;
export type NcissCategoryKey = (typeof ncissCategoryKeys)[number];

const o = (key: string, value: number, en: string, fr: string): NcissOption => ({ key, value, label: { en, fr } });

export const ncissCategories: readonly NcissCategory[] = [
  {
    key: 'functionalImpact', label: { en: 'Functional impact', fr: 'Impact fonctionnel' }, multiple: false,
    options: [
      o('no-impact', 0, 'No impact', 'Aucun impact'),
      o('no-impact-to-services', 20, 'No impact to services', 'Aucun impact sur les services'),
      o('minimal-non-critical', 35, 'Minimal impact to non-critical services', 'Impact minime sur des services non critiques'),
      o('minimal-critical', 40, 'Minimal impact to critical services', 'Impact minime sur des services critiques'),
      o('significant-non-critical', 50, 'Significant impact to non-critical services', 'Impact important sur des services non critiques'),
      o('denial-non-critical', 60, 'Denial of non-critical services', 'Déni de services non critiques'),
      o('significant-critical', 70, 'Significant impact to critical services', 'Impact important sur des services critiques'),
      o('denial-critical', 100, 'Denial of critical services or loss of control', 'Déni de services critiques ou perte de contrôle'),
    ],
  },
  {
    key: 'observedActivity', label: { en: 'Observed activity (Cyber Threat Framework stage)', fr: 'Activité observée (étape du Cyber Threat Framework)' }, multiple: false,
    options: [o('none', 0, 'None', 'Aucune'), o('prepare', 40, 'Prepare', 'Préparation'), o('engage', 70, 'Engage', 'Engagement'), o('presence', 80, 'Presence', 'Présence'), o('effect', 100, 'Effect', 'Effet')],
  },
  {
    key: 'location', label: { en: 'Location of observed activity', fr: 'Emplacement de l’activité observée' }, multiple: false,
    options: [
      o('l1', 30, 'L1 Business DMZ', 'L1 DMZ de l’entreprise'),
      o('l2', 40, 'L2 Business network', 'L2 Réseau de l’entreprise'),
      o('unknown', 50, 'Unknown', 'Inconnu'),
      o('l3', 60, 'L3 Business network management', 'L3 Administration du réseau de l’entreprise'),
      o('l4', 70, 'L4 Critical system DMZ', 'L4 DMZ des systèmes critiques'),
      o('l5', 80, 'L5 Critical system management', 'L5 Administration des systèmes critiques'),
      o('l6', 90, 'L6 Critical systems', 'L6 Systèmes critiques'),
      o('l7', 100, 'L7 Safety systems', 'L7 Systèmes de sûreté'),
    ],
  },
  {
    key: 'actor', label: { en: 'Actor characterisation', fr: 'Caractérisation de l’acteur' }, multiple: false,
    options: [
      o('hacktivists', 20, 'Hacktivists', 'Hacktivistes'),
      o('unwitting-insider', 30, 'Unwitting insider', 'Initié involontaire'),
      o('criminal', 40, 'Criminal', 'Criminel'),
      o('unknown', 50, 'Unknown', 'Inconnu'),
      o('witting-insider', 65, 'Witting insider', 'Initié malveillant'),
      o('apt', 80, 'APT', 'APT'),
      o('apt-targeted', 100, 'APT (targeted)', 'APT (ciblée)'),
    ],
  },
  {
    key: 'informationImpact', label: { en: 'Information impact', fr: 'Impact sur l’information' }, multiple: true,
    options: [
      o('no-impact', 0, 'No impact', 'Aucun impact'),
      o('suspected', 10, 'Suspected but not identified', 'Soupçonné mais non identifié'),
      o('privacy-data-loss', 20, 'Privacy data loss', 'Perte de données personnelles'),
      o('proprietary-information-loss', 50, 'Proprietary information loss', 'Perte d’informations propriétaires'),
      o('destruction-non-critical', 60, 'Destruction of non-critical system', 'Destruction d’un système non critique'),
      o('critical-systems-data-breach', 70, 'Critical systems data breach', 'Fuite de données de systèmes critiques'),
      o('core-credential-compromise', 80, 'Core credential compromise', 'Compromission d’identifiants essentiels'),
      o('destruction-critical', 100, 'Destruction of critical system', 'Destruction d’un système critique'),
    ],
  },
  {
    key: 'recoverability', label: { en: 'Recoverability', fr: 'Récupérabilité' }, multiple: false,
    options: [
      o('regular', 20, 'Regular (predictable with existing resources)', 'Normale (prévisible avec les ressources existantes)'),
      o('supplemented', 40, 'Supplemented (predictable with additional resources)', 'Complétée (prévisible avec des ressources supplémentaires)'),
      o('extended', 60, 'Extended (unpredictable; outside help needed)', 'Étendue (imprévisible ; aide extérieure nécessaire)'),
      o('not-recoverable', 100, 'Not recoverable', 'Irrécupérable'),
    ],
  },
  {
    key: 'crossSectorDependency', label: { en: 'Cross-sector dependency', fr: 'Dépendance intersectorielle' }, multiple: true,
    options: [
      o('agriculture-food', 20, 'Agriculture and food', 'Agriculture et alimentation'),
      o('banking-finance', 35, 'Banking and finance', 'Banque et finance'),
      o('chemical', 20, 'Chemical', 'Chimie'),
      o('commercial-facilities', 30, 'Commercial facilities', 'Installations commerciales'),
      o('communications', 75, 'Communications', 'Communications'),
      o('critical-manufacturing', 50, 'Critical manufacturing', 'Industrie critique'),
      o('dams', 25, 'Dams', 'Barrages'),
      o('defense-industrial-base', 35, 'Defense industrial base', 'Base industrielle de défense'),
      o('emergency-services', 25, 'Emergency services', 'Services d’urgence'),
      o('energy', 100, 'Energy', 'Énergie'),
      o('government-facilities', 40, 'Government facilities', 'Installations gouvernementales'),
      o('healthcare', 30, 'Healthcare and public health', 'Santé et santé publique'),
      o('information-technology', 80, 'Information technology', 'Technologies de l’information'),
      o('nuclear', 15, 'Nuclear', 'Nucléaire'),
      o('transportation', 75, 'Transportation systems', 'Systèmes de transport'),
      o('water', 60, 'Water', 'Eau'),
    ],
  },
  {
    key: 'potentialImpact', label: { en: 'Potential impact', fr: 'Impact potentiel' }, multiple: false,
    options: [o('minimal', 0, 'Minimal', 'Minime'), o('low', 25, 'Low', 'Faible'), o('moderate', 50, 'Moderate', 'Modéré'), o('high', 75, 'High', 'Élevé'), o('severe', 100, 'Severe', 'Sévère')],
  },
];

export const ncissCategoryByKey = Object.fromEntries(ncissCategories.map((c) => [c.key, c])) as Record<NcissCategoryKey, NcissCategory>;

/** The priority levels (PPD-41 Cyber Incident Severity Schema), 0 to 5, with the schema's colours. */
export const ncissLevels = [
  { level: 0, key: 'baseline', colour: '#006699', label: { en: 'Baseline', fr: 'Référence (mineur)' } },
  { level: 1, key: 'low', colour: '#339900', label: { en: 'Low', fr: 'Faible' } },
  { level: 2, key: 'medium', colour: '#FCEE21', label: { en: 'Medium', fr: 'Moyen' } },
  { level: 3, key: 'high', colour: '#FFC000', label: { en: 'High', fr: 'Élevé' } },
  { level: 4, key: 'severe', colour: '#CC0033', label: { en: 'Severe', fr: 'Grave' } },
  { level: 5, key: 'emergency', colour: '#000000', label: { en: 'Emergency', fr: 'Urgence' } },
] as const;
export type NcissLevel = 0 | 1 | 2 | 3 | 4 | 5;

/** The scoring configuration the secretariat edits: one weight per category, and the lowest score of levels 5 to 1. */
export interface NcissConfig {
  weights: Record<NcissCategoryKey, number>;
  /** [emergency, severe, high, medium, low]: strictly decreasing, between 0 and 100. */
  bands: [number, number, number, number, number];
}

/** The demonstration configuration's weights (sum 34) and CMU CITE's bands (brief §4.1). */
export const defaultNcissConfig: NcissConfig = {
  weights: { functionalImpact: 6, observedActivity: 5, location: 4, actor: 4, informationImpact: 2, recoverability: 4, crossSectorDependency: 3, potentialImpact: 6 },
  bands: [90, 75, 65, 50, 35],
};

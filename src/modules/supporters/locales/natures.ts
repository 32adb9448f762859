import type { Locale } from '../../../app/i18n/i18n.js';

/**
 * Names of the sub-types the official registry uses (French free text, grouped by natureKey), in each language.
 * A sub-type not listed here is shown as published.
 */
const natureLabels: Readonly<Record<string, Record<Locale, string>>> = {
  entreprise: { en: 'Company', fr: 'Entreprise' },
  'association professionnelle': { en: 'Trade association', fr: 'Association professionnelle' },
  'organisation a but non lucratif': { en: 'Non-profit organisation', fr: 'Organisation à but non lucratif' },
  universite: { en: 'University', fr: 'Université' },
  fondation: { en: 'Foundation', fr: 'Fondation' },
  'think tank': { en: 'Think tank', fr: 'Think tank' },
  association: { en: 'Association', fr: 'Association' },
  'chambre de commerce': { en: 'Chamber of commerce', fr: 'Chambre de commerce' },
  ue: { en: 'EU member state', fr: 'État membre de l’UE' },
  ong: { en: 'NGO', fr: 'ONG' },
  'centre de recherche': { en: 'Research centre', fr: 'Centre de recherche' },
  'collectivite locale': { en: 'Local government', fr: 'Collectivité locale' },
  federation: { en: 'Federation', fr: 'Fédération' },
  forum: { en: 'Forum', fr: 'Forum' },
  'etat federe': { en: 'Federated state', fr: 'État fédéré' },
  'organisme public': { en: 'Public body', fr: 'Organisme public' },
  'organisation internationale': { en: 'International organisation', fr: 'Organisation internationale' },
  operateur: { en: 'Operator', fr: 'Opérateur' },
  ecole: { en: 'School', fr: 'École' },
  'autorite independante': { en: 'Independent authority', fr: 'Autorité indépendante' },
  agence: { en: 'Agency', fr: 'Agence' },
  'groupement d interet public': { en: 'Public interest grouping', fr: 'Groupement d’intérêt public' },
  'commission consultative': { en: 'Advisory commission', fr: 'Commission consultative' },
  'centre d excellence': { en: 'Centre of excellence', fr: 'Centre d’excellence' },
  academie: { en: 'Academy', fr: 'Académie' },
};

export function natureLabel(key: string | null, published: string | null, locale: Locale): string | null {
  if (!key) return published;
  return natureLabels[key]?.[locale] ?? published ?? key;
}

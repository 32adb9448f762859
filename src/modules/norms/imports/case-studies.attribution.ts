/**
 * What the text of each case study says that a reader cannot parse reliably: who did it (as the text names them, and
 * the registry entry it is, when the registry holds one: the registry spells some names otherwise, "The Hague Center
 * of Strategic Studies"), the kind of measure, the year, and the countries the text names. Keyed by
 * `principle-N/<position in the file>`; `starts` is the beginning of the English heading the entry was written for, so
 * a case study that has changed place is never given another's attribution (it is reported and left out).
 *
 * Year: the snapshot of the official repository carries no history, so the year is what the text itself dates; where
 * it dates nothing, 2019, the year the case studies were first published on the official site (its repository starts
 * on 2019-09-16). Countries: those the text names as where the work is done; none otherwise.
 */
import type { PracticeKind } from '../practices/practices.constants.js';

export interface CaseStudyAttribution {
  starts: string;
  attribution: { en: string; fr: string };
  /** The registry's spelling of the supporter's name; null when the registry has no entry for it, or several share it. */
  registryName: string | null;
  /** The registry category, used when no entry is linked (an alliance of companies is `private-sector`); null when mixed. */
  category: 'state' | 'public-authority' | 'private-sector' | 'civil-society' | null;
  kind: PracticeKind;
  year: number;
  /** Why that year. */
  yearBasis: string;
  countries: string[];
}

const undated = 'the text dates nothing: 2019, first publication of the case studies';

export const caseStudyAttributions: Record<string, CaseStudyAttribution> = {
  'principle-1/1': {
    starts: 'Emergency services',
    attribution: { en: 'European Emergency Number Association (EENA)', fr: 'Association européenne du numéro d’appel d’urgence (EENA)' },
    registryName: 'European Emergency Number Association (EENA)',
    category: 'civil-society',
    kind: 'standard-or-guidance',
    year: 2019,
    yearBasis: 'the text recounts 2017 and 2018 as past: 2019, first publication of the case studies',
    countries: [],
  },
  'principle-2/1': {
    starts: 'Protecting the Domain Name System',
    attribution: { en: 'Nameshield', fr: 'Nameshield' },
    registryName: 'Nameshield',
    category: 'private-sector',
    kind: 'technical-measure',
    year: 2019,
    yearBasis: undated,
    countries: [],
  },
  'principle-2/2': {
    starts: 'Public Core CoI',
    attribution: { en: 'The Hague Centre for Strategic Studies (HCSS)', fr: 'Centre d’études stratégiques de La Haye (HCSS)' },
    registryName: 'The Hague Center of Strategic Studies',
    category: 'civil-society',
    kind: 'partnership',
    year: 2019,
    yearBasis: 'builds on the GCSC report "Advancing Cyberstability" (November 2019)',
    countries: [],
  },
  'principle-3/1': {
    starts: 'Protecting the integrity of democratic elections',
    attribution: { en: 'Transatlantic Commission on Election Integrity (TCEI)', fr: 'Transatlantic Commission on Election Integrity (TCEI)' },
    registryName: 'Transatlantic Commission on Election Integrity',
    category: 'civil-society',
    kind: 'programme',
    year: 2019,
    yearBasis: undated,
    countries: [],
  },
  'principle-3/2': {
    starts: 'Countering election interference',
    // Three partners: Canada and Microsoft are in the registry, the Alliance for Securing Democracy is not (the German
    // Marshall Fund, which runs it, is). A practice links one registry entry, so this joint one links none.
    attribution: { en: 'Alliance for Securing Democracy, Government of Canada and Microsoft', fr: 'Alliance for Securing Democracy, gouvernement du Canada et Microsoft' },
    registryName: null,
    category: null,
    kind: 'partnership',
    year: 2020,
    yearBasis: 'the text reports the workshops held "throughout 2020"',
    countries: ['CAN'],
  },
  'principle-4/1': {
    starts: 'Protecting software distributed under open source licenses',
    attribution: { en: 'The Linux Foundation', fr: 'The Linux Foundation' },
    registryName: 'The Linux Foundation',
    category: 'private-sector',
    kind: 'programme',
    year: 2019,
    yearBasis: undated,
    countries: [],
  },
  'principle-4/2': {
    starts: 'Balancing between protection and access',
    attribution: { en: 'The Centre for Internet & Society India', fr: 'Centre indien pour Internet et la société (Centre for Internet & Society India)' },
    registryName: 'Centre for Internet and Society, India',
    category: 'civil-society',
    kind: 'other',
    year: 2019,
    yearBasis: undated,
    countries: ['IND'],
  },
  'principle-5/1': {
    starts: 'Fighting malware at the roots',
    attribution: { en: 'YesWeHack', fr: 'YesWeHack' },
    registryName: 'YesWeHack',
    category: 'private-sector',
    kind: 'programme',
    year: 2019,
    yearBasis: undated,
    countries: [],
  },
  'principle-6/1': {
    starts: 'ICT/OT supply chain integrity',
    attribution: { en: 'Carnegie Endowment for International Peace', fr: 'Fondation Carnegie pour la paix internationale (Carnegie Endowment for International Peace)' },
    registryName: 'Carnegie Endowment for International Peace',
    category: 'civil-society',
    kind: 'standard-or-guidance',
    year: 2019,
    yearBasis: undated,
    countries: [],
  },
  'principle-6/2': {
    starts: 'Charter of Trust',
    attribution: { en: 'Charter of Trust', fr: 'Charter of Trust' },
    registryName: null,
    category: 'private-sector',
    kind: 'partnership',
    year: 2019,
    yearBasis: undated,
    countries: [],
  },
  'principle-6/3': {
    starts: 'Global Transparency Initiative',
    attribution: { en: 'Kaspersky', fr: 'Kaspersky' },
    registryName: 'Kaspersky Lab',
    category: 'private-sector',
    kind: 'programme',
    year: 2019,
    yearBasis: undated,
    countries: [],
  },
  'principle-7/1': {
    starts: 'Seguros en la red',
    attribution: { en: 'Ecuadorian Cybersecurity Association (AECI)', fr: 'Association équatorienne pour la cybersécurité (AECI)' },
    registryName: 'Equatorian Cybersecurity Association (AECI)',
    category: 'civil-society',
    kind: 'capacity-building',
    year: 2019,
    yearBasis: undated,
    countries: ['ECU'],
  },
  'principle-8/1': {
    starts: 'Hack-back, active defense, and countermeasures',
    attribution: { en: 'Cybersecurity Tech Accord', fr: 'Cybersecurity Tech Accord' },
    registryName: null,
    category: 'private-sector',
    kind: 'partnership',
    year: 2019,
    yearBasis: 'announces a meeting at the Internet Governance Forum in Berlin (November 2019)',
    countries: [],
  },
  'principle-9/1': {
    starts: 'Selecting a contact point (POC) in each State',
    attribution: { en: 'France', fr: 'France' },
    registryName: 'France',
    category: 'state',
    kind: 'diplomatic-action',
    year: 2019,
    yearBasis: undated,
    countries: ['FRA'],
  },
  'principle-9/2': {
    starts: 'Preventing the ultimate realization of the cyber risk',
    attribution: { en: 'Nuclear Threat Initiative', fr: 'Nuclear Threat Initiative' },
    registryName: 'Nuclear Threat Initiative',
    category: 'civil-society',
    kind: 'capacity-building',
    year: 2019,
    yearBasis: undated,
    countries: [],
  },
};

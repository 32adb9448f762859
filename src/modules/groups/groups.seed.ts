/**
 * What the official sources say of the six working groups, as the platform states it: English names (as the issue
 * gives them), addresses, short mandates written from those facts, and each co-chair organisation with the words the
 * seed (`seeds/000_*.txt`, the French ministry's page, January 2022) uses for it and the registry entry it is, by
 * name, when the registry has one. The French group names and the co-chairs' presence are checked against the seed
 * when the bundle is built (groups.source.ts), so this table cannot drift from it silently.
 */
import type { Localized } from './groups.tables.js';

export interface SeedCoChair {
  /** As shown in each language; the French is the seed's wording. */
  name: Localized & { en: string; fr: string };
  /** The words of the seed's co-chair line that name it. */
  seedPhrase: string;
  /** The registry entry's exact name, or null for an organisation not in the registry. */
  registryName: string | null;
}

export interface SeedGroup {
  number: number;
  slug: string;
  nameEn: string;
  mandate: { en: string; fr: string };
  coChairs: SeedCoChair[];
}

const peaceForum: SeedCoChair = {
  name: { en: 'Paris Peace Forum secretariat', fr: 'Secrétariat général du Forum de Paris sur la paix' },
  seedPhrase: 'secrétariat général du Forum de Paris sur la paix',
  registryName: null,
};
const same = (name: string, registryName: string | null = name): SeedCoChair => ({ name: { en: name, fr: name }, seedPhrase: name, registryName });

const opened =
  'Opened at the Paris Peace Forum in November 2020, in answer to the 2020 online consultation of supporters, and open to every supporter; it presented its work at the Paris Peace Forum in November 2021.';
const ouvert =
  'Ouvert lors du Forum de Paris sur la paix de novembre 2020, à la suite de la consultation en ligne des soutiens de 2020, et ouvert à tous les soutiens ; il a présenté ses travaux au Forum de Paris sur la paix de novembre 2021.';

export const seedGroups: SeedGroup[] = [
  {
    number: 1,
    slug: 'growing-the-community',
    nameEn: 'Growing the community',
    mandate: { en: `Widen the community of the Call’s supporters. ${opened}`, fr: `Élargir la communauté des soutiens de l’Appel. ${ouvert}` },
    coChairs: [peaceForum, same('National Democratic Institute')],
  },
  {
    number: 2,
    slug: 'engaging-actors-from-emerging-countries',
    nameEn: 'Engaging actors from emerging countries',
    mandate: { en: `Involve in the Call governments, companies and civil society of emerging countries. ${opened}`, fr: `Impliquer dans l’Appel les États, entreprises et sociétés civiles des pays émergents. ${ouvert}` },
    coChairs: [peaceForum, { name: { en: 'State of São Paulo', fr: 'État de Sao Paulo' }, seedPhrase: 'État de Sao Paulo', registryName: 'State of São Paulo' }, same('Schneider Electric')],
  },
  {
    number: 3,
    slug: 'multistakeholder-participation-in-the-un-negotiations',
    nameEn: 'Multistakeholder participation in the UN negotiations',
    mandate: {
      en: `Promote a multistakeholder approach in the cyber negotiations at the United Nations; its report recommends open accreditation, timely online sharing of agendas and documents, input mechanisms and hybrid meetings. ${opened}`,
      fr: `Promouvoir une approche multi-acteurs dans les négociations cyber à l’ONU ; son rapport recommande une accréditation ouverte, le partage en ligne et à temps des ordres du jour et des documents, des mécanismes de contribution et des réunions hybrides. ${ouvert}`,
    },
    coChairs: [same('Cybersecurity Tech Accord', null), same('AccessCyber.org', null)],
  },
  {
    number: 4,
    slug: 'advancing-international-norms',
    nameEn: 'Advancing international norms',
    mandate: { en: `Advance international norms of responsible behaviour in cyberspace. ${opened}`, fr: `Faire progresser les normes internationales de comportement responsable dans le cyberespace. ${ouvert}` },
    coChairs: [
      same('Microsoft'),
      same('F-Secure'),
      {
        name: { en: 'Center for Cyber Security and International Relations Studies, University of Florence', fr: 'Centre d’études en cybersécurité et relations internationales de l’Université de Florence' },
        seedPhrase: 'Centre d’études en cybersécurité et relations internationales de l’Université de Florence',
        registryName: 'Center for Cyber Security and International Relations Studies (CCSIRS) University of Florence',
      },
    ],
  },
  {
    number: 5,
    slug: 'cyberspace-stability-index',
    nameEn: 'A cyberspace stability index',
    mandate: {
      en: `Build a cyberspace stability index; the group presented the methodology for computing it in November 2021, which France is taking to the OECD. ${opened}`,
      fr: `Construire un index de stabilité du cyberespace ; le groupe en a présenté la méthodologie de calcul en novembre 2021, que la France porte devant l’OCDE. ${ouvert}`,
    },
    coChairs: [
      { name: { en: 'GEODE (Université Paris 8)', fr: 'Géopolitique de la Datasphère (GEODE – Université Paris 8)' }, seedPhrase: 'Géopolitique de la Datasphère (GEODE – Université Paris 8)', registryName: 'GEODE (Université Paris 8)' },
      { name: { en: 'The Hague Center for Strategic Studies', fr: 'Hague Center for Strategic Studies' }, seedPhrase: 'Hague Center for Strategic Studies', registryName: 'The Hague Center of Strategic Studies' },
      same('CyberPeace Institute'),
    ],
  },
  {
    number: 6,
    slug: 'concrete-tools-for-supporters',
    nameEn: 'Concrete tools for supporters',
    mandate: {
      en: `Develop concrete tools for the Call’s supporters; its report deals with securing the ICT supply chain, with a mapping of supply chain security. ${opened}`,
      fr: `Développer des outils concrets pour les soutiens de l’Appel ; son rapport porte sur la sécurisation de la chaîne d’approvisionnement numérique, avec une cartographie de la sécurité de cette chaîne. ${ouvert}`,
    },
    coChairs: [same('Cigref'), { name: { en: 'Kaspersky', fr: 'Kaspersky' }, seedPhrase: 'Kaspersky', registryName: 'Kaspersky Lab' }],
  },
];

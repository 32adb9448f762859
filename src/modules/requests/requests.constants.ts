/**
 * The vocabulary of a request between organisations (norm 13(h), the UN template's request for information, request
 * for assistance and notification, plus an acknowledgement): its kinds, urgencies with their clocks, the NIS2 sectors,
 * its states and outcomes, PAP, and TLP 2.0's own words (shown on the form and on every request).
 */
import type { TlpLabel } from '../../app/authz/tlp.js';

export const requestKinds = ['information', 'assistance', 'notification', 'acknowledgement'] as const;
export type RequestKind = (typeof requestKinds)[number];

const hour = 3_600_000;
/** Each urgency's clocks: the recipient acknowledges within `ack`, answers within `response` (milliseconds). */
export const urgencies = {
  routine: { ack: 24 * hour, response: 7 * 24 * hour },
  high: { ack: 4 * hour, response: 72 * hour },
  critical: { ack: 1 * hour, response: 24 * hour },
} as const;
export type Urgency = keyof typeof urgencies;
export const urgencyNames = Object.keys(urgencies) as Urgency[];

/** NIS2 (Directive (EU) 2022/2555) Annex I (sectors of high criticality) and Annex II (other critical sectors). */
export const sectors = {
  energy: { en: 'Energy', fr: 'Énergie', annex: 'I' },
  transport: { en: 'Transport', fr: 'Transports', annex: 'I' },
  banking: { en: 'Banking', fr: 'Secteur bancaire', annex: 'I' },
  'financial-market-infrastructures': { en: 'Financial market infrastructures', fr: 'Infrastructures des marchés financiers', annex: 'I' },
  health: { en: 'Health', fr: 'Santé', annex: 'I' },
  'drinking-water': { en: 'Drinking water', fr: 'Eau potable', annex: 'I' },
  'waste-water': { en: 'Waste water', fr: 'Eaux usées', annex: 'I' },
  'digital-infrastructure': { en: 'Digital infrastructure', fr: 'Infrastructure numérique', annex: 'I' },
  'ict-service-management': { en: 'ICT service management (business-to-business)', fr: 'Gestion des services TIC (interentreprises)', annex: 'I' },
  'public-administration': { en: 'Public administration', fr: 'Administration publique', annex: 'I' },
  space: { en: 'Space', fr: 'Espace', annex: 'I' },
  'postal-courier': { en: 'Postal and courier services', fr: 'Services postaux et d’expédition', annex: 'II' },
  'waste-management': { en: 'Waste management', fr: 'Gestion des déchets', annex: 'II' },
  chemicals: { en: 'Manufacture, production and distribution of chemicals', fr: 'Fabrication, production et distribution de produits chimiques', annex: 'II' },
  food: { en: 'Production, processing and distribution of food', fr: 'Production, transformation et distribution des denrées alimentaires', annex: 'II' },
  manufacturing: { en: 'Manufacturing', fr: 'Fabrication', annex: 'II' },
  'digital-providers': { en: 'Digital providers', fr: 'Fournisseurs numériques', annex: 'II' },
  research: { en: 'Research', fr: 'Recherche', annex: 'II' },
  none: { en: 'No critical-infrastructure sector', fr: 'Aucun secteur d’infrastructure critique', annex: '' },
} as const;
export type Sector = keyof typeof sectors;
export const sectorNames = Object.keys(sectors) as Sector[];

export const requestStates = ['sent', 'acknowledged', 'answered', 'closed'] as const;
export type RequestState = (typeof requestStates)[number];
/** How a closed request ended; `no-response` is kept apart from the others (silence is not "declined"). */
export const outcomes = ['resolved', 'declined', 'withdrawn', 'no-response'] as const;
export type Outcome = (typeof outcomes)[number];

export const papLabels = ['CLEAR', 'GREEN', 'AMBER', 'RED'] as const;
export type PapLabel = (typeof papLabels)[number];

/** FIRST TLP 2.0 (August 2022), verbatim: the standard's own English, whatever the page's language. */
export const tlpDefinitionsEn: Record<TlpLabel, string> = {
  RED: 'For the eyes and ears of individual recipients only, no further disclosure. Sources may use TLP:RED when information cannot be effectively acted upon without significant risk for the privacy, reputation, or operations of the organizations involved. Recipients may therefore not share TLP:RED information with anyone else. In the context of a meeting, for example, TLP:RED information is limited to those present at the meeting.',
  'AMBER+STRICT': 'Limited disclosure, recipients can only spread this on a need-to-know basis within their organization. Note that TLP:AMBER+STRICT restricts sharing to the organization only.',
  AMBER: 'Limited disclosure, recipients can only spread this on a need-to-know basis within their organization and its clients. Note that TLP:AMBER+STRICT restricts sharing to the organization only. Sources may use TLP:AMBER when information requires support to be effectively acted upon, yet carries risk to privacy, reputation, or operations if shared outside of the organizations involved. Recipients may share TLP:AMBER information with members of their own organization and its clients, but only on a need-to-know basis to protect their organization and its clients and prevent further harm. Note: if the source wants to restrict sharing to the organization only, they must specify TLP:AMBER+STRICT.',
  GREEN: "Limited disclosure, recipients can spread this within their community. Sources may use TLP:GREEN when information is useful to increase awareness within their wider community. Recipients may share TLP:GREEN information with peers and partner organizations within their community, but not via publicly accessible channels. TLP:GREEN information may not be shared outside of the community. Note: when 'community' is not defined, assume the cybersecurity/defense community.",
  CLEAR: 'Recipients can spread this to the world, there is no limit on disclosure. Sources may use TLP:CLEAR when information carries minimal or no foreseeable risk of misuse, in accordance with applicable rules and procedures for public release. Subject to standard copyright rules, TLP:CLEAR information may be shared without restriction.',
};

/** Our French translation (not FIRST's text: the pages say so); the labels stay in English capitals. */
export const tlpDefinitionsFr: Record<TlpLabel, string> = {
  RED: 'Réservé aux seuls destinataires individuels, aucune autre divulgation. Les sources peuvent utiliser TLP:RED lorsqu’il est impossible d’agir efficacement sur l’information sans risque important pour la vie privée, la réputation ou les activités des organisations concernées. Les destinataires ne peuvent donc partager une information TLP:RED avec personne d’autre. Dans le cadre d’une réunion, par exemple, une information TLP:RED est limitée aux personnes présentes.',
  'AMBER+STRICT': 'Divulgation limitée : les destinataires ne peuvent la diffuser qu’en cas de besoin d’en connaître, au sein de leur organisation. TLP:AMBER+STRICT limite le partage à la seule organisation.',
  AMBER: 'Divulgation limitée : les destinataires ne peuvent la diffuser qu’en cas de besoin d’en connaître, au sein de leur organisation et auprès de ses clients. TLP:AMBER+STRICT limite le partage à la seule organisation. Les sources peuvent utiliser TLP:AMBER lorsque l’information nécessite un soutien pour qu’on puisse agir efficacement, mais comporte un risque pour la vie privée, la réputation ou les activités si elle est partagée hors des organisations concernées. Les destinataires peuvent partager une information TLP:AMBER avec les membres de leur organisation et ses clients, mais seulement en cas de besoin d’en connaître, pour protéger leur organisation et ses clients et éviter d’autres dommages. Si la source veut limiter le partage à la seule organisation, elle doit indiquer TLP:AMBER+STRICT.',
  GREEN: 'Divulgation limitée : les destinataires peuvent la diffuser au sein de leur communauté. Les sources peuvent utiliser TLP:GREEN lorsque l’information est utile pour sensibiliser leur communauté élargie. Les destinataires peuvent partager une information TLP:GREEN avec leurs pairs et les organisations partenaires de leur communauté, mais pas par des canaux accessibles au public. Une information TLP:GREEN ne peut pas être partagée hors de la communauté. Lorsque la « communauté » n’est pas définie, on entend la communauté de la cybersécurité et de la défense.',
  CLEAR: 'Les destinataires peuvent la diffuser au monde entier, sans limite de divulgation. Les sources peuvent utiliser TLP:CLEAR lorsque l’information ne présente qu’un risque d’usage abusif minime ou nul prévisible, conformément aux règles et procédures applicables à la diffusion publique. Sous réserve des règles habituelles du droit d’auteur, une information TLP:CLEAR peut être partagée sans restriction.',
};

/** The FIRST colours, on black. */
export const tlpColours: Record<TlpLabel, string> = { RED: '#FF2B2B', 'AMBER+STRICT': '#FFC000', AMBER: '#FFC000', GREEN: '#33FF00', CLEAR: '#FFFFFF' };

/** The name that replaces an erased person on the requests their organisation keeps. */
export const erasedPerson = { en: 'erased person', fr: 'personne effacée' } as const;

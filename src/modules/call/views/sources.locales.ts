import { createTranslator, type Catalog } from '../../../app/i18n/i18n.js';

/** Strings of the open-data page's "where the data comes from" section. English is the type; French must match it. */
export const en = {
  'sources.title': 'Where the data comes from',
  'sources.intro':
    'The platform ships the Call’s data with its code (the reference bundle), derived from these sources by its own importers. Entries changed on the platform since (joined, claimed, edited, withdrawn) are the platform’s own record.',
  'sources.caption': 'Sources of the reference bundle',
  'sources.file': 'File',
  'sources.contents': 'Contents',
  'sources.records': 'Records',
  'sources.source': 'Source',
  'sources.version': 'Version',
  'sources.licence': 'Licence',
  'sources.withheld': 'Left out for its licence: {what}',
} as const;

export const fr: Catalog<typeof en> = {
  'sources.title': 'D’où viennent les données',
  'sources.intro':
    'La plateforme livre les données de l’Appel avec son code (le paquet de référence), tirées de ces sources par ses propres importateurs. Les fiches modifiées depuis sur la plateforme (adhésion, revendication, modification, retrait) relèvent de son propre registre.',
  'sources.caption': 'Sources du paquet de référence',
  'sources.file': 'Fichier',
  'sources.contents': 'Contenu',
  'sources.records': 'Enregistrements',
  'sources.source': 'Source',
  'sources.version': 'Version',
  'sources.licence': 'Licence',
  'sources.withheld': 'Omis en raison de sa licence : {what}',
};

/** Translator for the open-data page's sources section. */
export const sourceMessages = createTranslator<typeof en>({ en, fr });

import type { Catalog } from '../../../../app/i18n/i18n.js';
import type { en } from './en.js';

/** Titres des groupes de la bibliothèque de pratiques sur les pages des principes, des normes et des soutiens. */
export const fr: Catalog<typeof en> = {
  'contributions.practices': 'Pratiques signalées',
  'contributions.caseStudies': 'Études de cas (bibliothèque de pratiques)',
  'contributions.practices.none': 'Aucune pratique qui s’y rattache n’a encore été publiée.',
  'contributions.supporters': 'Les soutiens à l’origine de ces pratiques',
  'contributions.supporters.count': '{count, plural, one {# pratique ou étude de cas} other {# pratiques et études de cas}}',
};

import type { Catalog } from '../../../../app/i18n/i18n.js';
import type { en } from './en.js';

/** Chaînes des imports de pratiques. */
export const fr: Catalog<typeof en> = {
  'error.source.invalid': 'La source des pratiques ne peut pas être importée : {where} : {problem}. Rien n’a été écrit.',
};

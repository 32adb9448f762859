import { createTranslator } from '../../app/i18n/i18n.js';
import { en } from './locales/en.js';
import { fr } from './locales/fr.js';

/** The disclosure registry's strings (pages, forms, errors, problems of a security.txt). */
export const disclosureMessages = createTranslator<typeof en>({ en, fr });
export type DisclosureMessageKey = keyof typeof en;

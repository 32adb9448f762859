import { createTranslator } from '../../app/i18n/i18n.js';
import { en } from './locales/en.js';
import { fr } from './locales/fr.js';

/** Translator of the working groups' pages, forms and e-mails. */
export const groupsMessages = createTranslator<typeof en>({ en, fr });
export type GroupsTranslate = ReturnType<typeof groupsMessages>;
export type GroupsMessageKey = keyof typeof en;

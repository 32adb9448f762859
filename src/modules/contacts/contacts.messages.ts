import { createTranslator } from '../../app/i18n/i18n.js';
import { en } from './locales/en.js';
import { fr } from './locales/fr.js';

/** Translator of the directory's pages, forms, e-mails and errors. */
export const contactsMessages = createTranslator<typeof en>({ en, fr });
export type ContactsTranslate = ReturnType<typeof contactsMessages>;
export type ContactsMessageKey = keyof typeof en;

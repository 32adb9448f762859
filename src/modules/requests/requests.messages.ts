import { createTranslator } from '../../app/i18n/i18n.js';
import { en } from './locales/en.js';
import { fr } from './locales/fr.js';

/** Translator of the requests' pages, forms and e-mails. */
export const requestsMessages = createTranslator<typeof en>({ en, fr });
export type RequestsTranslate = ReturnType<typeof requestsMessages>;
export type RequestsMessageKey = keyof typeof en;

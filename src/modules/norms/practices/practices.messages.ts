import { createTranslator } from '../../../app/i18n/i18n.js';
import { en } from './locales/en.js';
import { fr } from './locales/fr.js';

/** Translator of the practice library's pages, forms and e-mails. */
export const practicesMessages = createTranslator<typeof en>({ en, fr });
export type PracticesTranslate = ReturnType<typeof practicesMessages>;
export type PracticesMessageKey = keyof typeof en;

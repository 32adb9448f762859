import { createTranslator } from '../../app/i18n/i18n.js';
import { en } from './locales/en.js';
import { fr } from './locales/fr.js';

/** Translator of the coordination cases' pages, forms and e-mails. */
export const casesMessages = createTranslator<typeof en>({ en, fr });
export type CasesTranslate = ReturnType<typeof casesMessages>;
export type CasesMessageKey = keyof typeof en;

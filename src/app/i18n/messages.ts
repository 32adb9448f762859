import { createTranslator } from './i18n.js';
import { en } from './locales/en.js';
import { fr } from './locales/fr.js';

/** Translator for the shared layout and error pages. */
export const appMessages = createTranslator<typeof en>({ en, fr });

import { createTranslator } from '../i18n/i18n.js';
import { en } from './locales/en.js';
import { fr } from './locales/fr.js';

/** Translator for the files store's refusals. */
export const filesMessages = createTranslator<typeof en>({ en, fr });

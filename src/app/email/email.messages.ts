import { createTranslator } from '../i18n/i18n.js';
import { en } from './locales/en.js';
import { fr } from './locales/fr.js';

/** Translator for the shared e-mail frame. */
export const emailMessages = createTranslator<typeof en>({ en, fr });

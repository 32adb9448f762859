import { createTranslator } from '../../app/i18n/i18n.js';
import { en } from './locales/en.js';
import { fr } from './locales/fr.js';

/** Strings of the ping exercises (pages, e-mails, errors). */
export const pingsMessages = createTranslator<typeof en>({ en, fr });
export type PingsMessageKey = keyof typeof en;

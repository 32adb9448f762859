import { createTranslator } from '../../../app/i18n/i18n.js';
import { en } from './locales/en.js';
import { fr } from './locales/fr.js';

/** The implementation reports' strings (pages, forms, errors, exports' labels). */
export const reportsMessages = createTranslator<typeof en>({ en, fr });
export type ReportsMessageKey = keyof typeof en;

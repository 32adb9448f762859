import { createTranslator } from '../../app/i18n/i18n.js';
import { en } from './locales/en.js';
import { fr } from './locales/fr.js';

/** Translator of the incidents' pages, forms and reminders. */
export const incidentsMessages = createTranslator<typeof en>({ en, fr });
export type IncidentsTranslate = ReturnType<typeof incidentsMessages>;
export type IncidentsMessageKey = keyof typeof en;

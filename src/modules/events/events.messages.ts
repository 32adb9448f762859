import { createTranslator } from '../../app/i18n/i18n.js';
import { en } from './locales/en.js';
import { fr } from './locales/fr.js';

/** Translator of the events' pages, forms, calendars and e-mails. */
export const eventsMessages = createTranslator<typeof en>({ en, fr });
export type EventsTranslate = ReturnType<typeof eventsMessages>;
export type EventsMessageKey = keyof typeof en;

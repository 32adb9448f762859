import { createTranslator } from '../../app/i18n/i18n.js';
import { en } from './locales/en.js';
import { fr } from './locales/fr.js';

/** The consultations' strings (pages, forms, errors, e-mails, exports' labels). */
export const consultationsMessages = createTranslator<typeof en>({ en, fr });
export type ConsultationsMessageKey = keyof typeof en;

import { createTranslator } from '../../app/i18n/i18n.js';
import { en } from './locales/en.js';
import { fr } from './locales/fr.js';

export const applicationMessages = createTranslator<typeof en>({ en, fr });
export type ApplicationMessages = ReturnType<typeof applicationMessages>;
export type ApplicationMessageKey = keyof typeof en & string;

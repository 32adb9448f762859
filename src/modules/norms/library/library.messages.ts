import { createTranslator } from '../../../app/i18n/i18n.js';
import { en } from './locales/en.js';
import { fr } from './locales/fr.js';

export const libraryMessages = createTranslator<typeof en>({ en, fr });
export type LibraryMessages = ReturnType<typeof libraryMessages>;
export type LibraryMessageKey = keyof typeof en;

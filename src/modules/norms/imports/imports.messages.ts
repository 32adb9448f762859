import { createTranslator } from '../../../app/i18n/i18n.js';
import { en } from './locales/en.js';
import { fr } from './locales/fr.js';

export const practiceImportMessages = createTranslator<typeof en>({ en, fr });

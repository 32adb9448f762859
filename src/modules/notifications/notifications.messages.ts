import { createTranslator } from '../../app/i18n/i18n.js';
import { en } from './locales/en.js';
import { fr } from './locales/fr.js';

/** Notifications' strings (subscriptions and unsubscribe pages, digests, reminders). */
export const notificationsMessages = createTranslator<typeof en>({ en, fr });
export type NotificationsMessageKey = keyof typeof en;

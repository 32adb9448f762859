import type { AppModule } from '../../app/app-module.js';
import { notificationsAccess } from './notifications.access.js';
import { registerNotificationsAccountSection } from './notifications.account.js';
import { registerNotificationsPages } from './notifications.pages.js';
import { notificationsJobHandlers, startNotificationSchedules } from './notifications.schedule.js';
import { registerPrivacyPart } from '../../app/privacy/privacy.js';
import { notificationsPrivacyPart } from './notifications.privacy.js';

/**
 * Notifications that respect attention: per-group subscriptions (a role in a group means its weekly digest unless one
 * chooses otherwise), daily and weekly digests built from the groups' activity sources, reminders of deadlines within
 * 48 hours, all through the outbox, in the recipient's language, with a one-click unsubscribe.
 */
export const notificationsModule: AppModule = {
  name: 'notifications',
  access: notificationsAccess,
  async register(app, context) {
    registerPrivacyPart(notificationsPrivacyPart);
    await registerNotificationsPages(app, context);
    registerNotificationsAccountSection();
  },
  jobHandlers: (context) => notificationsJobHandlers(context),
  onWorkerStart: (context) => startNotificationSchedules(context),
};

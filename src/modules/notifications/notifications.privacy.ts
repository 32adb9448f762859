import type { PrivacyPart } from '../../app/privacy/privacy.js';
import { createNotificationsPersonalDataRepository } from './notifications.repository.js';

/** What a person chose to hear from each group and what was sent to them; erased with the account. */
export const notificationsPrivacyPart: PrivacyPart = {
  name: 'notifications',
  async export(db, user) {
    const repository = createNotificationsPersonalDataRepository(db);
    return { subscriptions: await repository.subscriptionsOf(user.id), sent: await repository.deliveriesOf(user.id) };
  },
  async erase(tx, user) {
    await createNotificationsPersonalDataRepository(tx).eraseAll(user.id);
  },
};

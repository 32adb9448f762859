import type { PrivacyPart } from '../../app/privacy/privacy.js';
import { createEventsPersonalDataRepository } from './events.repository.js';

/**
 * A person's event registrations and the invitations sent to their address. Erasure removes them (runs before the
 * account part blanks the address, which it needs to find the invitations).
 */
export const eventsPrivacyPart: PrivacyPart = {
  name: 'events',
  async export(db, user) {
    const repository = createEventsPersonalDataRepository(db);
    return { registrations: await repository.registrationsOf(user.id), invitations: user.email ? await repository.invitationsOf(user.email) : [] };
  },
  async erase(tx, user) {
    await createEventsPersonalDataRepository(tx).eraseAll(user.id, user.email);
  },
};

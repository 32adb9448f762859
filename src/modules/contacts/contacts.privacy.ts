/**
 * A person's points-of-contact records (GDPR articles 15 and 17): the records their account accepted, with their
 * channels, are in their export; erasing the account withdraws each (personal fields emptied, channels and keys
 * removed, the `contact` grant revoked), so pings and requests keep their history without the person.
 */
import { recordAudit } from '../../app/audit/audit.js';
import type { PrivacyPart } from '../../app/privacy/privacy.js';
import { contactsOfUser } from './contacts.queries.js';
import { createContactsRepository } from './contacts.repository.js';
import { blankContact } from './contacts.usecases.js';

export const contactsPrivacyPart: PrivacyPart = {
  name: 'pointsOfContact',
  async export(db, user) {
    const contacts = await contactsOfUser(db, user.id);
    return {
      contacts: contacts.map((c) => ({
        id: c.id, supporterId: c.supporterId, role: c.role, name: c.name, title: c.title, email: c.email, state: c.state, timeZone: c.timeZone, weeklyHours: c.weeklyHours,
        languages: c.languages, published: c.published, attestedAt: c.attestedAt?.toISOString() ?? null, channels: c.channels.map((ch) => ({ kind: ch.kind, value: ch.value, is24x7: ch.is24x7, published: ch.published })),
      })),
    };
  },
  async erase(tx, user) {
    for (const contact of await createContactsRepository(tx).ofUser(user.id)) {
      await blankContact(tx, 'system:privacy', contact, 'account erased', new Date());
      await recordAudit(tx, { actor: 'system:privacy', action: 'contacts.withdraw', subject: contact.id, reason: 'account erased', details: { supporter: contact.supporterId } });
    }
  },
};

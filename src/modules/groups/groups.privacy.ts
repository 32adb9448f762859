import type { PrivacyPart } from '../../app/privacy/privacy.js';
import { createGroupsPersonalDataRepository } from './groups.repository.js';

/**
 * A person's requests to join or observe working groups, with their messages and the co-chairs' reasons. Erasing the
 * account removes them (its scoped roles are revoked by the account's own part); the audit log keeps the decisions.
 */
export const groupsPrivacyPart: PrivacyPart = {
  name: 'workingGroups',
  async export(db, user) {
    return { memberships: await createGroupsPersonalDataRepository(db).membershipsOf(user.id) };
  },
  async erase(tx, user) {
    await createGroupsPersonalDataRepository(tx).eraseMemberships(user.id);
  },
};

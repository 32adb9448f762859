/**
 * Incidents in a person's data: the incidents they recorded are listed in their export (id, organisation, title,
 * marking, when); erasing the account keeps the incidents (they are their organisation's record) without their author.
 */
import type { PrivacyPart } from '../../app/privacy/privacy.js';
import { createIncidentsRepository } from './incidents.repository.js';

export const incidentsPrivacyPart: PrivacyPart = {
  name: 'incidents',
  async export(db, user) {
    const rows = await createIncidentsRepository(db).authoredBy(user.id);
    return { incidentsRecorded: rows.map((r) => ({ id: r.id, organisation: r.supporterId, title: r.title, tlp: r.tlp, recordedAt: r.createdAt.toISOString() })) };
  },
  async erase(tx, user) {
    await createIncidentsRepository(tx).forgetAuthor(user.id);
  },
};

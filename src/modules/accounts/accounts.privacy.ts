import { eraseSignInRecords, signInRecordsOf } from '../../app/auth/auth.repository.js';
import { erasePersonalDataInJobs } from '../../app/jobs/jobs.repository.js';
import type { PrivacyPart } from '../../app/privacy/privacy.js';

/**
 * The account's own personal data: the profile, where and how the person signed in, their passkeys, and the
 * e-mails queued to them. Runs last on erasure, once other modules no longer need the address.
 */
export const accountPrivacyPart: PrivacyPart = {
  name: 'account',
  order: 100,
  async export(db, user) {
    const { sessions: sessionRows, passkeys: passkeyRows } = await signInRecordsOf(db, user.id);
    return {
      profile: {
        id: user.id,
        email: user.email,
        name: user.name,
        locale: user.locale,
        role: user.role,
        status: user.status,
        createdAt: user.createdAt,
        lastSignInAt: user.lastSignInAt,
      },
      // Ids of sessions are hashes of secrets, left out; what matters to the person is when and from what.
      sessions: sessionRows.map((s) => ({ method: s.method, userAgent: s.userAgent, createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, expiresAt: s.expiresAt, revokedAt: s.revokedAt })),
      passkeys: passkeyRows.map((p) => ({ label: p.label, createdAt: p.createdAt, lastUsedAt: p.lastUsedAt })),
    };
  },
  async erase(tx, user) {
    await eraseSignInRecords(tx, user);
    if (user.email) await erasePersonalDataInJobs(tx, user.email);
  },
};

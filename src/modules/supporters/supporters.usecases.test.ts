import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../app/audit/audit.tables.js';
import { systemActor, type Actor, type Grant } from '../../app/authz/actor.js';
import type { DatabaseHandle } from '../../app/database/database.js';
import { createTestDatabase } from '../../app/database/test-utils.js';
import { readCallContent } from '../call/call.source.js';
import { importCallContent } from '../call/call.usecases.js';
import { fixtureSite } from '../../../test/helpers/app.js';
import { markSupporterClaimed, publishSupporter, updateSupporterFields, withdrawSupporter, type PublicSupporterFields } from './supporters.usecases.js';

const fields: PublicSupporterFields = { name: 'Fictional Institute', category: 'civil-society', countryCode: 'FRA', nature: null, website: null, twitter: null, linkedin: null, statement: '', statementLocale: null };

function user(role: 'member' | 'moderator', method: 'passkey' | 'email-link', grants: Grant[] = []): Actor {
  return { kind: 'user', userId: `usr_${role}`, email: `${role}@example.org`, name: null, role, locale: 'en', sessionId: 'ses_1', method, grants };
}

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const publish = (actor: Actor) => publishSupporter(database.db, fields, { actor });

describe('the registry write use cases authorize their actor', () => {
  it('anyone but the secretariat on a passkey session or the system is refused publishing, with 401, 403 or a passkey demand', async () => {
    await expect(publish({ kind: 'anonymous' })).rejects.toMatchObject({ code: 'auth.unauthorized', status: 401 });
    await expect(publish(user('member', 'passkey'))).rejects.toMatchObject({ code: 'auth.forbidden', status: 403 });
    await expect(publish(user('moderator', 'email-link'))).rejects.toMatchObject({ code: 'auth.passkey-required', status: 403 });
  });

  it('a moderator publishes, edits and marks an entry claimed, and the audit log names them as before (user:<id>)', async () => {
    const moderator = user('moderator', 'passkey');
    const { id } = await publish(moderator);
    await updateSupporterFields(database.db, id, { ...fields, website: 'https://example.org/' }, { actor: moderator });
    await markSupporterClaimed(database.db, id, { actor: moderator });
    const entries = await database.db.select({ actor: auditLog.actor, action: auditLog.action }).from(auditLog).where(eq(auditLog.subject, id));
    expect(entries.map((e) => `${e.action} ${e.actor}`).sort()).toEqual(['supporters.claim user:usr_moderator', 'supporters.publish user:usr_moderator', 'supporters.update user:usr_moderator']);
  });

  it('a member may not edit or mark an entry claimed, even one they represent', async () => {
    const { id } = await publish(systemActor('test'));
    const representative = user('member', 'email-link', [{ role: 'representative', scopeId: id }]);
    await expect(updateSupporterFields(database.db, id, fields, { actor: representative })).rejects.toMatchObject({ status: 403 });
    await expect(markSupporterClaimed(database.db, id, { actor: representative })).rejects.toMatchObject({ status: 403 });
  });

  it('a representative withdraws their own entry but not another, and the system withdraws any', async () => {
    const own = await publish(systemActor('test'));
    const other = await publish(systemActor('test'));
    const representative = user('member', 'email-link', [{ role: 'representative', scopeId: own.id }]);
    await expect(withdrawSupporter(database.db, other.id, { actor: representative })).rejects.toMatchObject({ status: 403 });
    expect(await withdrawSupporter(database.db, own.id, { actor: representative })).toBe(true);
    expect(await withdrawSupporter(database.db, other.id, { actor: systemActor('cli:alice') })).toBe(true);
    const withdrawals = await database.db.select({ actor: auditLog.actor }).from(auditLog).where(eq(auditLog.action, 'supporters.withdraw'));
    expect(withdrawals.map((w) => w.actor).sort()).toEqual(['cli:alice', 'user:usr_member']);
  });

  it("the Call's texts are imported by the system, refused to a member", async () => {
    const parsed = await readCallContent(fixtureSite);
    await expect(importCallContent({ db: database.db, parsed, actor: user('member', 'passkey') })).rejects.toMatchObject({ status: 403 });
    const counts = await importCallContent({ db: database.db, parsed, actor: systemActor('cli:alice') });
    expect(counts.documents).toBeGreaterThan(0);
    const [entry] = await database.db.select({ actor: auditLog.actor }).from(auditLog).where(eq(auditLog.action, 'call.import'));
    expect(entry?.actor).toBe('cli:alice');
  });
});

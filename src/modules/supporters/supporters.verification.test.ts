import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../app/audit/audit.tables.js';
import { systemActor, type Actor } from '../../app/authz/actor.js';
import type { DatabaseHandle } from '../../app/database/database.js';
import { createTestDatabase } from '../../app/database/test-utils.js';
import { nextVerification, verificationLevelFor, type VerificationEvidence } from './supporters.models.js';
import { supporters } from './supporters.tables.js';
import { publishSupporter, recordSupporterVerification, verificationEvidenceOf, type PublicSupporterFields } from './supporters.usecases.js';

const none: VerificationEvidence = { noteVerbale: false, websiteCode: false, emailDomain: false };

describe('the level an approval establishes', () => {
  it.each([
    [none, 'secretariat-review'],
    [{ ...none, emailDomain: true }, 'email-domain'],
    [{ ...none, websiteCode: true }, 'website'],
    [{ ...none, websiteCode: true, emailDomain: true }, 'website'],
    [{ ...none, noteVerbale: true }, 'diplomatic-route'],
    [{ noteVerbale: true, websiteCode: true, emailDomain: true }, 'diplomatic-route'],
  ] as const)('%o gives %s', (evidence, level) => {
    expect(verificationLevelFor(evidence)).toBe(level);
  });

  it.each([
    ['official-registry', 'secretariat-review', 'secretariat-review'],
    ['secretariat-review', 'email-domain', 'email-domain'],
    ['website', 'email-domain', 'website'],
    ['diplomatic-route', 'website', 'diplomatic-route'],
    ['email-domain', 'email-domain', 'email-domain'],
  ] as const)('an entry at %s approved again with %s is at %s', (current, approved, expected) => {
    expect(nextVerification({ level: current, on: '2025-01-01' }, { level: approved, on: '2026-02-02' }).level).toBe(expected);
  });

  it('a level kept keeps its day', () => {
    expect(nextVerification({ level: 'website', on: '2025-01-01' }, { level: 'website', on: '2026-02-02' })).toEqual({ level: 'website', on: '2025-01-01' });
  });

  it('reads the application: a recorded note verbale, a passed well-known or DNS check, a passed e-mail domain check; failures and blanks prove nothing', () => {
    const signal = (kind: string, status: string) => ({ kind, status, detail: 'never copied' });
    expect(verificationEvidenceOf({ noteVerbale: '  ', signals: [signal('well-known', 'fail'), signal('dns-txt', 'pending'), signal('email-domain', 'fail')] })).toEqual(none);
    expect(verificationEvidenceOf({ noteVerbale: 'NV 12/2026', signals: [] })).toEqual({ ...none, noteVerbale: true });
    expect(verificationEvidenceOf({ noteVerbale: null, signals: [signal('dns-txt', 'pass')] })).toEqual({ ...none, websiteCode: true });
    expect(verificationEvidenceOf({ noteVerbale: null, signals: [signal('well-known', 'pass'), signal('email-domain', 'pass')] })).toEqual({ ...none, websiteCode: true, emailDomain: true });
  });
});

describe('recording the verification of an entry', () => {
  const fields: PublicSupporterFields = { name: 'Verified Institute', category: 'civil-society', countryCode: 'FRA', nature: null, website: null, twitter: null, linkedin: null, statement: '', statementLocale: null };
  const system = systemActor('test');
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.close());
  const levelOf = async (id: string) => (await database.db.select().from(supporters).where(eq(supporters.id, id)))[0]!;

  it('an entry published on the platform starts at the secretariat review, dated its signature day', async () => {
    const { id } = await publishSupporter(database.db, fields, { actor: system, signedOn: '2026-03-01' });
    expect(await levelOf(id)).toMatchObject({ verificationLevel: 'secretariat-review', verifiedOn: '2026-03-01' });
  });

  it('is raised by stronger evidence, never lowered, and audited with the level only', async () => {
    const { id } = await publishSupporter(database.db, { ...fields, name: 'Raised Institute' }, { actor: system, signedOn: '2026-03-01' });
    expect(await recordSupporterVerification(database.db, id, { ...none, websiteCode: true }, { actor: system, on: '2026-03-02', cause: 'app_1' })).toBe('website');
    expect(await recordSupporterVerification(database.db, id, { ...none, emailDomain: true }, { actor: system, on: '2026-03-09', cause: 'app_2' })).toBe('website');
    expect(await levelOf(id)).toMatchObject({ verificationLevel: 'website', verifiedOn: '2026-03-02' });
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, 'supporters.verify'));
    expect(audit.map((entry) => entry.details)).toContainEqual({ level: 'website', on: '2026-03-02', previous: 'secretariat-review', cause: 'app_1' });
  });

  it('is refused to anyone but the secretariat or the system', async () => {
    const { id } = await publishSupporter(database.db, { ...fields, name: 'Guarded Institute' }, { actor: system });
    const member: Actor = { kind: 'user', userId: 'usr_member', email: 'member@example.org', name: null, role: 'member', locale: 'en', sessionId: 'ses_1', method: 'passkey', grants: [] };
    await expect(recordSupporterVerification(database.db, id, { ...none, noteVerbale: true }, { actor: member })).rejects.toMatchObject({ code: 'auth.forbidden', status: 403 });
    await expect(recordSupporterVerification(database.db, id, none, { actor: { kind: 'anonymous' } })).rejects.toMatchObject({ status: 401 });
    expect((await levelOf(id)).verificationLevel).toBe('secretariat-review');
  });
});

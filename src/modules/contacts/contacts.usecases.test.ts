/**
 * The life of a point of contact through its use cases, on a real database: nomination and acceptance, stale forms,
 * withdrawal, the attestation clock under a controlled `now`, keys, and the account's personal data.
 */
import { and, eq } from 'drizzle-orm';
import { generateKey } from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { auditLog } from '../../app/audit/audit.tables.js';
import { issueToken } from '../../app/auth/tokens.js';
import { anonymous } from '../../app/authz/actor.js';
import { holdsRole } from '../../app/authz/grants.js';
import { jobs } from '../../app/jobs/jobs.tables.js';
import { erasePersonalData, exportPersonalData } from '../../app/privacy/privacy.js';
import { attestByLink, attestContact, runAttestationClock } from './contacts.attestation.js';
import { addContactKey } from './contacts.keyring.js';
import { createContactsRepository } from './contacts.repository.js';
import { buildDetails, organisationWithRepresentative, person } from './contacts.test-support.js';
import { acceptNomination, nominateContact, updateContact, withdrawContact } from './contacts.usecases.js';

let t: TestApp;
const publicUrl = 'https://pariscall.test';
beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite });
});
afterAll(async () => t?.close());

const db = () => t.database.db;
type Mail = { to: string; subject: string; text: string; locale: string; tag: string };
const mailsTo = async (to: string, tag?: string) =>
  (await db().select().from(jobs).where(eq(jobs.type, 'email.send'))).map((j) => j.payload as Mail).filter((m) => m.to === to && (!tag || m.tag === tag));
const auditOf = async (subject: string) => (await db().select().from(auditLog).where(eq(auditLog.subject, subject))).map((a) => a.action);

/** A contact nominated by the organisation's representative and accepted at `at` by a signed-in account. */
async function acceptedContact(at: Date, attestationDays = 30) {
  const { organisation, rep } = await organisationWithRepresentative(t);
  const { contact } = await nominateContact({ db: db(), actor: rep.actor, publicUrl, supporterId: organisation.id, details: buildDetails({ attestationDays }), locale: 'fr' });
  const token = await issueToken(db(), { purpose: 'contact.accept', subjectId: contact.id, email: contact.email, ttlMs: 60_000, now: at });
  const nominee = await person(t, contact.email);
  const accepted = await acceptNomination({ db: db(), actor: nominee.actor, token, locale: 'fr', now: at });
  if (accepted.status !== 'ok') throw new Error(accepted.status);
  return { organisation, rep, nominee: { ...nominee, actor: { ...nominee.actor, grants: [{ role: 'contact' as const, scopeId: organisation.id }] } }, contact: accepted.contact };
}

describe('nominating and accepting', () => {
  it('mails the nominee in the chosen language; accepting by the link activates the contact and grants the role', async () => {
    const { organisation, rep } = await organisationWithRepresentative(t);
    const details = buildDetails();
    const { contact } = await nominateContact({ db: db(), actor: rep.actor, publicUrl, supporterId: organisation.id, details, locale: 'fr' });
    expect(contact.state).toBe('invited');
    const [mail] = await mailsTo(details.email);
    expect(mail?.locale).toBe('fr');
    expect(mail?.subject).toContain('vous désigne');
    const token = /cooperation\/accept\?token=([A-Za-z0-9_-]+)/.exec(mail!.text)?.[1];
    expect(token).toBeTruthy();

    const accepted = await acceptNomination({ db: db(), actor: anonymous, token: token!, locale: 'fr' });
    expect(accepted.status).toBe('ok');
    if (accepted.status !== 'ok') return;
    expect(accepted.signIn).toBe(true);
    expect(accepted.contact).toMatchObject({ state: 'active', userId: accepted.userId });
    expect(await holdsRole(db(), accepted.userId, 'contact', organisation.id)).toBe(true);
    expect((await acceptNomination({ db: db(), actor: anonymous, token: token!, locale: 'fr' })).status).toBe('used');
    expect(await auditOf(contact.id)).toEqual(expect.arrayContaining(['contacts.nominate', 'contacts.accept']));
  });

  it('refuses a nomination from someone who does not represent the organisation, and from the secretariat', async () => {
    const { organisation } = await organisationWithRepresentative(t);
    const stranger = await person(t, 'stranger@example.org');
    const moderator = await person(t, 'mod-contacts@secretariat.example', { role: 'moderator' });
    await expect(nominateContact({ db: db(), actor: stranger.actor, publicUrl, supporterId: organisation.id, details: buildDetails(), locale: 'en' })).rejects.toMatchObject({ status: 404 });
    await expect(nominateContact({ db: db(), actor: moderator.actor, publicUrl, supporterId: organisation.id, details: buildDetails(), locale: 'en' })).rejects.toMatchObject({ code: 'contacts.not-representative', status: 403 });
    expect(await createContactsRepository(db()).ofSupporter(organisation.id)).toEqual([]);
  });
});

describe('editing and withdrawing', () => {
  it('refuses a form read from an older version (409) and changes nothing', async () => {
    const { rep, contact } = await acceptedContact(new Date());
    await updateContact({ db: db(), actor: rep.actor, publicUrl, contactId: contact.id, version: contact.version, details: buildDetails({ name: 'First edit', email: contact.email }) });
    await expect(updateContact({ db: db(), actor: rep.actor, publicUrl, contactId: contact.id, version: contact.version, details: buildDetails({ name: 'Stale edit', email: contact.email }) })).rejects.toMatchObject({ code: 'contacts.changed', status: 409 });
    expect((await createContactsRepository(db()).findById(contact.id))?.name).toBe('First edit');
  });

  it('a representative’s edit keeps the contact’s publication choices; the contact chooses them', async () => {
    const { rep, nominee, contact } = await acceptedContact(new Date());
    const details = buildDetails({ email: contact.email });
    const published = { ...details, channels: details.channels.map((c, i) => ({ ...c, published: i === 0 })) };
    const mine = await updateContact({ db: db(), actor: nominee.actor, publicUrl, contactId: contact.id, version: contact.version, details: published, published: true });
    expect(mine.contact.published).toBe(true);
    await updateContact({ db: db(), actor: rep.actor, publicUrl, contactId: contact.id, version: mine.contact.version, details: { ...details, title: 'Head of desk' } });
    const channels = await createContactsRepository(db()).channelsOf([contact.id]);
    expect(channels.map((c) => c.published)).toEqual([true, false]);
  });

  it('withdrawal empties the personal fields, removes channels and keys, and revokes the grant', async () => {
    const { rep, nominee, contact, organisation } = await acceptedContact(new Date());
    const key = await generateKey({ type: 'ecc', curve: 'curve25519Legacy', userIDs: [{ email: contact.email }], format: 'armored' });
    await addContactKey({ db: db(), actor: nominee.actor, contactId: contact.id, armored: key.publicKey });
    const { contact: withdrawn } = await withdrawContact({ db: db(), actor: rep.actor, publicUrl, contactId: contact.id, reason: 'Left the team' });
    expect(withdrawn).toMatchObject({ state: 'withdrawn', name: '', email: '', title: null, userId: null, withdrawnReason: 'Left the team' });
    const repository = createContactsRepository(db());
    expect(await repository.channelsOf([contact.id])).toEqual([]);
    expect(await repository.keysOf([contact.id])).toEqual([]);
    expect(await holdsRole(db(), nominee.actor.userId, 'contact', organisation.id)).toBe(false);
    await expect(withdrawContact({ db: db(), actor: rep.actor, publicUrl, contactId: contact.id, reason: 'Again' })).rejects.toMatchObject({ code: 'contacts.withdrawn' });
  });
});

describe('the attestation clock, with a controlled now', () => {
  const day = 86_400_000;
  const t0 = new Date('2026-03-01T08:00:00Z');

  it('reminds once before the due date, flags stale after it (audited, representatives told), and attesting makes it active again', async () => {
    const { contact, nominee, rep } = await acceptedContact(t0, 30);
    const run = (at: Date) => runAttestationClock({ db: db(), now: at, publicUrl });
    const stateOf = async () => (await createContactsRepository(db()).findById(contact.id))!;

    await run(new Date(t0.getTime() + 10 * day));
    expect(await mailsTo(nominee.actor.email, 'contacts.reminder')).toHaveLength(0);

    // 14 days before the due date (day 30): one reminder, however often the clock runs.
    await run(new Date(t0.getTime() + 17 * day));
    await run(new Date(t0.getTime() + 18 * day));
    const reminders = await mailsTo(nominee.actor.email, 'contacts.reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.text).toContain('/cooperation/attest?token=');
    expect((await stateOf()).state).toBe('active');

    await run(new Date(t0.getTime() + 30 * day + 1000));
    const stale = await stateOf();
    expect(stale.state).toBe('stale');
    expect(stale.staleSince?.toISOString()).toBe(new Date(t0.getTime() + 30 * day + 1000).toISOString());
    expect(await auditOf(contact.id)).toEqual(expect.arrayContaining(['contacts.remind', 'contacts.stale']));
    expect((await mailsTo(rep.actor.email)).map((m) => m.subject)).toEqual([expect.stringContaining('stale')]);
    // Flagged once: the next run changes nothing and mails nobody.
    await run(new Date(t0.getTime() + 31 * day));
    expect(await mailsTo(rep.actor.email)).toHaveLength(1);

    const attestedAt = new Date(t0.getTime() + 32 * day);
    const { contact: fresh } = await attestContact({ db: db(), actor: nominee.actor, contactId: contact.id, now: attestedAt });
    expect(fresh).toMatchObject({ state: 'active', staleSince: null });
    expect(fresh.attestedAt?.toISOString()).toBe(attestedAt.toISOString());
  });

  it('the e-mailed link attests once; only the contact attests from the page', async () => {
    const { contact, rep } = await acceptedContact(t0, 30);
    await runAttestationClock({ db: db(), now: new Date(t0.getTime() + 20 * day), publicUrl });
    const job = (await db().select().from(jobs).where(and(eq(jobs.type, 'email.send'), eq(jobs.subjectRef, contact.id)))).find((j) => (j.payload as { text: string }).text.includes('/cooperation/attest'));
    const token = /attest\?token=([A-Za-z0-9_-]+)/.exec((job!.payload as { text: string }).text)![1]!;
    const at = new Date(t0.getTime() + 21 * day);
    expect((await attestByLink({ db: db(), token, now: at })).status).toBe('ok');
    expect((await attestByLink({ db: db(), token, now: at })).status).toBe('used');
    await expect(attestContact({ db: db(), actor: rep.actor, contactId: contact.id })).rejects.toMatchObject({ code: 'contacts.not-the-contact' });
  });
});

describe('personal data', () => {
  it('exports the person’s contact records, and erasing the account withdraws them', async () => {
    const { contact, nominee, organisation } = await acceptedContact(new Date());
    const exported = await exportPersonalData(db(), nominee.actor.userId);
    expect(exported.parts.pointsOfContact).toMatchObject({ contacts: [{ id: contact.id, email: contact.email, name: 'Camille Martin', channels: [{ kind: 'email' }, { kind: 'phone' }] }] });
    await erasePersonalData(db(), { userId: nominee.actor.userId, actor: 'test:privacy' });
    const erased = await createContactsRepository(db()).findById(contact.id);
    expect(erased).toMatchObject({ state: 'withdrawn', name: '', email: '', userId: null });
    expect(await holdsRole(db(), nominee.actor.userId, 'contact', organisation.id)).toBe(false);
  });
});

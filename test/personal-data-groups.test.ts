/**
 * Personal data in the working groups' modules (GDPR articles 15 and 17): a person's membership requests, consultation
 * inputs, event registrations and subscriptions are in their export, and erasing the account removes them — a named
 * input stays in its consultation without the name (its disposition refers to it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/app.js';
import { signInAs } from './helpers/auth.js';
import type { UserActor } from '../src/app/authz/actor.js';
import { erasePersonalData, exportPersonalData } from '../src/app/privacy/privacy.js';
import { seedConsultation } from '../src/modules/consultations/consultations.test-support.js';
import { createEvent } from '../src/modules/events/events.usecases.js';
import { registerForEvent } from '../src/modules/events/events.registrations.js';
import { buildEventInput } from '../src/modules/events/events.test-support.js';
import { requestMembership } from '../src/modules/groups/groups.usecases.js';
import { seedGroup } from '../src/modules/groups/groups.test-support.js';
import { chooseFrequency } from '../src/modules/notifications/notifications.usecases.js';
import { createConsultationsPersonalDataRepository } from '../src/modules/consultations/consultations.repository.js';
import { createEventsPersonalDataRepository } from '../src/modules/events/events.repository.js';
import { createGroupsPersonalDataRepository } from '../src/modules/groups/groups.repository.js';
import { createNotificationsPersonalDataRepository } from '../src/modules/notifications/notifications.repository.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const actorOf = (signed: { userId: string; sessionId: string }, email: string, grants: UserActor['grants'] = []): UserActor => ({
  kind: 'user', userId: signed.userId, email, name: null, role: 'member', locale: 'en', sessionId: signed.sessionId, method: 'email-link', grants,
});

describe('personal data in working groups, consultations, events and notifications', () => {
  it('exports what the person did there, and erasure leaves nothing that names them', async () => {
    const db = t.database.db;
    const chairEmail = 'chair@privacy-groups.example';
    const email = 'person@privacy-groups.example';
    const chairSigned = await signInAs(t, { email: chairEmail });
    const signed = await signInAs(t, { email });
    const group = await seedGroup(db, { coChairs: [chairSigned.userId] });
    const chair = actorOf(chairSigned, chairEmail, [{ role: 'co-chair', scopeId: group.id }]);
    const person = actorOf(signed, email);

    await requestMembership({ db, actor: person, publicUrl: 'https://pariscall.test', groupId: group.id, role: 'observer', supporterId: null, message: 'I follow norms work.' });
    const consultation = await seedConsultation(db, { groupId: group.id, phase: 'open', paragraphs: ['One.'], inputs: [{ authorId: signed.userId, authorName: 'Pat Person', paragraph: 1, publication: 'named', body: 'Say it plainly.' }] });
    const { event } = await createEvent({ db, actor: chair, groupId: group.id, event: buildEventInput() });
    await registerForEvent({ db, actor: person, eventId: event.id });
    await chooseFrequency({ db, actor: person, groupSlug: group.slug, frequency: 'daily' });

    const exported = await exportPersonalData(db, signed.userId);
    expect(exported.parts).toMatchObject({
      workingGroups: { memberships: [{ groupId: group.id, role: 'observer', state: 'requested', message: 'I follow norms work.' }] },
      consultations: { inputs: [{ consultationId: consultation.id, publication: 'named', body: 'Say it plainly.' }] },
      events: { registrations: [{ eventId: event.id, state: 'registered' }] },
      notifications: { subscriptions: [{ groupId: group.id, frequency: 'daily' }] },
    });

    await erasePersonalData(db, { userId: signed.userId, actor: 'test:privacy' });
    // The account is blanked (its export is refused): each module's part is read as it reads it.
    expect(await createGroupsPersonalDataRepository(db).membershipsOf(signed.userId)).toEqual([]);
    expect(await createEventsPersonalDataRepository(db).registrationsOf(signed.userId)).toEqual([]);
    expect(await createNotificationsPersonalDataRepository(db).subscriptionsOf(signed.userId)).toEqual([]);
    expect(await createConsultationsPersonalDataRepository(db).inputsOf(signed.userId)).toMatchObject([{ consultationId: consultation.id, publication: 'anonymous', body: 'Say it plainly.' }]);
    // The consultation's public page no longer shows the name.
    const page = await t.app.inject({ url: `/en/consultations/${consultation.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Say it plainly.');
    expect(page.body).not.toContain('Pat Person');
  });
});

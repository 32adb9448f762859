/**
 * Set-up shared by the consultations' tests (and the authorization matrix, the browser test, the benchmark): a group
 * with a co-chair, a supporter's representative, someone signed in who represents nobody, the secretariat; a
 * consultation built and opened; and the deadline moved into the past (the way time passes in a test).
 */
import { eq, sql } from 'drizzle-orm';
import type { Grant, UserActor } from '../../app/authz/actor.js';
import { grantRole } from '../../app/authz/grants.js';
import type { Executor } from '../../app/database/database.js';
import type { TestApp } from '../../../test/helpers/app.js';
import { signInAs } from '../../../test/helpers/auth.js';
import { seedGroup } from '../groups/groups.test-support.js';
import type { GroupRow } from '../groups/groups.tables.js';
import { supporters } from '../supporters/supporters.tables.js';
import { consultationInputs, consultationParagraphs, consultations } from './consultations.tables.js';
import { createConsultation, openConsultation, type NewConsultation } from './consultations.usecases.js';

type Who = 'coChair' | 'rep' | 'rep2' | 'person' | 'moderator';

export interface ConsultationPeople {
  actors: Record<Who, UserActor>;
  cookies: Record<Who, string>;
  emails: Record<Who, string>;
  group: GroupRow;
  org: { id: string; name: string };
}

/** The people the consultations' rules tell apart (needs a site with a published supporter). */
export async function setUpConsultations(t: TestApp, options: { locales?: Partial<Record<Who, 'en' | 'fr'>> } = {}): Promise<ConsultationPeople> {
  const db = t.database.db;
  const [org] = await db.select().from(supporters).where(eq(supporters.status, 'published')).orderBy(supporters.slug).limit(1);
  const people: Array<[Who, string, UserActor['role'], string]> = [
    ['coChair', 'chair@wg.example', 'member', 'Chloé Chair'],
    ['rep', 'rita@org.example', 'member', 'Rita Rep'],
    ['rep2', 'remy@org.example', 'member', 'Rémy Rep'],
    ['person', 'pat@public.example', 'member', 'Pat Public'],
    ['moderator', 'mod@secretariat.example', 'moderator', 'Mo Derator'],
  ];
  const actors = {} as Record<Who, UserActor>;
  const cookies = {} as Record<Who, string>;
  const emails = {} as Record<Who, string>;
  const signed = {} as Record<Who, string>;
  for (const [who, email, role, name] of people) {
    const s = await signInAs(t, { email, role, name, locale: options.locales?.[who] ?? 'en' });
    signed[who] = s.userId;
    cookies[who] = s.cookie;
    emails[who] = email;
    const grants: Grant[] = [];
    if (who === 'rep' || who === 'rep2') {
      await grantRole(db, 'test:setup', { userId: s.userId, role: 'representative', scopeId: org!.id });
      grants.push({ role: 'representative', scopeId: org!.id });
    }
    actors[who] = { kind: 'user', userId: s.userId, email, name, role, locale: 'en', sessionId: s.sessionId, method: role === 'member' ? 'email-link' : 'passkey', grants };
  }
  const group = await seedGroup(db, { coChairs: [signed.coChair] });
  actors.coChair = { ...actors.coChair, grants: [{ role: 'co-chair', scopeId: group.id }] };
  return { actors, cookies, emails, group, org: { id: org!.id, name: org!.name } };
}

/** A consultation's fields, with a deadline a week ahead in Paris time unless given. */
export function buildConsultation(overrides: Partial<NewConsultation> = {}): NewConsultation {
  return {
    title: { en: 'Draft principles for open accreditation', fr: 'Projet de principes pour une accréditation ouverte' },
    introduction: { en: 'Tell us what to change.', fr: 'Dites-nous quoi changer.' },
    kind: 'draft',
    audience: 'public',
    language: 'en',
    paragraphs: ['Accreditation is open to every stakeholder.', 'Agendas are shared online two weeks ahead.', 'Inputs receive a public disposition.'],
    closesAt: new Date(Date.now() + 7 * 86_400_000),
    timeZone: 'Europe/Paris',
    ...overrides,
  };
}

/** A consultation created and opened by the co-chair. */
export async function openedConsultation(db: Executor, people: ConsultationPeople, overrides: Partial<NewConsultation> = {}) {
  const created = await createConsultation({ db, actor: people.actors.coChair, groupSlug: people.group.slug, consultation: buildConsultation(overrides) });
  return openConsultation({ db, actor: people.actors.coChair, consultationId: created.id });
}

/** Moves a consultation's deadline (and opening) into the past, as if its time had run out. */
export async function moveDeadlineIntoPast(db: Executor, consultationId: string): Promise<void> {
  await db
    .update(consultations)
    .set({ closesAt: sql`now() - interval '1 minute'`, opensAt: sql`coalesce(least(${consultations.opensAt}, now() - interval '2 minutes'), now() - interval '2 minutes')` })
    .where(eq(consultations.id, consultationId));
}

/**
 * A consultation straight into the tables (for pages that need one to exist: the matrix's, the benchmark's): `open`
 * until a week ahead, or `closed` (its deadline passed), with numbered paragraphs and inputs by `authorId`.
 */
export async function seedConsultation(
  db: Executor,
  input: { groupId: string; phase: 'open' | 'closed'; paragraphs: string[]; audience?: 'public' | 'supporters'; inputs?: Array<{ authorId: string; authorName: string; paragraph: number | null; publication: 'named' | 'anonymous' | 'private'; body: string }> },
): Promise<{ id: string; inputIds: string[] }> {
  const now = Date.now();
  const [row] = await db
    .insert(consultations)
    .values({
      groupId: input.groupId,
      title: { en: 'Seeded consultation', fr: 'Consultation de test' },
      kind: 'draft',
      audience: input.audience ?? 'public',
      language: 'en',
      state: 'open',
      opensAt: new Date(now - 14 * 86_400_000),
      closesAt: input.phase === 'open' ? new Date(now + 7 * 86_400_000) : new Date(now - 60_000),
      timeZone: 'Europe/Paris',
      createdBy: 'test:setup',
    })
    .returning({ id: consultations.id });
  await db.insert(consultationParagraphs).values(input.paragraphs.map((body, index) => ({ consultationId: row!.id, text: 'original', number: index + 1, body })));
  const inputIds: string[] = [];
  const rows = (input.inputs ?? []).map((item, index) => ({ ...item, consultationId: row!.id, number: index + 1, language: 'en' }));
  for (let start = 0; start < rows.length; start += 500) {
    const inserted = await db.insert(consultationInputs).values(rows.slice(start, start + 500)).returning({ id: consultationInputs.id });
    inputIds.push(...inserted.map((r) => r.id));
  }
  return { id: row!.id, inputIds };
}

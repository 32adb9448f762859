/** Set-up shared by the practices' tests: the norms loaded, a verified and an unverified organisation, their people. */
import { eq } from 'drizzle-orm';
import type { Actor, UserActor } from '../../../app/authz/actor.js';
import { grantRole } from '../../../app/authz/grants.js';
import { referenceDir } from '../../../app/reference/reference.js';
import { signInAs } from '../../../../test/helpers/auth.js';
import type { TestApp } from '../../../../test/helpers/app.js';
import { supporters } from '../../supporters/supporters.tables.js';
import { normsReference } from '../norms.reference.js';
import type { PracticeText } from './practices.models.js';
import type { PracticeDraft } from './practices.usecases.js';

type Who = 'moderator' | 'moderatorByLink' | 'rep' | 'otherRep' | 'member';

export interface PracticePeople {
  actors: Record<Who, UserActor>;
  cookies: Record<Who, string>;
  /** Verified on the platform (its website's code): its representative writes practices. */
  verified: { id: string; name: string; slug: string; category: string | null };
  /** Only in the imported registry: its representative may not. */
  unverified: { id: string; name: string };
}

export const anyone: Actor = { kind: 'anonymous' };

/** Loads the norms and makes the people the practices' rules tell apart (needs a site with two supporters). */
export async function setUpPractices(t: TestApp): Promise<PracticePeople> {
  const db = t.database.db;
  const norms = await normsReference.read(referenceDir);
  await db.transaction((tx) => normsReference.load(tx, norms, 'test'));
  const [a, b] = await db.select().from(supporters).where(eq(supporters.status, 'published')).limit(2);
  await db.update(supporters).set({ verificationLevel: 'website', verifiedOn: '2025-01-10' }).where(eq(supporters.id, a!.id));
  await db.update(supporters).set({ verificationLevel: 'official-registry' }).where(eq(supporters.id, b!.id));
  const people: Array<[Who, string, UserActor['role'], UserActor['method'], 'en' | 'fr', string | null]> = [
    ['moderator', 'mod@secretariat.example', 'moderator', 'passkey', 'en', null],
    ['moderatorByLink', 'link@secretariat.example', 'moderator', 'email-link', 'en', null],
    ['rep', 'rep@verified.example', 'member', 'email-link', 'fr', a!.id],
    ['otherRep', 'rep@unverified.example', 'member', 'email-link', 'en', b!.id],
    ['member', 'someone@example.org', 'member', 'email-link', 'en', null],
  ];
  const actors = {} as Record<Who, UserActor>;
  const cookies = {} as Record<Who, string>;
  for (const [who, email, role, method, locale, scope] of people) {
    const signed = await signInAs(t, { email, role, method, locale });
    if (scope) await grantRole(db, 'test:setup', { userId: signed.userId, role: 'representative', scopeId: scope });
    cookies[who] = signed.cookie;
    actors[who] = {
      kind: 'user', userId: signed.userId, email, name: null, role, locale, sessionId: signed.sessionId, method,
      grants: scope ? [{ role: 'representative', scopeId: scope }] : [],
    };
  }
  return { actors, cookies, verified: { id: a!.id, name: a!.name, slug: a!.slug, category: a!.category }, unverified: { id: b!.id, name: b!.name } };
}

/** A practice as a representative writes it: French original, an English translation of the title only. */
export function buildPracticeText(overrides: Partial<PracticeText> = {}): PracticeText {
  return {
    title: { fr: 'Agence nationale de la sécurité des systèmes d’information', en: 'National cybersecurity agency' },
    description: { fr: 'Une **agence** qui protège les opérateurs d’importance vitale.' },
    original: 'fr',
    kind: 'institution',
    implementationStatus: 'in-force',
    startedOn: '2009-07-07',
    endedOn: null,
    year: 2025,
    principles: [1, 6],
    norms: ['13c', '13f'],
    sectors: ['energy', 'health'],
    countries: ['FRA'],
    links: [{ url: 'https://cyber.gouv.fr', label: { fr: 'Site de l’agence' } }],
    ...overrides,
  };
}

export function buildDraft(overrides: Partial<PracticeDraft> = {}): PracticeDraft {
  return { content: buildPracticeText(), keep: [], uploads: [], changeNote: null, ...overrides };
}

/** A multipart body as a browser sends it: text fields (repeated names allowed) and files. */
export function multipart(fields: Array<[string, string]>, files: Array<{ field: string; filename: string; type: string; content: Buffer }> = []) {
  const boundary = `practice-${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of fields) parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const file of files) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\ncontent-type: ${file.type}\r\n\r\n`), file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The form's fields for `buildPracticeText()`. */
export function practiceFields(overrides: Record<string, string | string[]> = {}): Array<[string, string]> {
  const base: Record<string, string | string[]> = {
    original: 'fr', titleFr: 'Agence nationale de la sécurité des systèmes d’information', titleEn: 'National cybersecurity agency',
    descriptionFr: 'Une **agence** qui protège les opérateurs d’importance vitale.', descriptionEn: '', kind: 'institution', implementationStatus: 'in-force',
    startedOn: '2009-07-07', endedOn: '', year: '2025', principles: ['1', '6'], norms: ['13c', '13f'], sectors: ['energy', 'health'], countries: ['FRA'],
    linkUrl: ['https://cyber.gouv.fr', ''], linkLabel: ['Site de l’agence', ''], intent: 'save', ...overrides,
  };
  return Object.entries(base).flatMap(([name, value]) => (Array.isArray(value) ? value.map((v): [string, string] => [name, v]) : [[name, value] as [string, string]]));
}

/**
 * A published practice of `supporterId` with one PDF, made through the use cases as its representative and a
 * moderator would (the organisation is first marked verified on the platform): for tests that need one, such as the
 * authorization matrix.
 */
export async function seedPublishedPractice(
  t: TestApp,
  input: { supporterId: string; representative: string; moderator: string },
): Promise<{ id: string; file: { sha256: string; name: string } }> {
  const db = t.database.db;
  await db.update(supporters).set({ verificationLevel: 'website', verifiedOn: '2025-01-10' }).where(eq(supporters.id, input.supporterId));
  const user = (userId: string, role: UserActor['role'], grants: UserActor['grants']): UserActor => ({
    kind: 'user', userId, email: `${userId}@example.org`, name: null, role, locale: 'en', sessionId: 'ses_seed', method: role === 'member' ? 'email-link' : 'passkey', grants,
  });
  const { createPractice } = await import('./practices.usecases.js');
  const { publishRevision } = await import('./practices.moderation.js');
  const draft = buildDraft({ uploads: [{ name: 'evidence.pdf', bytes: Buffer.from('%PDF-1.4\n% matrix\n%%EOF\n') }] });
  const { practice, revision } = await createPractice({ db, actor: user(input.representative, 'member', [{ role: 'representative', scopeId: input.supporterId }]), supporterId: input.supporterId, draft, submit: true });
  await publishRevision({ db, actor: user(input.moderator, 'moderator', []), practiceId: practice.id, revision: revision.number, reason: null, publicUrl: 'https://pariscall.example' });
  const file = revision.content.attachments[0]!;
  return { id: practice.id, file: { sha256: file.sha256, name: file.name } };
}

/**
 * Set-up shared by the reports' tests (and the authorization matrix): the norms loaded, two verified organisations and
 * an unverified one with their representatives, someone signed in who represents nobody, the secretariat; practices
 * of an organisation; and a report put straight into the tables.
 */
import { eq } from 'drizzle-orm';
import type { UserActor } from '../../../app/authz/actor.js';
import { grantRole } from '../../../app/authz/grants.js';
import type { Executor } from '../../../app/database/database.js';
import { referenceDir } from '../../../app/reference/reference.js';
import { signInAs } from '../../../../test/helpers/auth.js';
import type { TestApp } from '../../../../test/helpers/app.js';
import { supporters } from '../../supporters/supporters.tables.js';
import { normsReference } from '../norms.reference.js';
import { practices } from '../practices/practices.tables.js';
import type { Localized } from '../practices/practices.tables.js';
import { emptyContent } from './reports.models.js';
import { implementationReportSections, implementationReports, type ReportSectionContent } from './reports.tables.js';

type Who = 'repA1' | 'repA2' | 'repB' | 'repUnverified' | 'member' | 'moderator';

export interface ReportPeople {
  actors: Record<Who, UserActor>;
  cookies: Record<Who, string>;
  orgA: { id: string; name: string; slug: string };
  orgB: { id: string; name: string; slug: string };
  unverified: { id: string; name: string; slug: string };
}

/** Loads the norms and makes the people the reports' rules tell apart (needs a site with three published supporters). */
export async function setUpReports(t: TestApp): Promise<ReportPeople> {
  const db = t.database.db;
  const parsed = await normsReference.read(referenceDir);
  await db.transaction((tx) => normsReference.load(tx, parsed, 'test'));
  const [a, b, c] = await db.select().from(supporters).where(eq(supporters.status, 'published')).orderBy(supporters.slug).limit(3);
  await db.update(supporters).set({ verificationLevel: 'website', verifiedOn: '2025-01-10' }).where(eq(supporters.id, a!.id));
  await db.update(supporters).set({ verificationLevel: 'diplomatic-route', verifiedOn: '2025-02-10' }).where(eq(supporters.id, b!.id));
  await db.update(supporters).set({ verificationLevel: 'official-registry' }).where(eq(supporters.id, c!.id));
  const people: Array<[Who, string, UserActor['role'], string | null, string]> = [
    ['repA1', 'ana@org-a.example', 'member', a!.id, 'Ana Alpha'],
    ['repA2', 'bo@org-a.example', 'member', a!.id, 'Bo Alpha'],
    ['repB', 'cy@org-b.example', 'member', b!.id, 'Cy Beta'],
    ['repUnverified', 'di@org-c.example', 'member', c!.id, 'Di Gamma'],
    ['member', 'someone@example.org', 'member', null, 'Some One'],
    ['moderator', 'mod@secretariat.example', 'moderator', null, 'Mo Derator'],
  ];
  const actors = {} as Record<Who, UserActor>;
  const cookies = {} as Record<Who, string>;
  for (const [who, email, role, supporterId, name] of people) {
    const signed = await signInAs(t, { email, role, name });
    if (supporterId) await grantRole(db, 'test:setup', { userId: signed.userId, role: 'representative', scopeId: supporterId });
    cookies[who] = signed.cookie;
    actors[who] = {
      kind: 'user',
      userId: signed.userId,
      email,
      name,
      role,
      locale: 'en',
      sessionId: signed.sessionId,
      method: role === 'member' ? 'email-link' : 'passkey',
      grants: supporterId ? [{ role: 'representative', scopeId: supporterId }] : [],
    };
  }
  const org = (row: typeof a) => ({ id: row!.id, name: row!.name, slug: row!.slug });
  return { actors, cookies, orgA: org(a), orgB: org(b), unverified: org(c) };
}

/** A published practice of the organisation, straight into the table (the practices module's forms are not needed here). */
export async function insertPractice(db: Executor, input: { supporterId: string; title: Localized; norms?: string[]; principles?: number[]; state?: 'published' | 'draft' }): Promise<string> {
  const [row] = await db
    .insert(practices)
    .values({
      origin: 'platform',
      supporterId: input.supporterId,
      state: input.state ?? 'published',
      title: input.state === 'draft' ? null : input.title,
      description: { en: 'Described.' },
      original: 'en',
      kind: 'programme',
      implementationStatus: 'in-force',
      year: 2024,
      norms: input.norms ?? [],
      principles: input.principles ?? [],
      publishedAt: input.state === 'draft' ? null : new Date(),
      createdBy: 'test',
    })
    .returning({ id: practices.id });
  return row!.id;
}

/** A section's content with answers in English unless given. */
export function buildContent(overrides: Partial<ReportSectionContent> = {}): ReportSectionContent {
  return { ...emptyContent(), inPlace: { en: 'A national CERT answers incidents around the clock.' }, ...overrides };
}

/** A report with its sections, straight into the tables (for pages that need one to exist, such as the matrix's). */
export async function seedReport(
  db: Executor,
  input: { supporterId: string; year: number; original?: 'en' | 'fr'; published?: boolean; sections: Array<{ subject: string; visibility: string; content?: ReportSectionContent }> },
): Promise<string> {
  const [report] = await db
    .insert(implementationReports)
    .values({ supporterId: input.supporterId, year: input.year, original: input.original ?? 'en', state: input.published ? 'published' : 'draft', publishedAt: input.published ? new Date() : null, createdBy: 'test' })
    .returning({ id: implementationReports.id });
  if (input.sections.length) {
    await db.insert(implementationReportSections).values(input.sections.map((s) => ({ reportId: report!.id, subject: s.subject, visibility: s.visibility, content: s.content ?? buildContent(), updatedBy: 'test' })));
  }
  return report!.id;
}

/**
 * Reading practices. Published content is public; a draft is a 404 to the public, a withdrawn practice a 410. Revisions,
 * decisions and the files of drafts are read by the organisation's representatives and the secretariat (the
 * `viewRevisions` rule); the queue by the secretariat. The forms' choices (principles, norms) are read through the
 * call and norms modules' use cases.
 */
import type { Actor } from '../../../app/authz/actor.js';
import { authorize, can } from '../../../app/authz/policy.js';
import type { Executor } from '../../../app/database/database.js';
import { readStoredFile } from '../../../app/files/files.js';
import type { StoredFileRow } from '../../../app/files/files.repository.js';
import { listPrinciples } from '../../call/call.usecases.js';
import type { SupporterRow } from '../../supporters/supporters.models.js';
import { listSupportersByIds } from '../../supporters/supporters.usecases.js';
import { listNorms } from '../norms.usecases.js';
import { publishedRevisionStates } from './practices.constants.js';
import { practiceNotFound, practiceWithdrawn } from './practices.errors.js';
import { openRevision } from './practices.models.js';
import { practicesPolicies, speaksForVerified } from './practices.policies.js';
import { createPracticesRepository, type PracticeRow, type QueueRow, type RevisionRow } from './practices.repository.js';
import type { Localized, PracticeAttachment, PracticeContent } from './practices.tables.js';

/** The organisation behind a practice, as its pages show it. */
export type Organisation = Pick<SupporterRow, 'id' | 'slug' | 'name' | 'status' | 'category' | 'verificationLevel'>;

/** Names of the principles and the norms, for forms and pages. */
export interface Framework {
  principles: Array<{ number: number; shortName: Localized }>;
  norms: Array<{ code: string; paragraph: string; text: Localized }>;
}

export async function frameworkChoices(input: { db: Executor }): Promise<Framework> {
  const [principles, norms] = await Promise.all([listPrinciples({ db: input.db }), listNorms({ db: input.db })]);
  return { principles: principles.map((p) => ({ number: p.number, shortName: p.shortName })), norms: norms.items.map((n) => ({ code: n.code, paragraph: n.paragraph, text: n.text })) };
}

async function organisationsById(db: Executor, ids: Array<string | null>): Promise<Map<string, Organisation>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  return new Map((await listSupportersByIds(db, wanted)).map((s) => [s.id, s]));
}

/** A practice's published content, as the revisions store it. */
export function publishedContent(practice: PracticeRow): PracticeContent | null {
  if (practice.publishedRevision === null && practice.title === null) return null;
  const { title, description, original, kind, implementationStatus, startedOn, endedOn, year, principles, norms, sectors, countries, links, attachments } = practice;
  return {
    title: title ?? {}, description: description ?? {}, original: original ?? 'en', kind: kind ?? 'other', implementationStatus: implementationStatus ?? 'reported',
    startedOn, endedOn, year: year ?? 0, principles, norms, sectors, countries, links, attachments,
  };
}

export interface PublicPractice {
  practice: PracticeRow;
  content: PracticeContent;
  organisation: Organisation | null;
  framework: Framework;
}

/** A published practice for its public page: 404 when it never was, 410 when it was withdrawn. */
export async function publicPractice(input: { db: Executor; practiceId: string }): Promise<PublicPractice> {
  const practice = await createPracticesRepository(input.db).findPractice(input.practiceId);
  if (!practice) throw practiceNotFound();
  if (practice.state === 'withdrawn') throw practiceWithdrawn();
  const content = practice.state === 'published' ? publishedContent(practice) : null;
  if (!content) throw practiceNotFound();
  const organisation = (await organisationsById(input.db, [practice.supporterId])).get(practice.supporterId ?? '') ?? null;
  return { practice, content, organisation, framework: await frameworkChoices(input) };
}

/** Every published version of a published practice, oldest first. */
export async function practiceHistory(input: { db: Executor; practiceId: string }): Promise<PublicPractice & { versions: RevisionRow[] }> {
  const found = await publicPractice(input);
  const versions = await createPracticesRepository(input.db).listRevisionsIn(found.practice.id, publishedRevisionStates);
  return { ...found, versions };
}

/**
 * A file of a practice, if the actor may have it: any evidence of the published content (public), or of any revision
 * for those who see the revisions (private: never cached). Everything else is a 404, whether the file exists or not.
 */
export async function practiceFile(input: { db: Executor; actor: Actor; practiceId: string; sha256: string }): Promise<{ file: StoredFileRow; attachment: PracticeAttachment; audience: 'public' | 'private' }> {
  const repository = createPracticesRepository(input.db);
  const practice = await repository.findPractice(input.practiceId);
  if (!practice) throw practiceNotFound();
  let attachment = practice.state === 'published' ? practice.attachments.find((a) => a.sha256 === input.sha256) : undefined;
  let audience: 'public' | 'private' = 'public';
  if (!attachment && can(input.actor, practicesPolicies.viewRevisions, practice)) {
    attachment = (await repository.listRevisions(practice.id)).flatMap((r) => r.content.attachments).find((a) => a.sha256 === input.sha256);
    audience = 'private';
  }
  const file = attachment ? await readStoredFile(input.db, attachment.sha256) : undefined;
  if (!attachment || !file) throw practiceNotFound();
  return { file, attachment, audience };
}

/** An organisation the actor represents, and whether they may write its practices (verified on the platform). */
export interface RepresentedOrganisation extends Organisation {
  mayWrite: boolean;
}

export async function representedOrganisations(input: { db: Executor; actor: Actor }): Promise<RepresentedOrganisation[]> {
  if (input.actor.kind !== 'user') return [];
  const ids = input.actor.grants.filter((g) => g.role === 'representative').map((g) => g.scopeId);
  const rows = await listSupportersByIds(input.db, ids);
  return rows.map((row) => ({ ...row, mayWrite: speaksForVerified(input.actor, row) }));
}

export interface PracticeSummary {
  practice: PracticeRow;
  organisation: Organisation | null;
  /** The latest revision (the open one when there is one). */
  latest: RevisionRow | undefined;
}

/** The practices of the organisations the actor represents, each with its latest revision. */
export async function myPractices(input: { db: Executor; actor: Actor }): Promise<{ organisations: RepresentedOrganisation[]; practices: PracticeSummary[] }> {
  authorize(input.actor, practicesPolicies.useAccount, undefined);
  const organisations = await representedOrganisations(input);
  const repository = createPracticesRepository(input.db);
  const rows = await repository.listBySupporters(organisations.map((o) => o.id));
  const revisions = await repository.listRevisionsOf(rows.map((r) => r.id));
  const byId = new Map<string, Organisation>(organisations.map((o) => [o.id, o]));
  return {
    organisations,
    practices: rows.map((practice) => {
      const own = revisions.filter((r) => r.practiceId === practice.id);
      return { practice, organisation: byId.get(practice.supporterId ?? '') ?? null, latest: openRevision(own) ?? own.at(-1) };
    }),
  };
}

export interface ManagedPractice {
  practice: PracticeRow;
  organisation: Organisation | null;
  revisions: RevisionRow[];
  open: RevisionRow | undefined;
  /** What the form starts from: the open revision's content, else the published content, else the last revision's. */
  current: PracticeContent | null;
  mayWrite: boolean;
  mayWithdraw: boolean;
}

/** A practice with all its revisions, for its organisation's representatives and the secretariat (404 to others). */
export async function managedPractice(input: { db: Executor; actor: Actor; practiceId: string }): Promise<ManagedPractice> {
  const repository = createPracticesRepository(input.db);
  const practice = await repository.findPractice(input.practiceId);
  if (!practice) throw practiceNotFound();
  authorize(input.actor, practicesPolicies.viewRevisions, practice);
  const revisions = await repository.listRevisions(practice.id);
  const organisation = (await organisationsById(input.db, [practice.supporterId])).get(practice.supporterId ?? '') ?? null;
  const open = openRevision(revisions);
  return {
    practice,
    organisation,
    revisions,
    open,
    current: open?.content ?? publishedContent(practice) ?? revisions.at(-1)?.content ?? null,
    mayWrite: can(input.actor, practicesPolicies.write, { supporter: organisation }),
    mayWithdraw: practice.state !== 'withdrawn' && can(input.actor, practicesPolicies.withdraw, practice),
  };
}

export type QueueEntry = QueueRow & { organisation: Organisation | null };

/** The moderation queue, the longest waiting first. */
export async function moderationQueue(input: { db: Executor; actor: Actor }): Promise<QueueEntry[]> {
  authorize(input.actor, practicesPolicies.moderate, undefined);
  const rows = await createPracticesRepository(input.db).listSubmitted();
  const organisations = await organisationsById(input.db, rows.map((row) => row.practice.supporterId));
  return rows.map((row) => ({ ...row, organisation: organisations.get(row.practice.supporterId ?? '') ?? null }));
}

export async function countAwaitingModeration(input: { db: Executor }): Promise<number> {
  return createPracticesRepository(input.db).countSubmitted();
}

/** A practice for the secretariat's review: its submitted revision (if any) beside its published content. */
export async function practiceForReview(input: { db: Executor; actor: Actor; practiceId: string }): Promise<ManagedPractice & { submitted: RevisionRow | undefined; published: PracticeContent | null }> {
  authorize(input.actor, practicesPolicies.moderate, undefined);
  const managed = await managedPractice(input);
  return { ...managed, submitted: managed.open?.state === 'submitted' ? managed.open : undefined, published: publishedContent(managed.practice) };
}

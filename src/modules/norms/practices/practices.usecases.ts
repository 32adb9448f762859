/**
 * Writing practices: a verified organisation's representative creates one (a first draft), edits it, submits it for
 * moderation; once published, an edit makes a new revision and the published one stays public until the new one is
 * approved. The organisation or the secretariat withdraws a practice from the library. Each use case authorizes,
 * checks the content (nothing is written when anything is wrong), runs in one transaction with its audit entry, and
 * stores the uploaded evidence in the files store in that transaction.
 */
import { recordAudit } from '../../../app/audit/audit.js';
import { actorRef, type Actor } from '../../../app/authz/actor.js';
import { authorize } from '../../../app/authz/policy.js';
import type { Executor } from '../../../app/database/database.js';
import type { EventBus } from '../../../app/events/events.js';
import { storeFile } from '../../../app/files/files.js';
import type { FieldIssue } from '../../../app/http/errors.js';
import { listSupportersByIds } from '../../supporters/supporters.usecases.js';
import { editableRevisionStates, maxAttachmentBytes, maxAttachments, openRevisionStates } from './practices.constants.js';
import { nothingToSubmit, practiceAlreadyWithdrawn, practiceInModeration, practiceInvalid, practiceNotFound } from './practices.errors.js';
import { contentIssues, isEditable, nextRevisionNumber, openRevision, type PracticeText } from './practices.models.js';
import { practicesPolicies, type WritingSupporter } from './practices.policies.js';
import { createPracticesRepository, type PracticeRow, type RevisionRow } from './practices.repository.js';
import type { PracticeAttachment } from './practices.tables.js';

/** A file sent with the form. */
export interface Upload {
  name: string;
  bytes: Buffer;
}

/** What a representative sends: the content, which attachments already there to keep (by hash), and new files. */
export interface PracticeDraft {
  content: PracticeText;
  keep: string[];
  uploads: Upload[];
  changeNote: string | null;
}

/** The organisation as the writing rule needs it (null when it is not in the registry at all). */
export async function writingSupporter(db: Executor, supporterId: string | null): Promise<WritingSupporter | null> {
  if (!supporterId) return null;
  const [row] = await listSupportersByIds(db, [supporterId]);
  return row ? { id: row.id, status: row.status, verificationLevel: row.verificationLevel } : null;
}

const issuesOf = (issues: Record<string, string>): FieldIssue[] => Object.entries(issues).map(([field, message]) => ({ field, message, code: 'practices.invalid' }));

/**
 * The attachments of the new content: those kept (by hash) among the files this practice already had in any version,
 * then the uploads, stored (one entry per content). A hash the practice never had is ignored: a draft cannot point at
 * another practice's evidence (and so be given a way to download it).
 */
async function attachmentsOf(tx: Executor, known: readonly PracticeAttachment[], draft: PracticeDraft): Promise<PracticeAttachment[]> {
  const kept = [...new Map(known.map((file) => [file.sha256, file])).values()].filter((file) => draft.keep.includes(file.sha256));
  const added: PracticeAttachment[] = [];
  for (const upload of draft.uploads) added.push(await storeFile(tx, upload.bytes, { declaredName: upload.name, maxBytes: maxAttachmentBytes }));
  const unique = new Map([...kept, ...added].map((file) => [file.sha256, file]));
  const attachments = [...unique.values()];
  if (attachments.length > maxAttachments) throw practiceInvalid(issuesOf({ attachments: 'error.tooManyFiles' }));
  return attachments;
}

/** Refuses content with problems, each named by its field, before anything is written. */
function assertValid(draft: PracticeDraft): void {
  const issues = contentIssues(draft.content);
  if (draft.changeNote && draft.changeNote.length > 1000) issues.changeNote = 'error.changeNote';
  if (Object.keys(issues).length) throw practiceInvalid(issuesOf(issues));
}

/** Creates a practice of the organisation with its first revision, a draft (or submitted at once). */
export async function createPractice(input: { db: Executor; actor: Actor; supporterId: string; draft: PracticeDraft; submit?: boolean }): Promise<{ practice: PracticeRow; revision: RevisionRow }> {
  const user = authorize(input.actor, practicesPolicies.write, { supporter: await writingSupporter(input.db, input.supporterId) });
  assertValid(input.draft);
  const author = actorRef(user);
  return input.db.transaction(async (tx) => {
    const repository = createPracticesRepository(tx);
    const attachments = await attachmentsOf(tx, [], input.draft);
    const practice = await repository.insertPractice({ origin: 'platform', supporterId: input.supporterId, state: 'draft', createdBy: author, editedBy: author });
    const revision = await repository.insertRevision({
      practiceId: practice.id,
      number: 1,
      content: { ...input.draft.content, attachments },
      state: input.submit ? 'submitted' : 'draft',
      changeNote: input.draft.changeNote,
      authoredBy: author,
      submittedAt: input.submit ? new Date() : null,
    });
    await recordAudit(tx, { actor: author, action: 'practices.create', subject: practice.id, details: { supporter: input.supporterId, revision: 1, files: attachments.length } });
    if (input.submit) await recordAudit(tx, { actor: author, action: 'practices.submit', subject: practice.id, details: { revision: 1 } });
    return { practice, revision };
  });
}

/** Loads and locks a practice the actor may see the revisions of (404 otherwise). */
async function lockedPractice(tx: Executor, actor: Actor, practiceId: string): Promise<PracticeRow> {
  const practice = await createPracticesRepository(tx).lockPractice(practiceId);
  if (!practice) throw practiceNotFound();
  authorize(actor, practicesPolicies.viewRevisions, practice);
  return practice;
}

/**
 * Saves the practice's content: into its open revision when there is one the author may edit (a draft, or one the
 * secretariat asked about), else as a new draft revision (after a publication or a refusal). A submitted revision
 * waits for its decision and is not changed. With `submit`, the saved revision goes to the queue.
 */
export async function savePractice(input: { db: Executor; actor: Actor; practiceId: string; draft: PracticeDraft; submit?: boolean }): Promise<{ revision: RevisionRow }> {
  return input.db.transaction(async (tx) => {
    const repository = createPracticesRepository(tx);
    const practice = await lockedPractice(tx, input.actor, input.practiceId);
    const user = authorize(input.actor, practicesPolicies.write, { supporter: await writingSupporter(tx, practice.supporterId) });
    assertValid(input.draft);
    const revisions = await repository.listRevisions(practice.id);
    const open = openRevision(revisions);
    if (open && !isEditable(open.state)) throw practiceInModeration();
    const author = actorRef(user);
    const attachments = await attachmentsOf(tx, [...(open?.content.attachments ?? []), ...practice.attachments, ...revisions.flatMap((r) => r.content.attachments)], input.draft);
    const content = { ...input.draft.content, attachments };
    const submitted = input.submit ? { state: 'submitted', submittedAt: new Date() } : {};
    const revision = open
      ? (await repository.updateRevision(practice.id, open.number, { content, changeNote: input.draft.changeNote, authoredBy: author, ...submitted }, editableRevisionStates))!
      : await repository.insertRevision({ practiceId: practice.id, number: nextRevisionNumber(revisions), content, state: 'draft', changeNote: input.draft.changeNote, authoredBy: author, ...submitted });
    await repository.updatePractice(practice.id, { editedBy: author });
    await recordAudit(tx, { actor: author, action: 'practices.save', subject: practice.id, details: { revision: revision.number, files: attachments.length } });
    if (input.submit) await recordAudit(tx, { actor: author, action: 'practices.submit', subject: practice.id, details: { revision: revision.number } });
    return { revision };
  });
}

/** Sends the open draft (or the answered question) to the moderation queue. */
export async function submitPractice(input: { db: Executor; actor: Actor; practiceId: string }): Promise<{ revision: RevisionRow }> {
  return input.db.transaction(async (tx) => {
    const repository = createPracticesRepository(tx);
    const practice = await lockedPractice(tx, input.actor, input.practiceId);
    const user = authorize(input.actor, practicesPolicies.write, { supporter: await writingSupporter(tx, practice.supporterId) });
    const open = openRevision(await repository.listRevisions(practice.id));
    if (!open || !isEditable(open.state)) throw nothingToSubmit();
    const revision = (await repository.updateRevision(practice.id, open.number, { state: 'submitted', submittedAt: new Date() }, editableRevisionStates))!;
    await recordAudit(tx, { actor: actorRef(user), action: 'practices.submit', subject: practice.id, details: { revision: revision.number } });
    return { revision };
  });
}

/**
 * Withdraws a practice from the library (its page then says it was withdrawn); a revision waiting for a decision goes
 * back to draft, out of the queue. Tells the response cache when a published practice leaves.
 */
export async function withdrawPractice(input: { db: Executor; actor: Actor; practiceId: string; reason: string | null; events?: EventBus }): Promise<{ practice: PracticeRow }> {
  let wasPublished = false;
  const result = await input.db.transaction(async (tx) => {
    const repository = createPracticesRepository(tx);
    const practice = await lockedPractice(tx, input.actor, input.practiceId);
    const user = authorize(input.actor, practicesPolicies.withdraw, practice);
    if (practice.state === 'withdrawn') throw practiceAlreadyWithdrawn();
    wasPublished = practice.state === 'published';
    const reopened = await repository.moveRevisions(practice.id, openRevisionStates.filter((s) => s !== 'draft'), 'draft');
    await repository.updatePractice(practice.id, { state: 'withdrawn', editedBy: actorRef(user) });
    await recordAudit(tx, { actor: actorRef(user), action: 'practices.withdraw', subject: practice.id, reason: input.reason, details: { was: practice.state, reopened } });
    return { practice: { ...practice, state: 'withdrawn' } };
  });
  if (wasPublished) input.events?.emit('registry.changed', { reason: 'practices.withdraw' });
  return result;
}

/**
 * Holding a consultation. A co-chair creates it as a draft (its text split into numbered paragraphs or questions, its
 * deadline an instant given in a time zone) and opens it; its audience sends inputs while it is open, each with the
 * publication its author chose; after the deadline the co-chairs give each input a disposition (reworded freely until
 * the synthesis is published), then publish the synthesis and the revised text, which publishes the dispositions and
 * e-mails each contributor theirs. A published disposition changes only as a new version, audited and e-mailed. Each
 * change is one transaction with its audit entry; the consultation's row is locked so phases are checked once.
 */
import { actorRef, type Actor } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import { recordAudit } from '../../app/audit/audit.js';
import type { Executor } from '../../app/database/database.js';
import type { EventBus } from '../../app/events/events.js';
import { findGroupBySlug } from '../groups/groups.queries.js';
import type { ConsultationAudience, ConsultationKind, Outcome, Publication, TextLanguage } from './consultations.constants.js';
import { sendDispositionsEmail } from './consultations.emails.js';
import { badChanges, consultationNotFound, groupNotFound, inputNotFound, noSuchParagraph, notTheirOrganisation, undisposed } from './consultations.errors.js';
import { consultationsPolicies } from './consultations.policies.js';
import { createConsultationsRepository } from './consultations.repository.js';
import type { ConsultationRow, DispositionRow, InputRow, Localized } from './consultations.tables.js';

interface Deps {
  db: Executor;
  actor: Actor;
  /** The instant the request is taken at (tests pass one). */
  now?: Date;
  /** Told after the commit when public pages change (a group's page lists its consultations). */
  events?: EventBus;
}
interface Mailing {
  /** The platform's public address, for the links in e-mails. */
  publicUrl: string;
}

export interface NewConsultation {
  title: Localized;
  introduction: Localized;
  kind: ConsultationKind;
  audience: ConsultationAudience;
  language: TextLanguage;
  paragraphs: string[];
  closesAt: Date;
  timeZone: string;
}

async function locked(tx: Executor, id: string): Promise<ConsultationRow> {
  const consultation = await createConsultationsRepository(tx).lock(id);
  if (!consultation) throw consultationNotFound();
  return consultation;
}

/** Creates a draft consultation in the group named by its slug. */
export async function createConsultation(input: Deps & { groupSlug: string; consultation: NewConsultation }): Promise<ConsultationRow> {
  return input.db.transaction(async (tx) => {
    const group = await findGroupBySlug(tx, input.groupSlug);
    if (!group) throw groupNotFound();
    const user = authorize(input.actor, consultationsPolicies.create, { group });
    const by = actorRef(user);
    const repository = createConsultationsRepository(tx);
    const { paragraphs, ...fields } = input.consultation;
    const consultation = await repository.insertConsultation({ ...fields, groupId: group.id, createdBy: by });
    await repository.insertParagraphs(paragraphs.map((body, index) => ({ consultationId: consultation.id, text: 'original', number: index + 1, body })));
    await recordAudit(tx, {
      actor: by,
      action: 'consultations.create',
      subject: consultation.id,
      details: { group: group.id, kind: fields.kind, audience: fields.audience, paragraphs: paragraphs.length, closesAt: fields.closesAt.toISOString(), timeZone: fields.timeZone },
    });
    return consultation;
  });
}

/** Opens a draft: inputs are taken from now until its deadline. */
export async function openConsultation(input: Deps & { consultationId: string }): Promise<ConsultationRow> {
  const now = input.now ?? new Date();
  const opened = await input.db.transaction(async (tx) => {
    const consultation = await locked(tx, input.consultationId);
    authorize(input.actor, consultationsPolicies.view, consultation);
    const user = authorize(input.actor, consultationsPolicies.open, { ...consultation, now });
    const opened = (await createConsultationsRepository(tx).open(consultation.id, now))!;
    await recordAudit(tx, { actor: actorRef(user), action: 'consultations.open', subject: consultation.id, details: { closesAt: consultation.closesAt.toISOString() } });
    return opened;
  });
  input.events?.emit('registry.changed', { reason: 'consultations.open' });
  return opened;
}

export interface InputDraft {
  /** The paragraph (or question) commented on; null for the text as a whole. */
  paragraph: number | null;
  body: string;
  publication: Publication;
  language: TextLanguage;
  /** The registry organisation the person speaks for (one they represent), or null. */
  supporterId: string | null;
}

/** Sends an input while the consultation is open; its number follows the last one's. */
export async function sendInput(input: Deps & { consultationId: string; draft: InputDraft; supporterName?: string | null }): Promise<InputRow> {
  const now = input.now ?? new Date();
  return input.db.transaction(async (tx) => {
    const consultation = await locked(tx, input.consultationId);
    authorize(input.actor, consultationsPolicies.view, consultation);
    const user = authorize(input.actor, consultationsPolicies.comment, { ...consultation, now });
    const { draft } = input;
    const repository = createConsultationsRepository(tx);
    if (draft.paragraph !== null && !(await repository.paragraphs(consultation.id, 'original')).some((p) => p.number === draft.paragraph)) throw noSuchParagraph();
    if (draft.supporterId !== null && !user.grants.some((g) => g.role === 'representative' && g.scopeId === draft.supporterId)) throw notTheirOrganisation();
    const saved = await repository.insertInput({
      consultationId: consultation.id,
      number: await repository.nextInputNumber(consultation.id),
      paragraph: draft.paragraph,
      authorId: user.userId,
      authorName: user.name?.trim() || user.email.split('@')[0]!,
      supporterId: draft.supporterId,
      supporterName: draft.supporterId ? (input.supporterName ?? null) : null,
      language: draft.language,
      publication: draft.publication,
      body: draft.body,
    });
    await recordAudit(tx, { actor: actorRef(user), action: 'consultations.input.send', subject: consultation.id, details: { input: saved.id, number: saved.number, paragraph: saved.paragraph, publication: saved.publication } });
    return saved;
  });
}

/**
 * Gives an input its disposition after the deadline. Before the synthesis, the first version is reworded in place;
 * after it, a change is a new published version (the older ones kept), e-mailed to the contributor.
 */
export async function disposeInput(input: Deps & Mailing & { consultationId: string; inputId: string; outcome: Outcome; reason: string }): Promise<DispositionRow> {
  const now = input.now ?? new Date();
  const result = await input.db.transaction(async (tx) => {
    const consultation = await locked(tx, input.consultationId);
    const user = authorize(input.actor, consultationsPolicies.dispose, { ...consultation, now });
    const by = actorRef(user);
    const repository = createConsultationsRepository(tx);
    const target = await repository.findInput(consultation.id, input.inputId);
    if (!target) throw inputNotFound();
    const latest = await repository.latestDisposition(target.id);
    const change = { outcome: input.outcome, reason: input.reason, decidedBy: by };
    let disposition: DispositionRow;
    if (latest && !latest.published) disposition = (await repository.rewordDraft(latest.id, change))!;
    else disposition = await repository.insertDisposition({ ...change, inputId: target.id, consultationId: consultation.id, version: (latest?.version ?? 0) + 1, published: consultation.state === 'concluded' });
    const revision = latest?.published === true;
    await recordAudit(tx, {
      actor: by,
      action: revision ? 'consultations.disposition.revise' : 'consultations.disposition.give',
      subject: consultation.id,
      reason: input.reason,
      details: { input: target.id, number: target.number, version: disposition.version, outcome: input.outcome, ...(revision ? { previous: { version: latest.version, outcome: latest.outcome, reason: latest.reason } } : {}) },
    });
    if (disposition.published) await sendDispositionsEmail(tx, { consultation, contributorId: target.authorId, items: [{ input: target, disposition }], publicUrl: input.publicUrl, revision: true });
    return { disposition, published: disposition.published };
  });
  if (result.published) input.events?.emit('registry.changed', { reason: 'consultations.disposition.revise' });
  return result.disposition;
}

export interface Conclusion {
  synthesis: Localized;
  /** The revised text's paragraphs, in order (numbered from 1). */
  revised: string[];
  /** For each revised paragraph that changed, the numbers of the inputs that changed it. */
  changes: Map<number, number[]>;
}

/**
 * Publishes the synthesis and the revised text once every input has a disposition: the dispositions are published
 * with them, and each contributor gets one e-mail listing their inputs' dispositions.
 */
export async function publishSynthesis(input: Deps & Mailing & { consultationId: string; conclusion: Conclusion }): Promise<ConsultationRow> {
  const now = input.now ?? new Date();
  const concluded = await input.db.transaction(async (tx) => {
    const consultation = await locked(tx, input.consultationId);
    const user = authorize(input.actor, consultationsPolicies.conclude, { ...consultation, now });
    const repository = createConsultationsRepository(tx);
    const missing = await repository.countUndisposed(consultation.id);
    if (missing > 0) throw undisposed({ count: missing });
    const { revised, changes, synthesis } = input.conclusion;
    const inputs = await repository.inputs(consultation.id);
    const byNumber = new Map(inputs.map((row) => [row.number, row]));
    for (const [paragraph, numbers] of changes) {
      if (paragraph < 1 || paragraph > revised.length || numbers.some((n) => !byNumber.has(n))) throw badChanges();
    }
    await repository.insertParagraphs(
      revised.map((body, index) => ({ consultationId: consultation.id, text: 'revised', number: index + 1, body, changedBy: (changes.get(index + 1) ?? []).map((n) => byNumber.get(n)!.id) })),
    );
    const concluded = (await repository.conclude(consultation.id, synthesis, now))!;
    const published = await repository.publishDispositions(consultation.id);
    await recordAudit(tx, {
      actor: actorRef(user),
      action: 'consultations.conclude',
      subject: consultation.id,
      details: { inputs: inputs.length, dispositions: published.length, revisedParagraphs: revised.length, changed: changes.size },
    });
    const inputById = new Map(inputs.map((row) => [row.id, row]));
    const perContributor = new Map<string, Array<{ input: InputRow; disposition: DispositionRow }>>();
    for (const disposition of published) {
      const own = inputById.get(disposition.inputId)!;
      perContributor.set(own.authorId, [...(perContributor.get(own.authorId) ?? []), { input: own, disposition }]);
    }
    for (const [contributorId, items] of perContributor) {
      items.sort((a, b) => a.input.number - b.input.number);
      await sendDispositionsEmail(tx, { consultation: concluded, contributorId, items, publicUrl: input.publicUrl, revision: false });
    }
    return concluded;
  });
  input.events?.emit('registry.changed', { reason: 'consultations.conclude' });
  return concluded;
}

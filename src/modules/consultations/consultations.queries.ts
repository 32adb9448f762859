/**
 * What the pages, the API and the exports read about consultations, already filtered for the reader by the policies:
 * private inputs only for the co-chairs and their author, anonymous authors never named (but to themselves), drafts
 * only for the co-chairs, dispositions once published (the co-chairs' table shows their working versions).
 */
import type { Actor } from '../../app/authz/actor.js';
import { authorize, can } from '../../app/authz/policy.js';
import type { Executor } from '../../app/database/database.js';
import { findGroupById, listGroups, type Group } from '../groups/groups.queries.js';
import { listSupportersByIds } from '../supporters/supporters.usecases.js';
import type { Phase } from './consultations.constants.js';
import { consultationNotFound } from './consultations.errors.js';
import { phaseOf } from './consultations.models.js';
import { coChairs, consultationsPolicies, readsInput, shownAuthor } from './consultations.policies.js';
import { createConsultationsRepository, type ListFilters, type PageInput } from './consultations.repository.js';
import type { ConsultationRow, DispositionRow, InputRow, ParagraphRow } from './consultations.tables.js';

/** An input as the reader may see it: `author` null when not shown (anonymous), organisation likewise. */
export interface ShownInput {
  id: string;
  number: number;
  paragraph: number | null;
  author: string | null;
  organisation: string | null;
  language: string;
  publication: string;
  body: string;
  createdAt: Date;
  own: boolean;
}

export interface Held {
  consultation: ConsultationRow;
  group: Group;
  phase: Phase;
  /** The reader is one of the group's co-chairs (or the secretariat). */
  coChair: boolean;
}

/** The consultation the reader may see (drafts: its co-chairs only), with its group and phase. */
export async function heldConsultation(db: Executor, actor: Actor, id: string, now: Date): Promise<Held> {
  const consultation = await createConsultationsRepository(db).find(id);
  if (!consultation) throw consultationNotFound();
  authorize(actor, consultationsPolicies.view, consultation);
  const group = (await findGroupById(db, consultation.groupId))!;
  return { consultation, group, phase: phaseOf(consultation, now), coChair: coChairs(actor, consultation.groupId) };
}

export function shownInput(actor: Actor, groupId: string, input: PageInput): ShownInput {
  const author = shownAuthor(actor, groupId, input);
  return {
    id: input.id,
    number: input.number,
    paragraph: input.paragraph,
    author,
    organisation: author === null ? null : input.supporterName,
    language: input.language,
    publication: input.publication,
    body: input.body,
    createdAt: input.createdAt,
    own: actor.kind === 'user' && actor.userId === input.authorId,
  };
}

/** The latest version of each input's disposition among `rows`, by input id. */
export function latestByInput(rows: readonly DispositionRow[]): Map<string, DispositionRow> {
  const latest = new Map<string, DispositionRow>();
  for (const row of rows) if ((latest.get(row.inputId)?.version ?? 0) < row.version) latest.set(row.inputId, row);
  return latest;
}

export interface ConsultationView extends Held {
  paragraphs: ParagraphRow[];
  inputs: ShownInput[];
  /** The latest published outcome of each input, by input id. */
  outcomes: Map<string, string>;
  canComment: boolean;
  /** The organisations the reader represents, to speak for one. */
  organisations: Array<{ id: string; name: string }>;
}

/** A consultation's page: its text, the inputs the reader may see, and what they may do. */
export async function consultationView(input: { db: Executor; actor: Actor; id: string; now: Date }): Promise<ConsultationView> {
  const { db, actor, now } = input;
  const held = await heldConsultation(db, actor, input.id, now);
  const repository = createConsultationsRepository(db);
  const { consultation } = held;
  const [paragraphs, rows, outcomes] = await Promise.all([
    repository.paragraphs(consultation.id, 'original'),
    repository.pageInputs(consultation.id, { private: held.coChair ? 'all' : actor.kind === 'user' ? { authorId: actor.userId } : 'none' }),
    consultation.state === 'concluded' ? repository.latestOutcomes(consultation.id) : Promise.resolve(new Map<string, string>()),
  ]);
  const supporterIds = actor.kind === 'user' ? actor.grants.filter((g) => g.role === 'representative').map((g) => g.scopeId) : [];
  const organisations = supporterIds.length ? (await listSupportersByIds(db, supporterIds)).map((s) => ({ id: s.id, name: s.name })) : [];
  return {
    ...held,
    paragraphs,
    inputs: rows.filter((row) => readsInput(actor, consultation.groupId, row)).map((row) => shownInput(actor, consultation.groupId, row)),
    outcomes,
    canComment: can(actor, consultationsPolicies.comment, { ...consultation, now }),
    organisations,
  };
}

export interface DispositionTable extends Held {
  paragraphs: ParagraphRow[];
  rows: Array<{ input: ShownInput; versions: DispositionRow[] }>;
}

/** The co-chairs' disposition table: every input (private ones included, anonymous ones unnamed), every version. */
export async function dispositionTable(input: { db: Executor; actor: Actor; id: string; now: Date }): Promise<DispositionTable> {
  const held = await heldConsultation(input.db, input.actor, input.id, input.now);
  authorize(input.actor, consultationsPolicies.manage, held.consultation);
  const repository = createConsultationsRepository(input.db);
  const [paragraphs, inputs, dispositions] = await Promise.all([
    repository.paragraphs(held.consultation.id, 'original'),
    repository.inputs(held.consultation.id),
    repository.dispositions(held.consultation.id),
  ]);
  const byInput = new Map<string, DispositionRow[]>();
  for (const row of dispositions) byInput.set(row.inputId, [...(byInput.get(row.inputId) ?? []), row]);
  return { ...held, paragraphs, rows: inputs.map((row) => ({ input: shownInput(input.actor, held.consultation.groupId, row), versions: byInput.get(row.id) ?? [] })) };
}

/** One row of the public disposition table: a published input's latest published disposition, and its history. */
export interface PublicDisposition {
  input: ShownInput;
  disposition: DispositionRow;
  history: DispositionRow[];
}

/**
 * The public disposition table: the published dispositions of named and anonymous inputs (a private input and its
 * disposition stay with the co-chairs and the contributor). Read as anyone would, whoever asks.
 */
export async function publicDispositions(input: { db: Executor; actor: Actor; id: string; now: Date }): Promise<{ held: Held; rows: PublicDisposition[] }> {
  const held = await heldConsultation(input.db, input.actor, input.id, input.now);
  const repository = createConsultationsRepository(input.db);
  const [inputs, dispositions] = await Promise.all([repository.inputs(held.consultation.id, { publishedOnly: true }), repository.dispositions(held.consultation.id, { publishedOnly: true })]);
  const byInput = new Map<string, DispositionRow[]>();
  for (const row of dispositions) byInput.set(row.inputId, [...(byInput.get(row.inputId) ?? []), row]);
  const rows: PublicDisposition[] = [];
  for (const row of inputs) {
    const versions = byInput.get(row.id);
    if (!versions?.length) continue;
    rows.push({ input: shownInput({ kind: 'anonymous' }, held.consultation.groupId, row), disposition: versions[versions.length - 1]!, history: versions });
  }
  return { held, rows };
}

/** The published inputs (named and anonymous), as anyone sees them. */
export async function publicInputs(input: { db: Executor; actor: Actor; id: string; now: Date }): Promise<{ held: Held; inputs: ShownInput[] }> {
  const held = await heldConsultation(input.db, input.actor, input.id, input.now);
  const rows = await createConsultationsRepository(input.db).inputs(held.consultation.id, { publishedOnly: true });
  return { held, inputs: rows.map((row) => shownInput({ kind: 'anonymous' }, held.consultation.groupId, row)) };
}

export interface ListedConsultation {
  consultation: ConsultationRow;
  group: Group;
  phase: Phase;
}

/** Consultations past their draft, a page of them, with their groups. */
export async function listConsultations(input: { db: Executor; filters: ListFilters; now: Date; page?: { offset: number; limit: number } }): Promise<{ items: ListedConsultation[]; total: number; groups: Group[] }> {
  const repository = createConsultationsRepository(input.db);
  const [rows, total, groups] = await Promise.all([repository.list(input.filters, input.now, input.page), repository.count(input.filters, input.now), listGroups(input.db)]);
  const byId = new Map(groups.map((g) => [g.id, g]));
  return { items: rows.map((consultation) => ({ consultation, group: byId.get(consultation.groupId)!, phase: phaseOf(consultation, input.now) })), total, groups };
}

/** The synthesis page: the public disposition table, the revised text, and every input's number (for its links). */
export async function synthesisView(input: { db: Executor; actor: Actor; id: string; now: Date }) {
  const { held, rows } = await publicDispositions(input);
  const repository = createConsultationsRepository(input.db);
  const [revised, inputs] = await Promise.all([repository.paragraphs(held.consultation.id, 'revised'), repository.inputs(held.consultation.id)]);
  return { held, rows, revised, numbers: new Map(inputs.map((row) => [row.id, row.number])) };
}

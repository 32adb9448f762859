/**
 * All SQL of consultations, over `db` (a transaction may be passed). No rules here: who reads which input, and when
 * an input or a disposition is taken, are the policies' and the use cases'.
 */
import { and, asc, count, desc, eq, gte, inArray, isNotNull, lt, max, ne, sql, type SQL } from 'drizzle-orm';
import { users } from '../../app/auth/auth.tables.js';
import type { Executor } from '../../app/database/database.js';
import type { Phase } from './consultations.constants.js';
import {
  consultationDispositions as dispositions,
  consultationInputs as inputs,
  consultationParagraphs as paragraphs,
  consultations,
  type ConsultationRow,
  type DispositionRow,
  type InputRow,
  type Localized,
  type ParagraphRow,
} from './consultations.tables.js';

/** An input as a page reads it (what is shown, and whose it is). */
export type PageInput = Pick<InputRow, 'id' | 'number' | 'paragraph' | 'authorId' | 'authorName' | 'supporterName' | 'language' | 'publication' | 'body' | 'createdAt'>;

export interface ListFilters {
  phase?: Exclude<Phase, 'draft'> | undefined;
  groupId?: string | undefined;
}

function listWhere(filters: ListFilters, now: Date): SQL | undefined {
  const phase =
    filters.phase === 'open'
      ? and(eq(consultations.state, 'open'), sql`${consultations.closesAt} > ${now}`)
      : filters.phase === 'closed'
        ? and(eq(consultations.state, 'open'), sql`${consultations.closesAt} <= ${now}`)
        : filters.phase === 'concluded'
          ? eq(consultations.state, 'concluded')
          : ne(consultations.state, 'draft');
  return and(phase, filters.groupId ? eq(consultations.groupId, filters.groupId) : undefined);
}

export function createConsultationsRepository(db: Executor) {
  return {
    async insertConsultation(row: typeof consultations.$inferInsert): Promise<ConsultationRow> {
      const [inserted] = await db.insert(consultations).values(row).returning();
      return inserted!;
    },

    async insertParagraphs(rows: Array<typeof paragraphs.$inferInsert>): Promise<void> {
      if (rows.length) await db.insert(paragraphs).values(rows);
    },

    async find(id: string): Promise<ConsultationRow | undefined> {
      const [row] = await db.select().from(consultations).where(eq(consultations.id, id)).limit(1);
      return row;
    },

    /** The consultation, locked until the transaction ends: inputs are numbered and phases checked one at a time. */
    async lock(id: string): Promise<ConsultationRow | undefined> {
      const [row] = await db.select().from(consultations).where(eq(consultations.id, id)).for('update').limit(1);
      return row;
    },

    async open(id: string, at: Date): Promise<ConsultationRow | undefined> {
      const [row] = await db.update(consultations).set({ state: 'open', opensAt: at }).where(and(eq(consultations.id, id), eq(consultations.state, 'draft'))).returning();
      return row;
    },

    async conclude(id: string, synthesis: Localized, at: Date): Promise<ConsultationRow | undefined> {
      const [row] = await db.update(consultations).set({ state: 'concluded', synthesis, concludedAt: at }).where(and(eq(consultations.id, id), eq(consultations.state, 'open'))).returning();
      return row;
    },

    /** Consultations past their draft, the latest deadline first. */
    async list(filters: ListFilters, now: Date, page?: { offset: number; limit: number }): Promise<ConsultationRow[]> {
      const query = db.select().from(consultations).where(listWhere(filters, now)).orderBy(desc(consultations.closesAt), asc(consultations.id));
      return page ? query.offset(page.offset).limit(page.limit) : query;
    },

    async count(filters: ListFilters, now: Date): Promise<number> {
      const [row] = await db.select({ n: count() }).from(consultations).where(listWhere(filters, now));
      return row?.n ?? 0;
    },

    /** A group's drafts (for its co-chairs' list). */
    async draftsOf(groupIds: readonly string[]): Promise<ConsultationRow[]> {
      if (groupIds.length === 0) return [];
      return db.select().from(consultations).where(and(eq(consultations.state, 'draft'), inArray(consultations.groupId, [...groupIds]))).orderBy(desc(consultations.createdAt));
    },

    async paragraphs(consultationId: string, text: 'original' | 'revised'): Promise<ParagraphRow[]> {
      return db.select().from(paragraphs).where(and(eq(paragraphs.consultationId, consultationId), eq(paragraphs.text, text))).orderBy(asc(paragraphs.number));
    },

    async nextInputNumber(consultationId: string): Promise<number> {
      const [row] = await db.select({ n: max(inputs.number) }).from(inputs).where(eq(inputs.consultationId, consultationId));
      return (row?.n ?? 0) + 1;
    },

    async insertInput(row: typeof inputs.$inferInsert): Promise<InputRow> {
      const [inserted] = await db.insert(inputs).values(row).returning();
      return inserted!;
    },

    /** Every input, in the order received (the use cases filter what each reader may see). */
    async inputs(consultationId: string, options: { publishedOnly?: boolean } = {}): Promise<InputRow[]> {
      return db
        .select()
        .from(inputs)
        .where(and(eq(inputs.consultationId, consultationId), options.publishedOnly ? ne(inputs.publication, 'private') : undefined))
        .orderBy(asc(inputs.number));
    },

    /**
     * The inputs a consultation's page lists, in the order received: the published ones, and the private ones when
     * `private` says whose (all of them for the co-chairs, or one author's own). Read as one JSON document: a page of
     * 2,000 inputs would otherwise cost a result of 20,000 fields to decode.
     */
    async pageInputs(consultationId: string, options: { private: 'all' | 'none' | { authorId: string } }): Promise<PageInput[]> {
      const privateOnes = options.private === 'all' ? sql`true` : options.private === 'none' ? sql`false` : sql`${inputs.authorId} = ${options.private.authorId}`;
      const [row] = await db
        .select({
          rows: sql<string>`coalesce(json_agg(json_build_object('id', ${inputs.id}, 'number', ${inputs.number}, 'paragraph', ${inputs.paragraph}, 'authorId', ${inputs.authorId}, 'authorName', ${inputs.authorName}, 'supporterName', ${inputs.supporterName}, 'language', ${inputs.language}, 'publication', ${inputs.publication}, 'body', ${inputs.body}, 'createdAt', ${inputs.createdAt}) order by ${inputs.number}), '[]')::text`,
        })
        .from(inputs)
        .where(and(eq(inputs.consultationId, consultationId), sql`(${inputs.publication} <> 'private' or ${privateOnes})`));
      return (JSON.parse(row?.rows ?? '[]') as Array<Omit<PageInput, 'createdAt'> & { createdAt: string }>).map((input) => ({ ...input, createdAt: new Date(input.createdAt) }));
    },

    async findInput(consultationId: string, inputId: string): Promise<InputRow | undefined> {
      const [row] = await db.select().from(inputs).where(and(eq(inputs.consultationId, consultationId), eq(inputs.id, inputId))).limit(1);
      return row;
    },

    /** Every version of every disposition of the consultation, by input then version. */
    async dispositions(consultationId: string, options: { publishedOnly?: boolean } = {}): Promise<DispositionRow[]> {
      return db
        .select()
        .from(dispositions)
        .where(and(eq(dispositions.consultationId, consultationId), options.publishedOnly ? eq(dispositions.published, true) : undefined))
        .orderBy(asc(dispositions.inputId), asc(dispositions.version));
    },

    /** The latest published outcome of each input (what a consultation's page shows beside each input). */
    async latestOutcomes(consultationId: string): Promise<Map<string, string>> {
      const rows = await db
        .selectDistinctOn([dispositions.inputId], { inputId: dispositions.inputId, outcome: dispositions.outcome })
        .from(dispositions)
        .where(and(eq(dispositions.consultationId, consultationId), eq(dispositions.published, true)))
        .orderBy(dispositions.inputId, desc(dispositions.version));
      return new Map(rows.map((row) => [row.inputId, row.outcome]));
    },

    async latestDisposition(inputId: string): Promise<DispositionRow | undefined> {
      const [row] = await db.select().from(dispositions).where(eq(dispositions.inputId, inputId)).orderBy(desc(dispositions.version)).limit(1);
      return row;
    },

    async insertDisposition(row: typeof dispositions.$inferInsert): Promise<DispositionRow> {
      const [inserted] = await db.insert(dispositions).values(row).returning();
      return inserted!;
    },

    /** Rewords an unpublished disposition in place (before the synthesis, the table is a working document). */
    async rewordDraft(id: string, change: { outcome: string; reason: string; decidedBy: string }): Promise<DispositionRow | undefined> {
      const [row] = await db.update(dispositions).set(change).where(and(eq(dispositions.id, id), eq(dispositions.published, false))).returning();
      return row;
    },

    async publishDispositions(consultationId: string): Promise<DispositionRow[]> {
      return db.update(dispositions).set({ published: true }).where(and(eq(dispositions.consultationId, consultationId), eq(dispositions.published, false))).returning();
    },

    async countUndisposed(consultationId: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(inputs)
        .where(and(eq(inputs.consultationId, consultationId), sql`not exists (select 1 from ${dispositions} where ${dispositions.inputId} = ${inputs.id})`));
      return row?.n ?? 0;
    },

    /** The contributors' addresses and languages, to send them their dispositions (never shown anywhere). */
    async contacts(userIds: readonly string[]): Promise<Array<{ id: string; email: string | null; locale: string }>> {
      if (userIds.length === 0) return [];
      return db.select({ id: users.id, email: users.email, locale: users.locale }).from(users).where(inArray(users.id, [...userIds]));
    },

    /** Open consultations whose deadline falls in [from, to). */
    async closingBetween(from: Date, to: Date): Promise<ConsultationRow[]> {
      return db.select().from(consultations).where(and(eq(consultations.state, 'open'), gte(consultations.closesAt, from), lt(consultations.closesAt, to)));
    },

    /** Consultations opened, or concluded, in [since, until), in the groups given (all when absent). */
    async happenedBetween(column: 'opensAt' | 'concludedAt', since: Date, until: Date, groupIds?: readonly string[], audience?: string): Promise<ConsultationRow[]> {
      const at = consultations[column];
      return db
        .select()
        .from(consultations)
        .where(and(isNotNull(at), gte(at, since), lt(at, until), groupIds ? inArray(consultations.groupId, [...groupIds]) : undefined, audience ? eq(consultations.audience, audience) : undefined))
        .orderBy(desc(at));
    },
  };
}

export type ConsultationsRepository = ReturnType<typeof createConsultationsRepository>;

/** A person's inputs, for their personal-data export and erasure. */
export function createConsultationsPersonalDataRepository(db: Executor) {
  return {
    async inputsOf(userId: string) {
      return db
        .select({ consultationId: inputs.consultationId, number: inputs.number, paragraph: inputs.paragraph, supporterId: inputs.supporterId, language: inputs.language, publication: inputs.publication, body: inputs.body, sentAt: inputs.createdAt })
        .from(inputs)
        .where(eq(inputs.authorId, userId));
    },
    /** Removes the name from the person's inputs; a named input becomes anonymous (its text stays with its disposition). */
    async unnameInputs(userId: string): Promise<void> {
      await db.update(inputs).set({ authorName: '', publication: sql`case when ${inputs.publication} = 'named' then 'anonymous' else ${inputs.publication} end` }).where(eq(inputs.authorId, userId));
    },
  };
}

/**
 * Every query of coordination cases. The registry's organisations and the contacts' addresses are read with SQL here
 * (read only: they belong to the supporters and contacts modules).
 */
import { and, asc, count, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../app/database/database.js';
import { isIdShaped } from '../../app/database/columns.js';
import type { ParticipantState } from './cases.constants.js';
import { cvdCases, cvdParticipants, cvdProducts, cvdStates, cvdVulnerabilities, type CvdCaseRow } from './cases.tables.js';

export interface Organisation {
  id: string;
  slug: string;
  name: string;
}

export function createCasesRepository(db: Executor) {
  const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;
  return {
    async insertCase(values: typeof cvdCases.$inferInsert) {
      return (await db.insert(cvdCases).values(values).returning())[0]!;
    },
    async findCase(id: string) {
      if (!isIdShaped(id)) return null;
      return (await db.select().from(cvdCases).where(eq(cvdCases.id, id)))[0] ?? null;
    },
    /** Locks the case's row for the rest of the transaction (two coordinators publishing at once: one wins). */
    async lockCase(id: string) {
      return (await db.select().from(cvdCases).where(eq(cvdCases.id, id)).for('update'))[0] ?? null;
    },
    async updateCase(id: string, values: Partial<typeof cvdCases.$inferInsert>) {
      return (await db.update(cvdCases).set(values).where(eq(cvdCases.id, id)).returning())[0]!;
    },
    /** The cases one of these organisations takes part in, or that the secretariat coordinates; newest first. */
    async listCases(filter: { supporterIds: readonly string[]; secretariat: boolean; openedBy: string }) {
      const byParticipant = filter.supporterIds.length
        ? sql`exists (select 1 from cvd_participants p where p.case_id = ${cvdCases.id} and p.supporter_id in (${sql.join(filter.supporterIds.map((id) => sql`${id}`), sql`, `)}))`
        : sql`false`;
      const bySecretariat = filter.secretariat ? sql`${cvdCases.coordinatorSupporterId} is null` : sql`false`;
      return db.select().from(cvdCases).where(sql`(${byParticipant} or ${bySecretariat} or ${cvdCases.openedBy} = ${filter.openedBy})`).orderBy(desc(cvdCases.createdAt)).limit(500);
    },
    async participantSupporterIds(caseId: string): Promise<string[]> {
      return (await db.select({ id: cvdParticipants.supporterId }).from(cvdParticipants).where(eq(cvdParticipants.caseId, caseId))).map((r) => r.id);
    },
    async insertParticipant(values: typeof cvdParticipants.$inferInsert) {
      return (await db.insert(cvdParticipants).values(values).onConflictDoNothing().returning())[0] ?? null;
    },
    async findParticipant(caseId: string, supporterId: string) {
      return (await db.select().from(cvdParticipants).where(and(eq(cvdParticipants.caseId, caseId), eq(cvdParticipants.supporterId, supporterId))))[0] ?? null;
    },
    async findParticipantById(caseId: string, id: string) {
      return (await db.select().from(cvdParticipants).where(and(eq(cvdParticipants.caseId, caseId), eq(cvdParticipants.id, id))))[0] ?? null;
    },
    async updateParticipant(id: string, values: Partial<typeof cvdParticipants.$inferInsert>) {
      return (await db.update(cvdParticipants).set(values).where(eq(cvdParticipants.id, id)).returning())[0]!;
    },
    /** Every organisation's acknowledgement is void once the embargo changes. */
    async resetAcknowledgements(caseId: string) {
      await db.update(cvdParticipants).set({ ackVersion: null, ackAt: null, ackBy: null }).where(eq(cvdParticipants.caseId, caseId));
    },
    /** A page of participants with their organisation's name, by name. */
    async participantsPage(caseId: string, limit: number, offset: number) {
      const result = await db.execute(sql`
        select p.*, s.name as supporter_name, s.slug as supporter_slug from cvd_participants p join supporters s on s.id = p.supporter_id
        where p.case_id = ${caseId} order by s.sort_name, p.id limit ${limit} offset ${offset}`);
      return rows<Record<string, unknown>>(result).map((r) => ({
        id: String(r.id), supporterId: String(r.supporter_id), name: String(r.supporter_name), slug: String(r.supporter_slug),
        ackVersion: r.ack_version === null ? null : Number(r.ack_version), ackAt: r.ack_at ? new Date(String(r.ack_at)) : null,
        statement: String(r.statement), statementLanguage: String(r.statement_language), statementState: String(r.statement_state), statementReview: String(r.statement_review),
      }));
    },
    async countParticipants(caseId: string) {
      const [all] = await db.select({ n: count() }).from(cvdParticipants).where(eq(cvdParticipants.caseId, caseId));
      return all!.n;
    },
    /** How many participants acknowledged the current embargo, and how many have some answer still missing. */
    async tallies(caseId: string, embargoVersion: number) {
      const [acked] = await db.select({ n: count() }).from(cvdParticipants).where(and(eq(cvdParticipants.caseId, caseId), eq(cvdParticipants.ackVersion, embargoVersion)));
      const silent = await db.selectDistinct({ id: cvdStates.participantId }).from(cvdStates).where(and(eq(cvdStates.caseId, caseId), eq(cvdStates.state, 'no-response')));
      return { acked: acked!.n, silent: silent.length };
    },
    async insertVulnerability(values: typeof cvdVulnerabilities.$inferInsert) {
      return (await db.insert(cvdVulnerabilities).values(values).returning())[0]!;
    },
    async vulnerabilities(caseId: string) {
      return db.select().from(cvdVulnerabilities).where(eq(cvdVulnerabilities.caseId, caseId)).orderBy(asc(cvdVulnerabilities.position), asc(cvdVulnerabilities.createdAt));
    },
    async insertProducts(values: Array<typeof cvdProducts.$inferInsert>) {
      if (values.length) await db.insert(cvdProducts).values(values);
    },
    async products(caseId: string) {
      return db.select().from(cvdProducts).where(eq(cvdProducts.caseId, caseId)).orderBy(asc(cvdProducts.createdAt), asc(cvdProducts.name));
    },
    /** A `no-response` row for every participant × vulnerability pair not yet there. */
    async fillStates(caseId: string) {
      await db.execute(sql`
        insert into cvd_states (id, case_id, participant_id, vulnerability_id, state)
        select 'cst_' || md5(p.id || v.id), p.case_id, p.id, v.id, 'no-response'
        from cvd_participants p join cvd_vulnerabilities v on v.case_id = p.case_id
        where p.case_id = ${caseId}
        on conflict (participant_id, vulnerability_id) do nothing`);
    },
    async states(caseId: string, participantIds?: readonly string[]) {
      const where = participantIds ? and(eq(cvdStates.caseId, caseId), participantIds.length ? inArray(cvdStates.participantId, [...participantIds]) : sql`false`) : eq(cvdStates.caseId, caseId);
      return db.select().from(cvdStates).where(where);
    },
    async setState(participantId: string, vulnerabilityId: string, state: ParticipantState, userId: string, at: Date) {
      return (await db.update(cvdStates).set({ state, changedBy: userId, changedAt: at }).where(and(eq(cvdStates.participantId, participantId), eq(cvdStates.vulnerabilityId, vulnerabilityId))).returning())[0] ?? null;
    },
    async hasSilence(participantId: string) {
      const [row] = await db.select({ n: count() }).from(cvdStates).where(and(eq(cvdStates.participantId, participantId), eq(cvdStates.state, 'no-response')));
      return row!.n > 0;
    },
    async publishedAdvisories(limit: number, offset: number) {
      const items = await db.select().from(cvdCases).where(isNotNull(cvdCases.publishedAt)).orderBy(desc(cvdCases.publishedAt)).limit(limit).offset(offset);
      const [total] = await db.select({ n: count() }).from(cvdCases).where(isNotNull(cvdCases.publishedAt));
      return { items, total: total!.n };
    },
    async findAdvisory(trackingIdOrCase: string): Promise<CvdCaseRow | null> {
      // Tracking ids (`PCP-CVD-2026-…`) and case ids have the same alphabet: anything else is no advisory.
      if (!isIdShaped(trackingIdOrCase)) return null;
      return (await db.select().from(cvdCases).where(and(isNotNull(cvdCases.publishedAt), sql`(${cvdCases.trackingId} = ${trackingIdOrCase} or ${cvdCases.id} = ${trackingIdOrCase})`)))[0] ?? null;
    },
  };
}
export type CasesRepository = ReturnType<typeof createCasesRepository>;

/** What cases hold about one account (privacy export and erasure). */
export function createCasesPersonalDataRepository(db: Executor) {
  return {
    async of(userId: string) {
      const opened = await db.select({ caseId: cvdCases.id, at: cvdCases.createdAt }).from(cvdCases).where(eq(cvdCases.openedBy, userId));
      const acknowledged = await db.select({ caseId: cvdParticipants.caseId, at: cvdParticipants.ackAt }).from(cvdParticipants).where(eq(cvdParticipants.ackBy, userId));
      const answered = await db.select({ caseId: cvdStates.caseId, state: cvdStates.state, at: cvdStates.changedAt }).from(cvdStates).where(eq(cvdStates.changedBy, userId));
      return { opened, acknowledged, answered };
    },
    async unlink(userId: string) {
      await db.update(cvdCases).set({ openedBy: null }).where(eq(cvdCases.openedBy, userId));
      await db.update(cvdParticipants).set({ ackBy: null }).where(eq(cvdParticipants.ackBy, userId));
      await db.update(cvdStates).set({ changedBy: null }).where(eq(cvdStates.changedBy, userId));
    },
  };
}

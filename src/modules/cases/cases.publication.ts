/**
 * Statements and publication. Each organisation drafts its statement and submits it; the coordinator approves it or
 * asks for changes; only approved statements go into the advisory. Publication (by the coordinator, after the embargo
 * or once every organisation acknowledged it) builds the CSAF 2.0 document, validates it with the BSI library and
 * refuses with the validator's errors listed if it is not valid; otherwise the case becomes public as TLP:CLEAR.
 */
import { recordAudit } from '../../app/audit/audit.js';
import type { TlpLabel } from '../../app/authz/tlp.js';
import { actorRef } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import { casesMessages } from './cases.messages.js';
import { buildCsaf, csafFilename, validateCsaf, type AdvisorySource } from './cases.csaf.js';
import { caseInvalid, csafInvalid, noEmbargo, noStatement, publicationTooEarly } from './cases.errors.js';
import { mayPublish } from './cases.models.js';
import { casesPolicies, participantSupporter } from './cases.policies.js';
import { createCasesRepository } from './cases.repository.js';
import type { ParticipantState } from './cases.constants.js';
import { loadSubject, type CaseDeps } from './cases.usecases.js';

/** Saves the actor's organisation's statement as a draft, or submits it for approval. */
export async function saveStatement(deps: CaseDeps & { caseId: string; text: string; language: string; submit: boolean }) {
  const { row, subject } = await loadSubject(deps.db, deps.caseId);
  const user = authorize(deps.actor, casesPolicies.participate, subject);
  const t = casesMessages(deps.locale);
  const text = deps.text.trim();
  if (!text) throw caseInvalid([{ field: 'statement', code: 'cases.required', message: t('error.required') }]);
  if (text.length > 20_000) throw caseInvalid([{ field: 'statement', code: 'cases.too-long', message: t('error.tooLong') }]);
  if (!['en', 'fr'].includes(deps.language)) throw caseInvalid([{ field: 'statementLanguage', code: 'cases.language', message: t('error.language') }]);
  const supporterId = participantSupporter(user, subject)!;
  return deps.db.transaction(async (tx) => {
    const repository = createCasesRepository(tx);
    const participant = (await repository.findParticipant(row.id, supporterId))!;
    const state = deps.submit ? 'submitted' : 'draft';
    const updated = await repository.updateParticipant(participant.id, { statement: text, statementLanguage: deps.language, statementState: state });
    await recordAudit(tx, { actor: actorRef(user), action: `cases.statement-${state}`, subject: row.id, details: { participantId: participant.id } });
    return updated;
  });
}

/** The coordinator approves a submitted statement, or sends it back with what to change. */
export async function reviewStatement(deps: CaseDeps & { caseId: string; participantId: string; decision: 'approve' | 'changes'; review: string }) {
  const { row, subject } = await loadSubject(deps.db, deps.caseId);
  const user = authorize(deps.actor, casesPolicies.coordinate, subject);
  const repository = createCasesRepository(deps.db);
  const participant = await repository.findParticipantById(row.id, deps.participantId);
  if (!participant || participant.statementState !== 'submitted') throw noStatement();
  if (deps.decision === 'changes' && !deps.review.trim()) throw caseInvalid([{ field: 'review', code: 'cases.required', message: casesMessages(deps.locale)('error.required') }]);
  return deps.db.transaction(async (tx) => {
    const state = deps.decision === 'approve' ? 'approved' : 'changes-requested';
    const updated = await createCasesRepository(tx).updateParticipant(participant.id, { statementState: state, statementReview: deps.decision === 'approve' ? '' : deps.review.trim().slice(0, 5_000) });
    await recordAudit(tx, { actor: actorRef(user), action: `cases.statement-${state}`, subject: row.id, details: { participantId: participant.id } });
    return updated;
  });
}

/** The trackingId of a case: `PCP-CVD-<year>-<case id without its prefix>`. */
export const trackingIdOf = (caseId: string, at: Date) => `PCP-CVD-${at.getUTCFullYear()}-${caseId.replace(/^cas_/, '')}`;

/** What the advisory is built from, read in the publication's transaction. */
export async function advisorySource(
  repository: ReturnType<typeof createCasesRepository>,
  row: { id: string; title: string; summary: string; language: string },
  publicUrl: string,
  at: Date,
  embargoed?: { marking: TlpLabel },
): Promise<AdvisorySource> {
  const total = await repository.countParticipants(row.id);
  const participants = await repository.participantsPage(row.id, Math.max(total, 1), 0);
  const states = new Map<string, Map<string, ParticipantState>>();
  for (const s of await repository.states(row.id)) {
    if (!states.has(s.participantId)) states.set(s.participantId, new Map());
    states.get(s.participantId)!.set(s.vulnerabilityId, s.state as ParticipantState);
  }
  const trackingId = trackingIdOf(row.id, at);
  const base = publicUrl.replace(/\/$/, '');
  return {
    trackingId, title: row.title, summary: row.summary, language: row.language, marking: embargoed?.marking ?? 'CLEAR', ...(embargoed ? { status: 'interim' as const } : {}),
    publisherName: 'Paris Call for Trust and Security in Cyberspace', publisherNamespace: base,
    advisoryUrl: embargoed ? `${base}/en/cooperation/cases/${row.id}` : `${base}/en/advisories/${encodeURIComponent(trackingId)}`, releasedAt: at,
    participants: participants.map((p) => ({ id: p.id, name: p.name })),
    products: (await repository.products(row.id)).map((p) => ({ id: p.id, participantId: p.participantId, name: p.name })),
    vulnerabilities: (await repository.vulnerabilities(row.id)).map((v) => ({ id: v.id, title: v.title, cwe: v.cwe, cve: v.cve, cvss31: v.cvss31Vector, cvss40: v.cvss40Vector })),
    states,
    statements: participants.filter((p) => p.statementState === 'approved').map((p) => ({ participantName: p.name, text: p.statement })),
  };
}

/** Publishes the advisory: page and CSAF 2.0, validated; the case no longer changes. */
export async function publishCase(deps: CaseDeps & { caseId: string }) {
  const { subject } = await loadSubject(deps.db, deps.caseId);
  const user = authorize(deps.actor, casesPolicies.coordinate, subject);
  const now = deps.now ?? new Date();
  return deps.db.transaction(async (tx) => {
    const repository = createCasesRepository(tx);
    const row = (await repository.lockCase(deps.caseId))!;
    authorize(user, casesPolicies.coordinate, { ...subject, case: row });
    const { acked } = await repository.tallies(row.id, row.embargoVersion);
    const verdict = mayPublish({ embargoAt: row.embargoAt, now, participants: await repository.countParticipants(row.id), acknowledged: acked });
    if (verdict === 'no-embargo') throw noEmbargo();
    if (verdict === 'too-early') throw publicationTooEarly();
    const source = await advisorySource(repository, row, deps.publicUrl, now);
    const csaf = buildCsaf(source);
    const errors = await validateCsaf(csaf);
    if (errors.length) throw csafInvalid(errors.map((e) => `${e.test} ${e.instancePath || '/'}: ${e.message}`).join('; '));
    const published = await repository.updateCase(row.id, { state: 'published', publishedAt: now, trackingId: source.trackingId, csaf });
    await recordAudit(tx, { actor: actorRef(user), action: 'cases.published', subject: row.id, details: { trackingId: source.trackingId, statements: source.statements.length } });
    return published;
  });
}

/**
 * A case still under embargo as CSAF 2.0 (`interim`), for its readers only (VINCE #7: participants want the case in
 * CSAF before publication): marked with the case's TLP label in CSAF 2.0's words, approved statements only, every
 * export audited. The validator's errors are given with it (an incomplete case may not be valid yet).
 */
export async function exportCaseCsaf(deps: CaseDeps & { caseId: string }) {
  const { row, subject } = await loadSubject(deps.db, deps.caseId);
  const user = authorize(deps.actor, casesPolicies.read, subject);
  const source = await advisorySource(createCasesRepository(deps.db), row, deps.publicUrl, deps.now ?? new Date(), { marking: row.marking as TlpLabel });
  const csaf = buildCsaf(source);
  await recordAudit(deps.db, { actor: actorRef(user), action: 'cases.exported', subject: row.id, details: { format: 'csaf-2.0' } });
  return { csaf, filename: csafFilename(source.trackingId), errors: await validateCsaf(csaf) };
}

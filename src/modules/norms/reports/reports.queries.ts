/**
 * Reading implementation reports. The account's pages (an organisation's reports, drafts included) are for its
 * representatives and the secretariat; the public pages show a published report's sections each reader may see
 * (reports.policies.ts); the API and the exports show public sections only, whoever asks (they are open data).
 */
import { anonymous, type Actor } from '../../../app/authz/actor.js';
import { authorize, can } from '../../../app/authz/policy.js';
import type { Executor } from '../../../app/database/database.js';
import type { AppError } from '../../../app/http/errors.js';
import { getUser } from '../../../app/auth/users.js';
import { getSupporterBySlug, listSupportersByIds } from '../../supporters/supporters.usecases.js';
import type { SupporterRow } from '../../supporters/supporters.models.js';
import { bySubjectOrder, practicesFor, subjects, type PracticeRef, type Subject } from './reports.models.js';
import { readableVisibilities, reportsPolicies, type ReportingSupporter } from './reports.policies.js';
import { createReportsRepository, type PublishedFilters, type ReportRow, type SectionRow } from './reports.repository.js';
import { reportNotFound, sectionNotFound } from './reports.errors.js';

export type { PracticeRef, ReportRow, SectionRow };

/** What the actor may do in an organisation's reports: write, or read only and why (the refusal's message). */
export interface WriteRights {
  canWrite: boolean;
  refusal: AppError | null;
}

/** The supporter as the writing rule sees it, read through the supporters module (null when there is none). */
export async function reportingSupporter(db: Executor, supporterId: string): Promise<ReportingSupporter | null> {
  const [row] = await listSupportersByIds(db, [supporterId]);
  return row ? { id: row.id, status: row.status, verificationLevel: row.verificationLevel } : null;
}

async function writeRights(db: Executor, actor: Actor, supporterId: string): Promise<WriteRights> {
  const verdict = reportsPolicies.write.decide(actor, { supporter: await reportingSupporter(db, supporterId) });
  return verdict.allowed ? { canWrite: true, refusal: null } : { canWrite: false, refusal: verdict.refusal() };
}

/** Display names for `user:…` references (a colleague's name, else their address): shown to the organisation only. */
export async function personNames(db: Executor, refs: Iterable<string>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const ref of new Set(refs)) {
    if (!ref.startsWith('user:')) continue;
    const user = await getUser(db, ref.slice('user:'.length));
    if (user && !user.erasedAt) names.set(ref, user.name ?? user.email ?? ref);
  }
  return names;
}

export interface OrganisationReports extends WriteRights {
  supporter: SupporterRow;
  reports: ReportRow[];
}

/** The organisations the actor represents, each with its reports (newest year first). */
export async function myReports(input: { db: Executor; actor: Actor }): Promise<OrganisationReports[]> {
  authorize(input.actor, reportsPolicies.useAccount, undefined);
  if (input.actor.kind !== 'user') return [];
  const ids = input.actor.grants.filter((g) => g.role === 'representative').map((g) => g.scopeId);
  const [supporters, reports] = await Promise.all([listSupportersByIds(input.db, ids), createReportsRepository(input.db).listReportsOf(ids)]);
  return Promise.all(
    supporters.map(async (supporter) => ({ supporter, reports: reports.filter((r) => r.supporterId === supporter.id), ...(await writeRights(input.db, input.actor, supporter.id)) })),
  );
}

/** An organisation's reports in the account: its representatives and the secretariat; 404 to anyone else. */
export async function organisationReports(input: { db: Executor; actor: Actor; supporterId: string }): Promise<OrganisationReports> {
  authorize(input.actor, reportsPolicies.viewWorkspace, { supporterId: input.supporterId });
  const [supporter] = await listSupportersByIds(input.db, [input.supporterId]);
  if (!supporter) throw reportNotFound();
  const reports = await createReportsRepository(input.db).listReportsOf([supporter.id]);
  return { supporter, reports, ...(await writeRights(input.db, input.actor, supporter.id)) };
}

export interface SubjectChoice {
  subject: Subject;
  /** In the organisation's latest report. */
  inLatest: boolean;
  /** The organisation's published practices that implement it. */
  practices: PracticeRef[];
}

/** What the start form offers: the latest earlier report, and per subject what a new section would be pre-filled from. */
export async function startChoices(input: { db: Executor; actor: Actor; supporterId: string }): Promise<OrganisationReports & { latest: ReportRow | null; choices: SubjectChoice[] }> {
  const organisation = await organisationReports(input);
  const repository = createReportsRepository(input.db);
  const latest = organisation.reports[0] ?? null;
  const [latestSections, practices] = await Promise.all([latest ? repository.listSections(latest.id) : [], repository.publishedPracticesOf(input.supporterId)]);
  const inLatest = new Set(latestSections.map((s) => s.subject));
  return { ...organisation, latest, choices: subjects.map((subject) => ({ subject, inLatest: inLatest.has(subject), practices: practicesFor(practices, subject) })) };
}

export interface WorkspaceSection {
  section: SectionRow;
  /** Still as pre-filled (never saved since): where its text came from. */
  prefill: { fromYear: number | null; practices: number } | null;
}

export interface ReportWorkspace extends WriteRights {
  supporter: SupporterRow;
  report: ReportRow;
  sections: WorkspaceSection[];
  /** The subjects the report has no section on (offered to add). */
  missing: Subject[];
  /** The organisation's latest report before this one, in any state. */
  previous: ReportRow | null;
  names: Map<string, string>;
}

/** One report in the account, whole. */
export async function reportWorkspace(input: { db: Executor; actor: Actor; supporterId: string; year: number }): Promise<ReportWorkspace> {
  const organisation = await organisationReports(input);
  const repository = createReportsRepository(input.db);
  const report = organisation.reports.find((r) => r.year === input.year);
  if (!report) throw reportNotFound();
  const [rows, previous] = await Promise.all([repository.listSections(report.id), repository.latestBefore(report.supporterId, report.year)]);
  const previousSubjects = new Set((previous ? await repository.listSections(previous.id) : []).map((s) => s.subject));
  const sections = bySubjectOrder(rows).map((section) => ({
    section,
    prefill: section.version === 1 ? { fromYear: previous && previousSubjects.has(section.subject) ? previous.year : null, practices: section.content.practiceIds.length } : null,
  }));
  const present = new Set(rows.map((s) => s.subject));
  return {
    ...organisation,
    report,
    sections,
    missing: subjects.filter((s) => !present.has(s)),
    previous: previous ?? null,
    names: await personNames(input.db, rows.map((s) => s.updatedBy)),
  };
}

export interface SectionEdit extends ReportWorkspace {
  current: WorkspaceSection;
  /** The organisation's published practices, those implementing the section's subject first. */
  practices: Array<PracticeRef & { implements: boolean }>;
}

/** One section of a report in the account, for its form. */
export async function sectionForEdit(input: { db: Executor; actor: Actor; supporterId: string; year: number; subject: Subject }): Promise<SectionEdit> {
  const workspace = await reportWorkspace(input);
  const current = workspace.sections.find((s) => s.section.subject === input.subject);
  if (!current) throw sectionNotFound();
  const all = await createReportsRepository(input.db).publishedPracticesOf(input.supporterId);
  const implementing = new Set(practicesFor(all, input.subject).map((p) => p.id));
  const practices = [...all.filter((p) => implementing.has(p.id)), ...all.filter((p) => !implementing.has(p.id))].map((p) => ({ ...p, implements: implementing.has(p.id) }));
  return { ...workspace, current, practices };
}

export interface PublicReport {
  supporter: SupporterRow;
  report: ReportRow;
  /** The sections the reader may see, in report order. */
  sections: SectionRow[];
  /** How many sections the reader may not see (they are told some exist, never what they say). */
  hidden: number;
  /** The reader is one of the organisation's representatives or the secretariat (drafts, every section). */
  manages: boolean;
  /** The organisation's published practices, to name the ones sections point to. */
  practices: PracticeRef[];
}

async function readableReport(input: { db: Executor; actor: Actor; supporterSlug: string; year: number }): Promise<{ supporter: SupporterRow; report: ReportRow; manages: boolean }> {
  const supporter = await getSupporterBySlug(input.db, input.supporterSlug);
  const report = supporter ? await createReportsRepository(input.db).findReport(supporter.id, input.year) : undefined;
  if (!supporter || !report) throw reportNotFound();
  authorize(input.actor, reportsPolicies.viewReport, { supporterId: supporter.id, state: report.state });
  return { supporter, report, manages: can(input.actor, reportsPolicies.viewWorkspace, { supporterId: supporter.id }) };
}

const visibleTo = (actor: Actor, supporterId: string) => (section: SectionRow) => can(actor, reportsPolicies.viewSection, { supporterId, visibility: section.visibility });

/** A report's page: the sections the reader may see. A draft is 404 to all but the organisation and the secretariat. */
export async function publicReport(input: { db: Executor; actor: Actor; supporterSlug: string; year: number }): Promise<PublicReport> {
  const { supporter, report, manages } = await readableReport(input);
  const repository = createReportsRepository(input.db);
  const [rows, practices] = await Promise.all([repository.listSections(report.id), repository.publishedPracticesOf(supporter.id)]);
  const sections = bySubjectOrder(rows.filter(visibleTo(input.actor, supporter.id)));
  return { supporter, report, sections, hidden: rows.length - sections.length, manages, practices };
}

export interface ComparedSection {
  subject: Subject;
  current: SectionRow | null;
  previous: SectionRow | null;
}

export interface ReportComparison extends PublicReport {
  previous: ReportRow | null;
  pairs: ComparedSection[];
}

/**
 * A report beside the organisation's latest earlier one, section by section, each side as the reader may see it: the
 * organisation and the secretariat compare with the latest report whatever its state, others with the latest published.
 */
export async function compareWithPrevious(input: { db: Executor; actor: Actor; supporterSlug: string; year: number }): Promise<ReportComparison> {
  const shown = await publicReport(input);
  const repository = createReportsRepository(input.db);
  const previous = (await repository.latestBefore(shown.supporter.id, shown.report.year, { published: !shown.manages })) ?? null;
  const before = previous ? (await repository.listSections(previous.id)).filter(visibleTo(input.actor, shown.supporter.id)) : [];
  const pairs = subjects
    .map((subject) => ({ subject, current: shown.sections.find((s) => s.subject === subject) ?? null, previous: before.find((s) => s.subject === subject) ?? null }))
    .filter((pair) => pair.current || pair.previous);
  return { ...shown, previous, pairs };
}

/** A published report with its public sections and its organisation, for the API, the list page and other pages. */
export interface PublishedReport {
  report: ReportRow;
  supporter: { id: string; slug: string; name: string };
  sections: SectionRow[];
}

/** Filters by supporter slug: an unknown slug matches nothing. */
async function resolveFilters(db: Executor, filters: { supporter?: string | undefined; year?: number | undefined; subject?: string | undefined }): Promise<PublishedFilters | null> {
  if (!filters.supporter) return { year: filters.year, subject: filters.subject };
  const supporter = await getSupporterBySlug(db, filters.supporter);
  return supporter ? { supporterId: supporter.id, year: filters.year, subject: filters.subject } : null;
}

async function withPublicSections(db: Executor, reports: ReportRow[]): Promise<PublishedReport[]> {
  // The API and the lists read as a visitor would: public sections only, whoever asks.
  const visibilities = readableVisibilities(anonymous, '');
  const [sections, supporters] = await Promise.all([
    createReportsRepository(db).sectionsOf(reports.map((r) => r.id), visibilities),
    listSupportersByIds(db, [...new Set(reports.map((r) => r.supporterId))]),
  ]);
  const byId = new Map(supporters.map((s) => [s.id, s]));
  return reports.flatMap((report) => {
    const supporter = byId.get(report.supporterId);
    if (!supporter) return [];
    return [{ report, supporter: { id: supporter.id, slug: supporter.slug, name: supporter.name }, sections: bySubjectOrder(sections.filter((s) => s.reportId === report.id)) }];
  });
}

/** Published reports (newest first) with their public sections, a page of them, and how many there are. */
export async function listPublishedReports(input: {
  db: Executor;
  filters: { supporter?: string | undefined; year?: number | undefined; subject?: string | undefined; supporterId?: string };
  page?: { offset: number; limit: number };
}): Promise<{ items: PublishedReport[]; total: number }> {
  const filters = input.filters.supporterId ? { supporterId: input.filters.supporterId, year: input.filters.year, subject: input.filters.subject } : await resolveFilters(input.db, input.filters);
  if (!filters) return { items: [], total: 0 };
  const repository = createReportsRepository(input.db);
  const [reports, total] = await Promise.all([repository.listPublished(filters, input.page), repository.countPublished(filters)]);
  return { items: await withPublicSections(input.db, reports), total };
}

/** Every public section of the published reports that match, flat (the JSON and CSV exports). */
export async function exportPublicSections(input: { db: Executor; filters: { supporter?: string | undefined; year?: number | undefined; subject?: string | undefined } }): Promise<Array<{ report: ReportRow; supporter: PublishedReport['supporter']; section: SectionRow }>> {
  const { items } = await listPublishedReports(input);
  return items.flatMap((item) =>
    item.sections.filter((s) => !input.filters.subject || s.subject === input.filters.subject).map((section) => ({ report: item.report, supporter: item.supporter, section })),
  );
}

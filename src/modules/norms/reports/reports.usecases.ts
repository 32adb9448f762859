/**
 * Writing implementation reports. A verified organisation's representative starts the report for a year, with the
 * sections (norms and principles) it chooses, each pre-filled from the organisation's latest earlier report and from its
 * published practices; representatives then edit one section at a time. Each save names the version the form was
 * loaded from, and the database writes it only if the section is still at that version (one UPDATE … WHERE version =
 * $expected, in the save's transaction): a save from an older version writes nothing and returns the section as saved
 * meanwhile, for the conflict screen. Sections are versioned apart, so two people editing different sections never
 * conflict. Publishing makes the public and members' sections readable. Every change is audited in its transaction.
 */
import { actorRef, type Actor } from '../../../app/authz/actor.js';
import { authorize } from '../../../app/authz/policy.js';
import { recordAudit } from '../../../app/audit/audit.js';
import type { Executor } from '../../../app/database/database.js';
import type { EventBus } from '../../../app/events/events.js';
import type { ReportLanguage, Visibility } from './reports.constants.js';
import { invalidPractice, nothingToPublish, reportExists, reportNotFound, sectionChanged } from './reports.errors.js';
import { isUnanswered, practicesFor, prefillSection, type PracticeSentence, type SectionInput, type Subject } from './reports.models.js';
import { reportsMessages } from './reports.messages.js';
import { reportsPolicies } from './reports.policies.js';
import { reportingSupporter } from './reports.queries.js';
import { createReportsRepository, type ReportRow, type SectionRow } from './reports.repository.js';

interface Writer {
  db: Executor;
  actor: Actor;
  supporterId: string;
  /** Told when a published report changed, after the commit: other pages list published reports (cached pages drop). */
  events?: EventBus;
}

/** After a change to a published report: the pages that list reports (a norm's, a supporter's) are rendered afresh. */
function announce(input: Writer, report: ReportRow, reason: string): void {
  if (report.state === 'published') input.events?.emit('registry.changed', { reason });
}

/** The sentence a pre-filled section gets for the practices it newly lists, in the report's language. */
const practiceSentence: PracticeSentence = (language, titles) => {
  const t = reportsMessages(language);
  const quoted = titles.map((title) => t('reports.prefill.quoted', { title }));
  return t('reports.prefill.sentence', { count: titles.length, titles: new Intl.ListFormat(language, { type: 'conjunction' }).format(quoted) });
};

/** What each new section was pre-filled from, for the audit entry and the notice. */
export interface PrefillSummary {
  subject: Subject;
  fromYear: number | null;
  practices: number;
}

/** New sections for `report`, pre-filled; returns what was actually added (a colleague may have added some first). */
async function addPrefilled(tx: Executor, report: ReportRow, subjects: readonly Subject[], by: string): Promise<PrefillSummary[]> {
  const repository = createReportsRepository(tx);
  const previous = await repository.latestBefore(report.supporterId, report.year);
  const previousSections = new Map((previous ? await repository.listSections(previous.id) : []).map((s) => [s.subject, s]));
  const practices = await repository.publishedPracticesOf(report.supporterId);
  const original = report.original as ReportLanguage;
  const prefills = subjects.map((subject) => {
    const before = previousSections.get(subject);
    const prefill = prefillSection({
      original,
      previous: previous && before ? { year: previous.year, content: before.content, visibility: before.visibility as Visibility } : null,
      practices: practicesFor(practices, subject),
      sentence: practiceSentence,
    });
    return { subject, prefill };
  });
  const added = new Set(
    await repository.insertSections(prefills.map(({ subject, prefill }) => ({ reportId: report.id, subject, visibility: prefill.visibility, content: prefill.content, updatedBy: by }))),
  );
  return prefills.filter(({ subject }) => added.has(subject)).map(({ subject, prefill }) => ({ subject, fromYear: prefill.fromYear, practices: prefill.practiceIds.length }));
}

async function writableReport(tx: Executor, input: Writer & { year: number }): Promise<{ report: ReportRow; by: string }> {
  const user = authorize(input.actor, reportsPolicies.write, { supporter: await reportingSupporter(tx, input.supporterId) });
  const report = await createReportsRepository(tx).findReport(input.supporterId, input.year);
  if (!report) throw reportNotFound();
  return { report, by: actorRef(user) };
}

/** Starts the organisation's report for `year` with the chosen sections, pre-filled. Refused if the year has one. */
export async function startReport(input: Writer & { year: number; original: ReportLanguage; subjects: readonly Subject[] }): Promise<{ report: ReportRow; prefilled: PrefillSummary[] }> {
  return input.db.transaction(async (tx) => {
    const user = authorize(input.actor, reportsPolicies.write, { supporter: await reportingSupporter(tx, input.supporterId) });
    const by = actorRef(user);
    const report = await createReportsRepository(tx).insertReport({ supporterId: input.supporterId, year: input.year, original: input.original, createdBy: by });
    if (!report) throw reportExists({ year: input.year });
    const prefilled = await addPrefilled(tx, report, input.subjects, by);
    await recordAudit(tx, { actor: by, action: 'reports.start', subject: report.id, details: { supporter: input.supporterId, year: input.year, original: input.original, sections: prefilled } });
    return { report, prefilled };
  });
}

/** Adds sections to a report (pre-filled like the first ones); returns those added. */
export async function addSections(input: Writer & { year: number; subjects: readonly Subject[] }): Promise<PrefillSummary[]> {
  const { report, prefilled } = await input.db.transaction(async (tx) => {
    const { report, by } = await writableReport(tx, input);
    const prefilled = await addPrefilled(tx, report, input.subjects, by);
    if (prefilled.length) await recordAudit(tx, { actor: by, action: 'reports.sections.add', subject: report.id, details: { sections: prefilled } });
    return { report, prefilled };
  });
  if (prefilled.length) announce(input, report, 'reports.sections.add');
  return prefilled;
}

/** Removes a section at the version the person saw; a section saved since is kept (409). Gone already: nothing to do. */
export async function removeSection(input: Writer & { year: number; subject: Subject; version: number }): Promise<boolean> {
  const { report, removed } = await input.db.transaction(async (tx) => {
    const { report, by } = await writableReport(tx, input);
    const repository = createReportsRepository(tx);
    const removed = await repository.deleteSection(report.id, input.subject, input.version);
    if (!removed) {
      if (await repository.findSection(report.id, input.subject)) throw sectionChanged();
      return { report, removed };
    }
    await recordAudit(tx, { actor: by, action: 'reports.section.remove', subject: report.id, details: { section: input.subject, version: input.version } });
    return { report, removed };
  });
  if (removed) announce(input, report, 'reports.section.remove');
  return removed;
}

/** A save's outcome: written (the section at its new version), or refused because the section moved on (or went). */
export type SaveOutcome = { status: 'saved'; section: SectionRow } | { status: 'conflict'; current: SectionRow | null };

/**
 * Saves a section from the version its form was loaded from. Practices must be the organisation's published ones.
 * A conflict writes nothing: the caller shows what was saved meanwhile beside what the person typed.
 */
export async function saveSection(input: Writer & { year: number; subject: Subject; section: SectionInput }): Promise<SaveOutcome> {
  const { report, outcome } = await input.db.transaction(async (tx): Promise<{ report: ReportRow; outcome: SaveOutcome }> => {
    const { report, by } = await writableReport(tx, input);
    const repository = createReportsRepository(tx);
    const practiceIds = new Set((await repository.publishedPracticesOf(report.supporterId)).map((p) => p.id));
    if (input.section.content.practiceIds.some((id) => !practiceIds.has(id))) throw invalidPractice();
    const saved = await repository.saveSection({
      reportId: report.id,
      subject: input.subject,
      expectedVersion: input.section.version,
      content: input.section.content,
      visibility: input.section.visibility,
      updatedBy: by,
    });
    if (!saved) return { report, outcome: { status: 'conflict', current: (await repository.findSection(report.id, input.subject)) ?? null } };
    await recordAudit(tx, {
      actor: by,
      action: 'reports.section.save',
      subject: report.id,
      details: { section: input.subject, version: saved.version, visibility: saved.visibility, practices: saved.content.practiceIds.length },
    });
    return { report, outcome: { status: 'saved', section: saved } };
  });
  if (outcome.status === 'saved') announce(input, report, 'reports.section.save');
  return outcome;
}

/** Publishes a draft in which at least one question is answered; publishing again changes nothing. */
export async function publishReport(input: Writer & { year: number; now?: Date }): Promise<{ report: ReportRow; published: boolean }> {
  const result = await input.db.transaction(async (tx) => {
    const { report, by } = await writableReport(tx, input);
    const repository = createReportsRepository(tx);
    if (report.state === 'published') return { report, published: false };
    const sections = await repository.listSections(report.id);
    if (sections.every((s) => isUnanswered(s.content, report.original as ReportLanguage))) throw nothingToPublish();
    const published = await repository.publish(report.id, input.now ?? new Date());
    if (!published) return { report: (await repository.findReport(report.supporterId, report.year))!, published: false };
    const visibility = Object.fromEntries(['public', 'members', 'secretariat'].map((v) => [v, sections.filter((s) => s.visibility === v).length]));
    await recordAudit(tx, { actor: by, action: 'reports.publish', subject: report.id, details: { supporter: report.supporterId, year: report.year, sections: visibility } });
    return { report: published, published: true };
  });
  if (result.published) announce(input, result.report, 'reports.publish');
  return result;
}

/**
 * Reminders of the NIS2 reports: enqueued when the incident is recorded (early warning, notification) and when the
 * notification is marked sent (final report), each due at a set time before its deadline. The handler re-reads the
 * incident and does nothing when the report is already sent or the author's account is gone (idempotent: one e-mail
 * per report, by key). The e-mail carries the incident's title only when its marking lets content into an e-mail
 * (TLP:CLEAR, TLP:GREEN); otherwise a link.
 */
import { tlpMayOutput, tlpText, type TlpLabel } from '../../app/authz/tlp.js';
import type { Executor } from '../../app/database/database.js';
import { enqueueEmail } from '../../app/email/email.js';
import { renderEmail } from '../../app/email/render.js';
import { isLocale } from '../../app/i18n/i18n.js';
import { enqueueJob } from '../../app/jobs/outbox.js';
import { formatZoned, nis2Clocks, type ReportKind } from './incidents.clocks.js';
import { reminderLeadMs, reportReminderJob } from './incidents.jobs.js';
import { incidentsMessages } from './incidents.messages.js';
import { createIncidentsRepository } from './incidents.repository.js';
import type { IncidentRow } from './incidents.tables.js';

/** Enqueues the reminder of each report still open, due `reminderLeadMs` before its deadline (now, if that is past). */
export async function scheduleReminders(db: Executor, incident: IncidentRow, reports: ReportKind[], now: Date): Promise<void> {
  for (const clock of nis2Clocks(incident, now)) {
    if (!reports.includes(clock.kind) || clock.sentAt) continue;
    const runAt = new Date(Math.max(now.getTime(), clock.dueAt.getTime() - reminderLeadMs[clock.kind]));
    await enqueueJob(db, reportReminderJob, { incidentId: incident.id, report: clock.kind }, { runAt, subjectRef: incident.id, idempotencyKey: `incidents.reminder:${incident.id}:${clock.kind}` });
  }
}

export async function sendReportReminder(db: Executor, payload: { incidentId: string; report: ReportKind }, publicUrl: string, now = new Date()): Promise<void> {
  const incident = await createIncidentsRepository(db).find(payload.incidentId);
  if (!incident?.authorUserId) return;
  const clock = nis2Clocks(incident, now).find((c) => c.kind === payload.report)!;
  if (clock.sentAt) return;
  const author = await createIncidentsRepository(db).authorContact(incident.authorUserId);
  if (!author) return;
  const locale = isLocale(author.locale) ? author.locale : 'en';
  const t = incidentsMessages(locale);
  const due = formatZoned(clock.dueAt, incident.timeZone);
  const label = incident.tlp as TlpLabel;
  const report = t(`clocks.${payload.report}`);
  const rendered = renderEmail({
    locale,
    heading: t('mail.heading'),
    paragraphs: [tlpText(label), t('mail.body', { report, due: `${due.local} (${incident.timeZone}, ${due.offset})` }), tlpMayOutput(label, 'email-body') ? t('mail.bodyTitle', { title: incident.title }) : t('mail.linkOnly')],
    action: { label: t('mail.action'), url: `${publicUrl.replace(/\/$/, '')}/${locale}/cooperation/incidents/${incident.id}` },
  });
  await enqueueEmail(db, {
    to: author.email, locale, subject: t('mail.subject', { tlp: tlpText(label), report, due: due.utc }), text: rendered.text, html: rendered.html,
    tag: 'incidents.reminder', subjectRef: incident.id, idempotencyKey: `incidents.reminder-mail:${incident.id}:${payload.report}`,
  });
}

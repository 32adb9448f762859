/**
 * The NIS2 Art. 23 reporting clocks of an incident, from the moment the organisation became aware of it: the early
 * warning within 24 hours, the incident notification within 72 hours, the final report within one month of the
 * notification (research brief §2.4). 24 h and 72 h are elapsed hours (a change of summer time does not move them);
 * "one month" is a calendar month in the incident's own time zone, the same wall-clock time (clamped to the month's
 * last day), so it is not a fixed number of hours. Until the notification is sent, the final report's deadline is
 * counted from the notification's own deadline (and says so).
 */
import { localParts, offsetLabel, zonedInstant } from '../../shared/zoned-time.js';

export const reportKinds = ['early-warning', 'notification', 'final-report'] as const;
export type ReportKind = (typeof reportKinds)[number];

const hour = 3_600_000;

/** The same wall-clock time one calendar month later in `zone`. */
export function oneMonthLater(instant: Date, zone: string): Date {
  const { date, time } = localParts(instant, zone);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = m === 12 ? y + 1 : y;
  const month = m === 12 ? 1 : m + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return zonedInstant(iso, time, zone)!;
}

export interface ReportClock {
  kind: ReportKind;
  dueAt: Date;
  sentAt: Date | null;
  /** The final report before the notification is sent: counted from the notification's deadline. */
  provisional: boolean;
  state: 'sent' | 'sent-late' | 'open' | 'overdue';
  /** Milliseconds left (negative: overdue); null once sent. */
  remainingMs: number | null;
}

export interface ClockInput {
  awareAt: Date;
  timeZone: string;
  earlyWarningSentAt: Date | null;
  notificationSentAt: Date | null;
  finalReportSentAt: Date | null;
}

function clock(kind: ReportKind, dueAt: Date, sentAt: Date | null, now: Date, provisional = false): ReportClock {
  if (sentAt) return { kind, dueAt, sentAt, provisional, state: sentAt > dueAt ? 'sent-late' : 'sent', remainingMs: null };
  const remainingMs = dueAt.getTime() - now.getTime();
  return { kind, dueAt, sentAt, provisional, state: remainingMs < 0 ? 'overdue' : 'open', remainingMs };
}

export function nis2Clocks(incident: ClockInput, now: Date): ReportClock[] {
  const notificationDue = new Date(incident.awareAt.getTime() + 72 * hour);
  return [
    clock('early-warning', new Date(incident.awareAt.getTime() + 24 * hour), incident.earlyWarningSentAt, now),
    clock('notification', notificationDue, incident.notificationSentAt, now),
    clock('final-report', oneMonthLater(incident.notificationSentAt ?? notificationDue, incident.timeZone), incident.finalReportSentAt, now, !incident.notificationSentAt),
  ];
}

/** `2026-03-29 13:00 (Europe/Paris, UTC+02:00) · 2026-03-29 11:00 UTC`: every time shown with its zone and in UTC. */
export function formatZoned(instant: Date, zone: string): { local: string; offset: string; utc: string } {
  const { date, time } = localParts(instant, zone);
  return { local: `${date} ${time}`, offset: offsetLabel(instant, zone), utc: `${instant.toISOString().slice(0, 10)} ${instant.toISOString().slice(11, 16)} UTC` };
}

/** Remaining time as days, hours and minutes (the countdown a page shows without JavaScript, as of its rendering). */
export function durationParts(ms: number): { days: number; hours: number; minutes: number } {
  const abs = Math.abs(ms);
  return { days: Math.floor(abs / (24 * hour)), hours: Math.floor((abs % (24 * hour)) / hour), minutes: Math.floor((abs % hour) / 60_000) };
}

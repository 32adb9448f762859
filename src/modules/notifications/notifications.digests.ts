/**
 * The digests of one period: every group's activity is read once (one call to the activity sources for all groups),
 * then people are read a page at a time (one query per page, whatever their number of groups) and each gets one
 * e-mail covering the groups they hear from at this frequency: public items, and members' items only for groups where
 * they hold a role. Nothing is sent to someone with nothing new. Each page is one transaction that records the
 * deliveries and enqueues the e-mails, so a job run again (after a crash, or twice) sends nothing twice.
 */
import { listActivity, type ActivityItem, type ActivitySource } from '../../app/activity.js';
import type { Database } from '../../app/database/database.js';
import { enqueueEmails } from '../../app/email/email.js';
import { isLocale } from '../../app/i18n/i18n.js';
import { listGroups } from '../groups/groups.queries.js';
import { digestEmail, type DigestSection, type MailSetting } from './notifications.emails.js';
import { digestRef, effectiveFrequency, type DigestFrequency } from './notifications.models.js';
import { createNotificationsRepository } from './notifications.repository.js';
import { signUnsubscribeToken } from './notifications.tokens.js';

export interface DigestRun {
  db: Database;
  activity: readonly ActivitySource[];
  setting: MailSetting;
  secretKey: string;
  frequency: DigestFrequency;
  /** The period covered: [since, until); `until` names the digest (one per person and `until`). */
  since: Date;
  until: Date;
  /** People per page (and per transaction). */
  pageSize?: number;
}

/** Sends the period's digests; returns how many were enqueued now and how many people had nothing new. */
export async function sendDigests(run: DigestRun): Promise<{ sent: number; nothingNew: number; alreadySent: number }> {
  const { db, frequency } = run;
  const groups = new Map((await listGroups(db)).map((group) => [group.id, group]));
  const items = await listActivity(run.activity, db, { since: run.since, until: run.until, visibility: 'members' });
  const byGroup = new Map<string, ActivityItem[]>();
  for (const item of items) {
    const list = byGroup.get(item.groupId);
    if (list) list.push(item);
    else byGroup.set(item.groupId, [item]);
  }
  const ref = digestRef(frequency, run.until);
  const totals = { sent: 0, nothingNew: 0, alreadySent: 0 };
  if (byGroup.size === 0) return totals;

  let after = '';
  for (;;) {
    const people = await createNotificationsRepository(db).recipientsPage(after, run.pageSize ?? 250, [...byGroup.keys()]);
    if (people.length === 0) break;
    after = people.at(-1)!.userId;
    const digests = people.flatMap((person) => {
      const sections: DigestSection[] = [];
      for (const { groupId, choice, holdsRole } of person.groups) {
        const group = groups.get(groupId);
        if (!group || effectiveFrequency(choice, holdsRole) !== frequency) continue;
        const shown = (byGroup.get(groupId) ?? []).filter((item) => item.visibility === 'public' || holdsRole);
        if (shown.length > 0) sections.push({ group, items: shown });
      }
      if (sections.length === 0) totals.nothingNew += 1;
      return sections.length > 0 ? [{ person, sections }] : [];
    });
    await db.transaction(async (tx) => {
      const claimed = await createNotificationsRepository(tx).claimDeliveries('digest', ref, digests.map(({ person }) => person.userId));
      totals.alreadySent += digests.length - claimed.size;
      const emails = digests
        .filter(({ person }) => claimed.has(person.userId))
        .map(({ person, sections }) => {
          const locale = isLocale(person.locale) ? person.locale : 'en';
          const token = signUnsubscribeToken(run.secretKey, { userId: person.userId, groupId: null });
          return digestEmail({ setting: run.setting, to: person.email, locale, frequency, period: run, sections, token, ref, userId: person.userId });
        });
      // One statement for the page's e-mails (each keeps its idempotency key).
      await enqueueEmails(tx, emails);
      totals.sent += emails.length;
    });
  }
  return totals;
}

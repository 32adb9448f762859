/**
 * Deadline reminders: what the activity sources say closes within the next 48 hours is mailed at once, once per person
 * and item, to those who hear from its group (their choice, or a role's weekly default, other than `off`), members'
 * items only to the group's role holders. A person who chose `off` for a group gets no reminder from it either: the
 * unsubscribe link in a reminder must stop them.
 */
import type { ActivityItem, ActivitySource } from '../../app/activity.js';
import type { Database } from '../../app/database/database.js';
import { enqueueEmail } from '../../app/email/email.js';
import { isLocale } from '../../app/i18n/i18n.js';
import { findGroupById } from '../groups/groups.queries.js';
import { reminderWindowHours } from './notifications.constants.js';
import { reminderEmail, type MailSetting } from './notifications.emails.js';
import { effectiveFrequency } from './notifications.models.js';
import { createNotificationsRepository } from './notifications.repository.js';
import { signUnsubscribeToken } from './notifications.tokens.js';

export async function sendReminders(input: {
  db: Database;
  activity: readonly ActivitySource[];
  setting: MailSetting;
  secretKey: string;
  now: Date;
}): Promise<{ sent: number }> {
  const { db } = input;
  const window = { from: input.now, to: new Date(input.now.getTime() + reminderWindowHours * 3_600_000) };
  const lists = await Promise.all(input.activity.map((source) => source.deadlines?.(db, window) ?? Promise.resolve([])));
  const items = lists.flat().filter((item): item is ActivityItem & { deadline: Date } => Boolean(item.deadline && item.deadline >= window.from && item.deadline < window.to));
  let sent = 0;
  for (const item of items) {
    const group = await findGroupById(db, item.groupId);
    if (!group) continue;
    let after = '';
    for (;;) {
      const people = await createNotificationsRepository(db).recipientsPage(after, 500, [group.id]);
      if (people.length === 0) break;
      after = people.at(-1)!.userId;
      const recipients = people.filter((person) => {
        const here = person.groups.find((g) => g.groupId === group.id);
        return here && effectiveFrequency(here.choice, here.holdsRole) !== 'off' && (item.visibility === 'public' || here.holdsRole);
      });
      await db.transaction(async (tx) => {
        const claimed = await createNotificationsRepository(tx).claimDeliveries('reminder', item.key, recipients.map((person) => person.userId));
        for (const person of recipients) {
          if (!claimed.has(person.userId)) continue;
          const locale = isLocale(person.locale) ? person.locale : 'en';
          const token = signUnsubscribeToken(input.secretKey, { userId: person.userId, groupId: group.id });
          await enqueueEmail(tx, reminderEmail({ setting: input.setting, to: person.email, locale, group, item, token, userId: person.userId }));
          sent += 1;
        }
      });
    }
  }
  return { sent };
}

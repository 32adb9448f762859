/**
 * The digest and the reminder e-mails, rendered in the recipient's language, with the RFC 8058 one-click unsubscribe
 * (the https link that takes the POST, and a mailto) in their headers and the same link in the footer.
 */
import type { ActivityItem, ActivityText } from '../../app/activity.js';
import type { EmailToSend } from '../../app/email/email.js';
import { renderEmail } from '../../app/email/render.js';
import type { Locale } from '../../app/i18n/i18n.js';
import type { Group } from '../groups/groups.queries.js';
import { notificationsMessages, type NotificationsMessageKey } from './notifications.messages.js';
import type { DigestFrequency } from './notifications.models.js';
import { textInLocale } from '../../shared/localized.js';

/** What every notification needs to build its links. */
export interface MailSetting {
  publicUrl: string;
  /** The address of MAIL_FROM, for the mailto of List-Unsubscribe. */
  mailFromAddress: string;
}

/** The text in the reader's language, else in the other one (an untranslated title is still a title). */
export function textIn(text: ActivityText | undefined, locale: Locale): string {
  return textInLocale(text, locale)?.text ?? '';
}

const kinds = new Set(['news', 'document', 'consultation', 'event']);
const kindKey = (kind: string) => `notifications.kind.${kinds.has(kind) ? kind : 'other'}` as NotificationsMessageKey;

const day = (locale: Locale, at: Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(at);
const moment = (locale: Locale, at: Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(at);

export const groupName = (group: Pick<Group, 'name' | 'slug'>, locale: Locale) => textIn(group.name, locale) || group.slug;

function unsubscribeHeaders(setting: MailSetting, locale: Locale, token: string): NonNullable<EmailToSend['listUnsubscribe']> {
  return {
    url: `${setting.publicUrl}/${locale}/unsubscribe/${token}`,
    mailto: `mailto:${setting.mailFromAddress}?subject=${encodeURIComponent(`unsubscribe ${token}`)}`,
  };
}

export interface DigestSection {
  group: Pick<Group, 'name' | 'slug'>;
  items: ActivityItem[];
}

/** One person's digest: every group's new items, newest first within a group; members' items marked as such. */
export function digestEmail(input: {
  setting: MailSetting;
  to: string;
  locale: Locale;
  frequency: DigestFrequency;
  period: { since: Date; until: Date };
  sections: DigestSection[];
  token: string;
  ref: string;
  userId: string;
}): EmailToSend & { idempotencyKey: string } {
  const { locale, setting } = input;
  const t = notificationsMessages(locale);
  const count = input.sections.reduce((sum, section) => sum + section.items.length, 0);
  const list = unsubscribeHeaders(setting, locale, input.token);
  const paragraphs = [t('mail.digest.intro', { since: day(locale, input.period.since), until: day(locale, input.period.until) })];
  for (const section of input.sections) {
    const lines = section.items.map((item) => {
      const marker = item.visibility === 'members' ? ` (${t('notifications.membersOnly')})` : '';
      const summary = textIn(item.summary, locale);
      return `• ${t(kindKey(item.kind))}${marker}: ${textIn(item.title, locale)}${summary ? ` — ${summary}` : ''}\n  ${setting.publicUrl}/${locale}${item.path}`;
    });
    paragraphs.push(`${groupName(section.group, locale)}\n${lines.join('\n')}`);
  }
  const rendered = renderEmail({
    locale,
    heading: t(`mail.digest.${input.frequency}.heading`),
    paragraphs,
    action: { label: t('mail.digest.action'), url: `${setting.publicUrl}/${locale}/account/subscriptions` },
    footer: t('mail.digest.footer', { url: list.url }),
  });
  return {
    to: input.to,
    locale,
    subject: t(`mail.digest.${input.frequency}.subject`, { count }),
    ...rendered,
    tag: 'notifications.digest',
    subjectRef: input.userId,
    idempotencyKey: `notifications.digest:${input.ref}:${input.userId}`,
    listUnsubscribe: list,
  };
}

/** The reminder of a deadline within 48 hours, sent once per person and item. */
export function reminderEmail(input: {
  setting: MailSetting;
  to: string;
  locale: Locale;
  group: Pick<Group, 'name' | 'slug'>;
  item: ActivityItem & { deadline: Date };
  token: string;
  userId: string;
}): EmailToSend {
  const { locale, setting, item } = input;
  const t = notificationsMessages(locale);
  const list = unsubscribeHeaders(setting, locale, input.token);
  const values = { group: groupName(input.group, locale), title: textIn(item.title, locale), deadline: moment(locale, item.deadline) };
  const rendered = renderEmail({
    locale,
    heading: t('mail.reminder.heading'),
    paragraphs: [t('mail.reminder.body', values), ...(item.summary ? [textIn(item.summary, locale)] : [])],
    action: { label: t('mail.reminder.action'), url: `${setting.publicUrl}/${locale}${item.path}` },
    footer: t('mail.reminder.footer', { group: values.group, url: list.url }),
  });
  return {
    to: input.to,
    locale,
    subject: t('mail.reminder.subject', { title: values.title, deadline: day(locale, item.deadline) }),
    ...rendered,
    tag: 'notifications.reminder',
    subjectRef: input.userId,
    idempotencyKey: `notifications.reminder:${item.key}:${input.userId}`,
    listUnsubscribe: list,
  };
}

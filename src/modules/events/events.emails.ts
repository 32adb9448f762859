/** The e-mails of events, in the recipient's language, queued in the outbox inside the change's transaction. */
import type { Executor } from '../../app/database/database.js';
import { enqueueEmail } from '../../app/email/email.js';
import { renderEmail } from '../../app/email/render.js';
import { isLocale, type Locale } from '../../app/i18n/i18n.js';
import { eventsMessages } from './events.messages.js';
import { shown } from './events.models.js';
import type { EventRow } from './events.tables.js';
import { whenText } from './events.presenters.js';

export interface EventMail {
  to: string;
  locale: string;
  event: EventRow;
  /** The platform's public address, for the link to the event's page. */
  publicUrl: string;
}

/** `promoted`: a place freed and the first on the waiting list has it; `cancelled`: the event will not take place. */
async function sendEventEmail(db: Executor, kind: 'promoted' | 'cancelled', mail: EventMail, key: string): Promise<void> {
  const locale: Locale = isLocale(mail.locale) ? mail.locale : 'en';
  const t = eventsMessages(locale);
  const title = shown(mail.event.title, locale)?.text ?? mail.event.id;
  const when = whenText(mail.event, locale);
  const rendered = renderEmail({
    locale,
    heading: t(`mail.${kind}.heading`),
    paragraphs: [t(`mail.${kind}.body`, { title, when })],
    action: { label: t('mail.action'), url: `${mail.publicUrl.replace(/\/$/, '')}/${locale}/events/${mail.event.id}` },
  });
  await enqueueEmail(db, { to: mail.to, locale, subject: t(`mail.${kind}.subject`, { title }), text: rendered.text, html: rendered.html, tag: `events.${kind}`, subjectRef: mail.event.id, idempotencyKey: key });
}

export const sendPromotionEmail = (db: Executor, mail: EventMail, registrationId: string, position: number) =>
  sendEventEmail(db, 'promoted', mail, `events.promoted:${registrationId}:${position}`);

export const sendCancellationEmail = (db: Executor, mail: EventMail, userId: string) =>
  sendEventEmail(db, 'cancelled', mail, `events.cancelled:${mail.event.id}:${mail.event.sequence}:${userId}`);

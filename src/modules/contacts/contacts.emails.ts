/**
 * The directory's e-mails, in the recipient's language, through the outbox inside the transaction of what they tell:
 * the nomination (with its signed acceptance link), the attestation reminder (with a signed attestation link), and
 * the organisation's representatives' notice that a contact became stale. Never anything in the logs.
 */
import { getUser } from '../../app/auth/users.js';
import { holdersOf } from '../../app/authz/grants.js';
import type { Executor } from '../../app/database/database.js';
import { enqueueEmail } from '../../app/email/email.js';
import { renderEmail } from '../../app/email/render.js';
import { isLocale, type Locale } from '../../app/i18n/i18n.js';
import { contactsMessages, type ContactsMessageKey } from './contacts.messages.js';
import type { ContactRow } from './contacts.tables.js';

const base = (publicUrl: string) => publicUrl.replace(/\/+$/, '');

async function send(db: Executor, input: { to: string; locale: Locale; kind: 'nominated' | 'reminder' | 'stale'; values: Record<string, string>; url: string; subjectRef: string; idempotencyKey: string; extra?: string[] }) {
  const t = contactsMessages(input.locale);
  const subject = t(`mail.${input.kind}.subject` as ContactsMessageKey, input.values);
  const rendered = renderEmail({
    locale: input.locale,
    heading: subject,
    paragraphs: [t(`mail.${input.kind}.body` as ContactsMessageKey, input.values), ...(input.extra ?? [])],
    action: { label: t(`mail.${input.kind}.action` as ContactsMessageKey), url: input.url },
  });
  await enqueueEmail(db, { to: input.to, locale: input.locale, subject, text: rendered.text, html: rendered.html, tag: `contacts.${input.kind}`, subjectRef: input.subjectRef, idempotencyKey: input.idempotencyKey });
}

/** The nomination, to the address the representative gave, with the link to accept. */
export async function sendNominationEmail(db: Executor, input: { contact: ContactRow; organisation: string; locale: Locale; token: string; publicUrl: string }) {
  const t = contactsMessages(input.locale);
  await send(db, {
    to: input.contact.email, locale: input.locale, kind: 'nominated',
    values: { organisation: input.organisation, role: t(`role.${input.contact.role}` as ContactsMessageKey) },
    url: `${base(input.publicUrl)}/${input.locale}/cooperation/accept?token=${encodeURIComponent(input.token)}`,
    subjectRef: input.contact.id, idempotencyKey: `contacts.nominated:${input.contact.id}:${input.contact.version}`,
  });
}

async function accountOf(db: Executor, userId: string | null): Promise<{ email: string; locale: Locale } | null> {
  if (!userId) return null;
  const user = await getUser(db, userId);
  if (!user?.email || user.status !== 'active' || user.erasedAt) return null;
  return { email: user.email, locale: isLocale(user.locale) ? user.locale : 'en' };
}

/** Reminds the contact (at their account's address and language) that their attestation is due, once per due date. */
export async function sendReminderEmail(db: Executor, input: { contact: ContactRow; due: Date; token: string; publicUrl: string }) {
  const to = await accountOf(db, input.contact.userId);
  if (!to) return;
  await send(db, {
    to: to.email, locale: to.locale, kind: 'reminder', values: { due: input.due.toISOString().slice(0, 10) },
    url: `${base(input.publicUrl)}/${to.locale}/cooperation/attest?token=${encodeURIComponent(input.token)}`,
    subjectRef: input.contact.id, idempotencyKey: `contacts.reminder:${input.contact.id}:${input.due.toISOString()}`,
  });
}

/** Tells the organisation's representatives that one of its contacts is stale (its name is theirs to know). */
export async function sendStaleEmails(db: Executor, input: { contact: ContactRow; publicUrl: string }) {
  for (const userId of await holdersOf(db, 'representative', input.contact.supporterId)) {
    const to = await accountOf(db, userId);
    if (!to) continue;
    await send(db, {
      to: to.email, locale: to.locale, kind: 'stale', values: { name: input.contact.name },
      url: `${base(input.publicUrl)}/${to.locale}/account/organisations/${input.contact.supporterId}/contacts`,
      subjectRef: input.contact.id, idempotencyKey: `contacts.stale:${input.contact.id}:${input.contact.staleSince?.toISOString()}:${userId}`,
    });
  }
}

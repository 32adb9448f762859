/**
 * The e-mails of coordination cases, to the designated contacts of a participating organisation, in each contact's
 * language, through the outbox inside the change's transaction. A case is embargoed (TLP:AMBER by default, and an
 * e-mail leaves the platform's access control: tlpMayOutput(…, 'email-body')): an e-mail gives the case's id and a
 * link, never its title, summary or vulnerabilities.
 */
import { getUser } from '../../app/auth/users.js';
import type { Executor } from '../../app/database/database.js';
import { contactsInRoutingOrder } from '../contacts/contacts.routing.queries.js';
import { enqueueEmail } from '../../app/email/email.js';
import { renderEmail } from '../../app/email/render.js';
import { isLocale, type Locale } from '../../app/i18n/i18n.js';
import { casesMessages } from './cases.messages.js';

export type CaseMailKind = 'invited' | 'reminder' | 'embargo';

/** Tells every contact of `supporterId` about case `caseId`; `key` makes each e-mail once only (job retries, double posts). */
export async function mailContacts(db: Executor, input: { kind: CaseMailKind; caseId: string; supporterId: string; publicUrl: string; key: string }): Promise<number> {
  // The organisation's accepted contacts (active, then stale), each in their account's language.
  const recipients = await contactsInRoutingOrder(db, input.supporterId, null);
  for (const recipient of recipients) {
    const user = recipient.userId ? await getUser(db, recipient.userId) : undefined;
    const locale: Locale = isLocale(user?.locale ?? '') ? (user!.locale as Locale) : 'en';
    const t = casesMessages(locale);
    const rendered = renderEmail({
      locale,
      heading: t(`mail.${input.kind}.heading`),
      paragraphs: [t(`mail.${input.kind}.body`, { id: input.caseId })],
      action: { label: t('mail.action'), url: `${input.publicUrl.replace(/\/$/, '')}/${locale}/cooperation/cases/${input.caseId}` },
    });
    await enqueueEmail(db, {
      to: recipient.email, locale, subject: t(`mail.${input.kind}.subject`), text: rendered.text, html: rendered.html,
      tag: `cases.${input.kind}`, subjectRef: input.caseId, idempotencyKey: `cases.${input.kind}:${input.key}:${recipient.email}`,
    });
  }
  return recipients.length;
}

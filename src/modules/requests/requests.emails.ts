/**
 * The requests' e-mails, in each recipient's language, through the outbox inside the change's transaction. TLP 2.0's
 * e-mail rule: the label in the subject and directly before the information, the end of the labelled text marked. An
 * e-mail leaves the platform's access control, so only a TLP:CLEAR or TLP:GREEN request's subject and text go in one
 * (tlpMayOutput 'email-body'); any other carries its label, its kind, the organisations and a link, nothing more.
 */
import { getUser } from '../../app/auth/users.js';
import { tlpMayOutput, tlpText, type TlpLabel } from '../../app/authz/tlp.js';
import type { Executor } from '../../app/database/database.js';
import { enqueueEmail } from '../../app/email/email.js';
import { renderEmail } from '../../app/email/render.js';
import { isLocale } from '../../app/i18n/i18n.js';
import { requestsMessages, type RequestsMessageKey } from './requests.messages.js';
import { createRequestsRepository } from './requests.repository.js';
import type { RecipientRow, RequestRow } from './requests.tables.js';

export type MailReason = 'new' | 'escalated' | 'forwarded' | 'acknowledged' | 'replied' | 'closed' | 'share-asked';

export async function sendRequestEmails(
  db: Executor,
  input: { request: RequestRow; to: ReadonlyArray<Pick<RecipientRow, 'userId'>>; why: MailReason; publicUrl: string; eventKey?: string },
): Promise<number> {
  const { request } = input;
  const label = tlpText(request.tlp as TlpLabel);
  const withBody = tlpMayOutput(request.tlp as TlpLabel, 'email-body');
  const names = await createRequestsRepository(db).organisationNames([request.senderSupporterId, request.recipientSupporterId]);
  let sent = 0;
  for (const { userId } of input.to) {
    const user = userId ? await getUser(db, userId) : undefined;
    if (!user?.email || user.status !== 'active') continue;
    const locale = isLocale(user.locale) ? user.locale : 'en';
    const t = requestsMessages(locale);
    const values = { kind: t(`kind.${request.kind}` as RequestsMessageKey), from: names.get(request.senderSupporterId) ?? '', to: names.get(request.recipientSupporterId) ?? '' };
    const subject = `[${label}] ${t(`mail.${input.why}.subject` as RequestsMessageKey, values)}${withBody ? `: ${request.subject}` : ''}`;
    const paragraphs = [
      t(`mail.${input.why}.body` as RequestsMessageKey, values),
      // The label directly before the information, and where the labelled text ends (TLP 2.0, e-mail).
      label,
      ...(withBody ? [request.subject, request.body] : [t('mail.linkOnly', { label })]),
      t('mail.end', { label }),
    ];
    const rendered = renderEmail({
      locale,
      heading: subject,
      paragraphs,
      action: { label: t('mail.open'), url: `${input.publicUrl.replace(/\/$/, '')}/${locale}/cooperation/requests/${request.id}` },
      footer: t('mail.footer'),
    });
    await enqueueEmail(db, {
      to: user.email,
      locale,
      subject,
      text: rendered.text,
      html: rendered.html,
      tag: `requests.${input.why}`,
      subjectRef: request.id,
      idempotencyKey: `requests:${request.id}:${input.why}:${input.eventKey ?? request.escalationLevel}:${userId}`,
    });
    sent++;
  }
  return sent;
}

/**
 * The e-mail a contributor receives when the dispositions of their inputs are published (one mail listing them all),
 * or when a published disposition is revised: in their language, through the outbox, inside the transaction.
 */
import { createHash } from 'node:crypto';
import type { Executor } from '../../app/database/database.js';
import { enqueueEmail } from '../../app/email/email.js';
import { renderEmail } from '../../app/email/render.js';
import { isLocale, type Locale } from '../../app/i18n/i18n.js';
import { consultationsMessages } from './consultations.messages.js';
import { localizedText } from './consultations.presenters.js';
import { createConsultationsRepository } from './consultations.repository.js';
import type { ConsultationRow, DispositionRow, InputRow } from './consultations.tables.js';

export interface DispositionsEmail {
  consultation: ConsultationRow;
  contributorId: string;
  items: Array<{ input: InputRow; disposition: DispositionRow }>;
  publicUrl: string;
  /** A published disposition changed (a new version), rather than the first publication. */
  revision: boolean;
}

export async function sendDispositionsEmail(db: Executor, mail: DispositionsEmail): Promise<void> {
  const [contact] = await createConsultationsRepository(db).contacts([mail.contributorId]);
  if (!contact?.email) return; // an erased account: nobody to tell
  const locale: Locale = isLocale(contact.locale) ? contact.locale : 'en';
  const t = consultationsMessages(locale);
  const title = localizedText(mail.consultation.title, locale).text;
  const base = mail.publicUrl.replace(/\/$/, '');
  const kind = mail.revision ? 'revised' : 'published';
  const rendered = renderEmail({
    locale,
    heading: t(`consultations.mail.${kind}.heading`),
    paragraphs: [
      t(`consultations.mail.${kind}.body`, { title, count: mail.items.length }),
      ...mail.items.map(({ input, disposition }) =>
        t('consultations.mail.item', {
          number: input.number,
          paragraph: input.paragraph ?? 0,
          outcome: t(`consultations.outcome.${disposition.outcome as 'accepted'}`),
          version: disposition.version,
          reason: disposition.reason,
        }),
      ),
    ],
    action: { label: t('consultations.mail.action'), url: `${base}/${locale}/consultations/${mail.consultation.id}/synthesis#dispositions` },
  });
  const versions = mail.items.map(({ disposition }) => `${disposition.inputId}.${disposition.version}`).join(',');
  await enqueueEmail(db, {
    to: contact.email,
    locale,
    subject: t(`consultations.mail.${kind}.subject`, { title }),
    text: rendered.text,
    html: rendered.html,
    tag: `consultations.dispositions.${kind}`,
    subjectRef: mail.consultation.id,
    idempotencyKey: `consultations.dispositions:${mail.consultation.id}:${mail.contributorId}:${createHash('sha256').update(versions).digest('base64url')}`,
  });
}

/** The e-mail an author receives on each decision about their practice, in their language, through the outbox. */
import type { Executor } from '../../../app/database/database.js';
import { enqueueEmail } from '../../../app/email/email.js';
import { renderEmail } from '../../../app/email/render.js';
import { isLocale, type Locale } from '../../../app/i18n/i18n.js';
import { practicesMessages } from './practices.messages.js';
import { shownText } from './practices.models.js';
import type { PracticeContent } from './practices.tables.js';

export interface DecisionEmail {
  to: string;
  locale: string;
  decision: 'published' | 'information-requested' | 'rejected';
  practiceId: string;
  revision: number;
  content: PracticeContent;
  reason: string | null;
  /** The platform's public address, for the links. */
  publicUrl: string;
}

/** Where each e-mail sends the author: the public page once published, else the form or the practice's account page. */
function actionPath(decision: DecisionEmail['decision'], practiceId: string): string {
  if (decision === 'published') return `/practices/${practiceId}`;
  return decision === 'information-requested' ? `/account/practices/${practiceId}/edit` : `/account/practices/${practiceId}`;
}

/**
 * Queues the decision's e-mail inside the decision's transaction (sent if and only if it commits), once per revision
 * and decision. The title and the reason are plain text; renderEmail escapes them in the HTML part.
 */
export async function sendDecisionEmail(db: Executor, mail: DecisionEmail): Promise<void> {
  const locale: Locale = isLocale(mail.locale) ? mail.locale : 'en';
  const t = practicesMessages(locale);
  const title = shownText(mail.content.title, mail.content.original, locale)?.text ?? mail.practiceId;
  const base = mail.publicUrl.replace(/\/$/, '');
  const rendered = renderEmail({
    locale,
    heading: t(`mail.${mail.decision}.heading`),
    paragraphs: [t(`mail.${mail.decision}.body`, { title }), ...(mail.reason ? [mail.reason] : [])],
    action: { label: t(`mail.${mail.decision}.action`), url: `${base}/${locale}${actionPath(mail.decision, mail.practiceId)}` },
  });
  await enqueueEmail(db, {
    to: mail.to,
    locale,
    subject: t(`mail.${mail.decision}.subject`, { title }),
    text: rendered.text,
    html: rendered.html,
    tag: `practices.${mail.decision}`,
    subjectRef: mail.practiceId,
    idempotencyKey: `practices.decision:${mail.practiceId}:${mail.revision}:${mail.decision}`,
  });
}

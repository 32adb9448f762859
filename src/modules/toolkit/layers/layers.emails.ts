/** The e-mail a proposer receives when the secretariat decides on their proposal, in their language, through the outbox. */
import type { Executor } from '../../../app/database/database.js';
import { enqueueEmail } from '../../../app/email/email.js';
import { renderEmail } from '../../../app/email/render.js';
import { isLocale, type Locale } from '../../../app/i18n/i18n.js';
import { toolkitMessages } from '../toolkit.messages.js';

export interface ProposalDecisionEmail {
  to: string;
  locale: string;
  decision: 'accepted' | 'rejected';
  proposalId: string;
  layer: { key: string; name: string };
  /** What was proposed, in a few words ("A4 in EU Cybersecurity Act", a framework's name). */
  summary: string;
  note: string | null;
  publicUrl: string;
}

/**
 * Queues the decision e-mail inside the decision's transaction (sent if and only if the decision commits). The note
 * and the summary are plain text; renderEmail escapes them in the HTML part. One e-mail per proposal and decision.
 */
export async function sendProposalDecisionEmail(db: Executor, mail: ProposalDecisionEmail): Promise<void> {
  const locale: Locale = isLocale(mail.locale) ? mail.locale : 'en';
  const t = toolkitMessages(locale);
  const base = mail.publicUrl.replace(/\/$/, '');
  const accepted = mail.decision === 'accepted';
  const values = { layer: mail.layer.name, summary: mail.summary };
  const subject = t(accepted ? 'layers.mail.accepted.subject' : 'layers.mail.rejected.subject', values);
  const rendered = renderEmail({
    locale,
    heading: t(accepted ? 'layers.mail.accepted.heading' : 'layers.mail.rejected.heading'),
    paragraphs: [t(accepted ? 'layers.mail.accepted.body' : 'layers.mail.rejected.body', values), ...(mail.note ? [t('layers.mail.note'), mail.note] : [])],
    action: accepted
      ? { label: t('layers.mail.accepted.action'), url: `${base}/${locale}/toolkit/layers/${mail.layer.key}` }
      : { label: t('layers.mail.rejected.action'), url: `${base}/${locale}/toolkit/proposals` },
  });
  await enqueueEmail(db, {
    to: mail.to,
    locale,
    subject,
    text: rendered.text,
    html: rendered.html,
    tag: `toolkit.proposal-${mail.decision}`,
    subjectRef: mail.proposalId,
    idempotencyKey: `toolkit.proposal-decision:${mail.proposalId}`,
  });
}

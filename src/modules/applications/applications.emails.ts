import type { Config } from '../../app/config/config.js';
import type { Executor } from '../../app/database/database.js';
import { enqueueEmail } from '../../app/email/email.js';
import { renderEmail } from '../../app/email/render.js';
import { isLocale, type Locale } from '../../app/i18n/i18n.js';
import { applicationMessages } from './applications.messages.js';

export type ApplicationEmail =
  | 'confirm'
  | 'received'
  | 'info-request'
  | 'approved'
  | 'rejected'
  | 'invite'
  | 'claim-confirm'
  | 'claim-received'
  | 'claim-approved'
  | 'claim-rejected'
  | 'claim-notice'
  | 'edit-approved'
  | 'edit-rejected'
  | 'withdrawn';

interface EmailParams {
  to: string;
  url?: string;
  message?: string | undefined;
  reason?: string | undefined;
  inviter?: string;
  publicUrl?: string;
  /** For a withdrawal: who took the entry out (a representative, or the secretariat). */
  by?: 'representative' | 'secretariat';
}

/**
 * Writes one of the workflow's e-mails to the outbox, in the applicant's language. User-typed text (organisation
 * name, the moderator's message) goes in as plain text; renderEmail escapes it in the HTML part.
 */
export async function sendApplicationEmail(
  db: Executor,
  kind: ApplicationEmail,
  subject: { id: string; name: string; locale: string },
  params: EmailParams,
): Promise<void> {
  const locale: Locale = isLocale(subject.locale) ? subject.locale : 'en';
  const t = applicationMessages(locale);
  const name = subject.name;
  const content = {
    confirm: {
      subject: t('mail.confirm.subject', { name }),
      heading: t('mail.confirm.heading'),
      paragraphs: [t('mail.confirm.body', { name }), t('mail.confirm.expiry')],
      action: { label: t('mail.confirm.action'), url: params.url ?? '' },
      footer: t('mail.confirm.ignore'),
    },
    received: {
      subject: t('mail.received.subject', { name }),
      heading: t('mail.received.heading'),
      paragraphs: [t('mail.received.body', { name })],
    },
    'info-request': {
      subject: t('mail.info.subject', { name }),
      heading: t('mail.info.heading'),
      paragraphs: [t('mail.info.body', { name }), params.message ?? ''],
      action: { label: t('mail.info.action'), url: params.url ?? '' },
    },
    approved: {
      subject: t('mail.approved.subject', { name }),
      heading: t('mail.approved.heading'),
      paragraphs: [t('mail.approved.body', { name }), t('mail.approved.manage')],
      action: { label: t('mail.approved.action'), url: `${(params.publicUrl ?? '').replace(/\/$/, '')}/${locale}/account` },
    },
    rejected: {
      subject: t('mail.rejected.subject', { name }),
      heading: t('mail.rejected.heading'),
      paragraphs: [t('mail.rejected.body', { name }), params.reason ?? ''],
    },
    'claim-confirm': {
      subject: t('mail.claim.confirm.subject', { name }),
      heading: t('mail.confirm.heading'),
      paragraphs: [t('mail.claim.confirm.body', { name }), t('mail.confirm.expiry')],
      action: { label: t('mail.confirm.action'), url: params.url ?? '' },
      footer: t('mail.claim.confirm.ignore'),
    },
    'claim-received': {
      subject: t('mail.claim.received.subject', { name }),
      heading: t('mail.received.heading'),
      paragraphs: [t('mail.claim.received.body', { name })],
    },
    'claim-approved': {
      subject: t('mail.claim.approved.subject', { name }),
      heading: t('mail.claim.approved.heading'),
      paragraphs: [t('mail.claim.approved.body', { name }), t('mail.approved.manage')],
      action: { label: t('mail.approved.action'), url: `${(params.publicUrl ?? '').replace(/\/$/, '')}/${locale}/account` },
    },
    'claim-rejected': {
      subject: t('mail.claim.rejected.subject', { name }),
      heading: t('mail.claim.rejected.heading'),
      paragraphs: [t('mail.claim.rejected.body', { name }), params.reason ?? ''],
    },
    'claim-notice': {
      subject: t('mail.claim.notice.subject', { name }),
      heading: t('mail.claim.notice.heading'),
      paragraphs: [t('mail.claim.notice.body', { name }), t('mail.claim.notice.next')],
    },
    'edit-approved': {
      subject: t('mail.edit.approved.subject', { name }),
      heading: t('mail.edit.approved.heading'),
      paragraphs: [t('mail.edit.approved.body', { name })],
      action: { label: t('mail.edit.approved.action'), url: `${(params.publicUrl ?? '').replace(/\/$/, '')}/${locale}/account` },
    },
    'edit-rejected': {
      subject: t('mail.edit.rejected.subject', { name }),
      heading: t('mail.edit.rejected.heading'),
      paragraphs: [t('mail.edit.rejected.body', { name }), params.reason ?? ''],
    },
    withdrawn: {
      subject: t('mail.withdrawn.subject', { name }),
      heading: t('mail.withdrawn.heading'),
      paragraphs: [t(params.by === 'secretariat' ? 'mail.withdrawn.bySecretariat' : 'mail.withdrawn.byRepresentative', { name }), params.reason ?? '', t('mail.withdrawn.history')],
    },
    invite: {
      subject: t('mail.invite.subject', { name }),
      heading: t('mail.invite.heading'),
      paragraphs: [t('mail.invite.body', { name, inviter: params.inviter ?? '' }), t('mail.invite.expiry')],
      action: { label: t('mail.invite.action'), url: params.url ?? '' },
    },
  }[kind];
  const { paragraphs, ...rest } = content;
  const rendered = renderEmail({ locale, ...rest, paragraphs: paragraphs.filter((p) => p !== '') });
  await enqueueEmail(db, {
    to: params.to,
    locale,
    subject: content.subject,
    text: rendered.text,
    html: rendered.html,
    tag: `applications.${kind}`,
    subjectRef: subject.id,
  });
}

/** The link an e-mail carries to a page of the workflow, on the public URL, with its single-use token. */
export function applicationLink(config: Config, locale: Locale, path: string, token: string): string {
  return `${config.publicUrl.replace(/\/$/, '')}/${locale}${path}?token=${encodeURIComponent(token)}`;
}

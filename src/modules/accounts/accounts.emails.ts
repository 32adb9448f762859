import { renderEmail } from '../../app/email/render.js';
import type { Locale } from '../../app/i18n/i18n.js';
import { accountMessages } from './accounts.messages.js';

/** The sign-in e-mail: one button to the verify page, where a second press signs in. */
export function signInEmail(locale: Locale, url: string): { subject: string; html: string; text: string } {
  const t = accountMessages(locale);
  const rendered = renderEmail({
    locale,
    heading: t('email.signIn.heading'),
    paragraphs: [t('email.signIn.body')],
    action: { label: t('email.signIn.action'), url },
    footer: t('email.signIn.footer'),
  });
  return { subject: t('email.signIn.subject'), ...rendered };
}

/** The ping e-mail, in the contact's language, with the acknowledgement link (its token) and the spoken code. */
import type { EmailToSend } from '../../app/email/email.js';
import { renderEmail } from '../../app/email/render.js';
import { isLocale, type Locale } from '../../app/i18n/i18n.js';
import { showCode } from './pings.models.js';
import { pingsMessages } from './pings.messages.js';
import { atInZone } from './pings.time.js';

/** The contact's first language the platform speaks, else English. */
export function contactLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

export function pingEmail(input: {
  publicUrl: string;
  to: string;
  languages: readonly string[];
  timeZone: string;
  organisation: string;
  token: string;
  code: string;
  dueAt: Date;
  pingId: string;
}): EmailToSend & { idempotencyKey: string } {
  const locale = contactLocale(input.languages);
  const t = pingsMessages(locale);
  const code = showCode(input.code);
  const url = `${input.publicUrl.replace(/\/+$/, '')}/${locale}/ping/${input.token}`;
  const rendered = renderEmail({
    locale,
    heading: t('pings.mail.heading'),
    paragraphs: [t('pings.mail.body', { organisation: input.organisation, due: atInZone(locale, input.dueAt, input.timeZone), code })],
    action: { label: t('pings.mail.action'), url },
    footer: t('pings.mail.footer'),
  });
  return {
    to: input.to,
    locale,
    subject: t('pings.mail.subject', { code }),
    ...rendered,
    tag: 'pings.ping',
    subjectRef: input.pingId,
    idempotencyKey: `pings.ping:${input.pingId}`,
  };
}

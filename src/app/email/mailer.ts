import fs from 'node:fs/promises';
import path from 'node:path';
import type { Transporter } from 'nodemailer';
import type { Config } from '../config/config.js';
import type { Locale } from '../i18n/i18n.js';

export interface OutgoingEmail {
  /** The outbox job id: names the .eml file and derives the Message-ID, so a retry is recognisably the same message. */
  id: string;
  to: string;
  locale: Locale;
  subject: string;
  text: string;
  html: string;
  /** RFC 8058 one-click unsubscribe (see emailPayloadSchema). */
  listUnsubscribe?: { url: string; mailto?: string | undefined } | undefined;
}

/**
 * How a message left the platform: handed to the SMTP relay, or written as an .eml file in the outbox folder (no
 * SMTP_URL). The back office must not call a file "delivered to the mail server".
 */
export type MailTransport = 'smtp' | 'file';

export interface Mailer {
  /** Where mail goes, for logs: `smtp` or the outbox directory. */
  readonly target: string;
  /** Sends one message and says which transport took it. */
  send(email: OutgoingEmail): Promise<{ transport: MailTransport }>;
  close(): void;
}

/**
 * Sends through the SMTP relay when SMTP_URL is set; otherwise writes each message as an .eml file under
 * DATA_DIR/outbox (development, demos, and air-gapped installs whose mail is picked up by another tool).
 */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'dataDir'>): Mailer {
  const domain = /@([^\s>]+)>?\s*$/.exec(config.mailFrom)?.[1] ?? 'pariscall.invalid';
  const message = (email: OutgoingEmail) => ({
    from: config.mailFrom,
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    messageId: `<${email.id}@${domain}>`,
    headers: {
      'Content-Language': email.locale,
      // RFC 3834: out-of-office responders must not answer platform mail.
      'Auto-Submitted': 'auto-generated',
      ...(email.listUnsubscribe ? listUnsubscribeHeaders(email.listUnsubscribe) : {}),
    },
  });

  if (config.smtpUrl) {
    const transport = lazyTransport({
      url: config.smtpUrl,
      // Fail fast so the job is retried later instead of holding a worker slot on a dead relay.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return {
      target: 'smtp',
      send: async (email) => {
        await (await transport.get()).sendMail(message(email));
        return { transport: 'smtp' };
      },
      close: () => transport.close(),
    };
  }

  const outbox = path.join(config.dataDir, 'outbox');
  const transport = lazyTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    target: outbox,
    send: async (email) => {
      const info = await (await transport.get()).sendMail(message(email));
      await fs.mkdir(outbox, { recursive: true });
      // Written then renamed, so a reader never sees half a message and a retry replaces rather than duplicates.
      const file = path.join(outbox, `${email.id}.eml`);
      const partial = `${file}.${process.pid}.tmp`;
      await fs.writeFile(partial, info.message as Buffer);
      await fs.rename(partial, file);
      return { transport: 'file' };
    },
    close: () => transport.close(),
  };
}

/**
 * RFC 2369 and RFC 8058: the https link first (a mail client POSTs `List-Unsubscribe=One-Click` to it), the mailto for
 * clients that only write. The URL carries its own signed token: no session or cookie is needed.
 */
export function listUnsubscribeHeaders(list: NonNullable<OutgoingEmail['listUnsubscribe']>): Record<string, string> {
  const targets = [list.url, ...(list.mailto ? [list.mailto] : [])].map((target) => `<${target}>`).join(', ');
  return { 'List-Unsubscribe': targets, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

/**
 * A nodemailer transport made on the first message: nodemailer is half a megabyte of code that a start (and a process
 * that never sends mail) need not load.
 */
function lazyTransport(options: Record<string, unknown>): { get(): Promise<Transporter>; close(): void } {
  let transport: Transporter | undefined;
  let making: Promise<Transporter> | undefined;
  return {
    get: () => (making ??= import('nodemailer').then((nodemailer) => (transport = nodemailer.default.createTransport(options)))),
    close: () => transport?.close(),
  };
}

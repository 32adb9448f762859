import { z } from 'zod';
import { locales } from '../i18n/i18n.js';
import { defineJob } from '../jobs/job-definition.js';

/** The stored payload of an `email.send` job (version 1). `erased` marks a payload scrubbed on a GDPR request. */
export const emailPayloadSchema = z.object({
  to: z.string(),
  locale: z.enum(locales),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  /** What kind of e-mail this is (`applications.confirm`), for the back office's delivery list. */
  tag: z.string(),
  erased: z.boolean().optional(),
  /**
   * RFC 8058 one-click unsubscribe of a mailing (digests, reminders): sent as `List-Unsubscribe` (the https URL, which
   * takes a POST, then the mailto) and `List-Unsubscribe-Post: List-Unsubscribe=One-Click`. Optional, so payloads
   * written before it existed stay valid for version 1.
   */
  listUnsubscribe: z.object({ url: z.url({ protocol: /^https?$/ }), mailto: z.string().startsWith('mailto:').optional() }).optional(),
});
export type EmailPayload = z.infer<typeof emailPayloadSchema>;

/** Every e-mail the platform sends: the rendered message, handed to the mailer by the worker. */
export const emailJob = defineJob({ name: 'email.send', version: 1, payload: emailPayloadSchema });

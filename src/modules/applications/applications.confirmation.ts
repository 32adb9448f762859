/**
 * The second half of every application's first step (a join or a claim): the executive's confirmation link is issued
 * and e-mailed, the unconfirmed application's expiry is scheduled, and the submission is audited, all in the
 * transaction that stored the application.
 */
import { recordAudit } from '../../app/audit/audit.js';
import { issueToken } from '../../app/auth/tokens.js';
import type { Config } from '../../app/config/config.js';
import type { Executor } from '../../app/database/database.js';
import type { Locale } from '../../app/i18n/i18n.js';
import { enqueueJob } from '../../app/jobs/outbox.js';
import { expireJob } from './applications.jobs.js';
import { applicationLink, sendApplicationEmail, type ApplicationEmail } from './applications.emails.js';
import { confirmationTtlMs } from './applications.models.js';
import type { ApplicationRow } from './applications.tables.js';

export async function requestConfirmation(
  tx: Executor,
  config: Config,
  input: { application: ApplicationRow; email: Extract<ApplicationEmail, 'confirm' | 'claim-confirm'>; locale: Locale; executiveEmail: string; expiresAt: Date; audit: Record<string, unknown> },
): Promise<void> {
  const { application } = input;
  const token = await issueToken(tx, { purpose: 'application.confirm', subjectId: application.id, email: input.executiveEmail, ttlMs: confirmationTtlMs });
  await sendApplicationEmail(tx, input.email, application, { to: input.executiveEmail, url: applicationLink(config, input.locale, '/join/confirm', token) });
  await enqueueJob(tx, expireJob, { applicationId: application.id }, { runAt: input.expiresAt, idempotencyKey: `${expireJob.name}:${application.id}`, subjectRef: application.id });
  await recordAudit(tx, { actor: 'anonymous', action: 'applications.submit', subject: application.id, details: input.audit });
}

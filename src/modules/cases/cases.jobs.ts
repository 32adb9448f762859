/**
 * Reminders to organisations that have not answered: one job per participant, due `reminderDays` after it was invited
 * (then again every `reminderDays`) while one of its answers is still `no-response` and the case is not published.
 * Idempotent: the e-mails and the next reminder carry the round in their keys.
 */
import { z } from 'zod';
import { recordAudit } from '../../app/audit/audit.js';
import type { DatabaseHandle, Executor } from '../../app/database/database.js';
import { defineJob } from '../../app/jobs/job-definition.js';
import { enqueueJob } from '../../app/jobs/outbox.js';
import { reminderDays } from './cases.constants.js';
import { mailContacts } from './cases.emails.js';
import { createCasesRepository } from './cases.repository.js';

export const remindJob = defineJob({
  name: 'cases.remind-non-responder',
  version: 1,
  payload: z.object({ caseId: z.string(), participantId: z.string(), round: z.number().int().min(1) }),
});

/** Schedules reminder `round` for a participant, `reminderDays` after `from`. */
export async function scheduleReminder(db: Executor, input: { caseId: string; participantId: string; round: number; from: Date }): Promise<string> {
  return enqueueJob(db, remindJob, { caseId: input.caseId, participantId: input.participantId, round: input.round }, {
    runAt: new Date(input.from.getTime() + reminderDays * 86_400_000),
    idempotencyKey: `cases.remind:${input.participantId}:${input.round}`,
    subjectRef: input.caseId,
  });
}

/** The handler: reminds the organisation's contacts if it is still silent somewhere, and schedules the next round. */
export function remindHandler(database: DatabaseHandle, options: { publicUrl: string; now?: () => Date }) {
  return async (payload: z.output<typeof remindJob.payload>) => {
    await database.db.transaction(async (tx) => {
      const repository = createCasesRepository(tx);
      const found = await repository.findCase(payload.caseId);
      const participant = found ? await repository.findParticipantById(payload.caseId, payload.participantId) : null;
      if (!found || found.state !== 'open' || !participant) return;
      if (!(await repository.hasSilence(participant.id))) return;
      await mailContacts(tx, { kind: 'reminder', caseId: found.id, supporterId: participant.supporterId, publicUrl: options.publicUrl, key: `${participant.id}:${payload.round}` });
      await repository.updateParticipant(participant.id, { reminders: Math.max(participant.reminders, payload.round) });
      await recordAudit(tx, { actor: 'job:cases.remind', action: 'cases.reminded', subject: found.id, details: { participantId: participant.id, round: payload.round } });
      await scheduleReminder(tx, { caseId: found.id, participantId: participant.id, round: payload.round + 1, from: options.now?.() ?? new Date() });
    });
  };
}

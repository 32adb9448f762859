/** The outbox job of requests: the acknowledgement clock running out (queued due at the deadline, idempotent). */
import { z } from 'zod';
import { defineJob } from '../../app/jobs/job-definition.js';

/** Escalates a request still unacknowledged at `level` to the recipient organisation's next contact. */
export const escalateJob = defineJob({ name: 'requests.escalate', version: 1, payload: z.object({ requestId: z.string().min(1), level: z.number().int().min(0) }) });

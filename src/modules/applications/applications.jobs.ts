/** The outbox jobs of the joining workflow, shared by the use cases that queue them and the module that runs them. */
import { z } from 'zod';
import { defineJob } from '../../app/jobs/job-definition.js';

const applicationPayload = z.object({ applicationId: z.string().min(1) });

/** Recomputes an application's authority signals and likely duplicates (network checks, never in a request). */
export const checkSignalsJob = defineJob({ name: 'applications.check-signals', version: 1, payload: applicationPayload });

/** Expires an application whose executive did not confirm in time; queued at submission, due at the deadline. */
export const expireJob = defineJob({ name: 'applications.expire', version: 1, payload: applicationPayload });

/**
 * The jobs of an exercise, on the outbox. `pings.start` runs at the exercise's start (its `runAt`): it sends the first
 * step to every contact covered and enqueues the first sweep. `pings.sweep` runs when the earliest open window ends:
 * every ping whose window ran out unanswered is escalated (the next step sent, or the contact recorded unreachable),
 * then the next sweep is enqueued at the next end of a window. Keys name the exercise (and the sweep's instant), so a
 * job enqueued twice is one job; both handlers read the state under a lock and do nothing already done, so a run
 * repeated after a crash sends nothing twice.
 */
import { z } from 'zod';
import { defineJob } from '../../app/jobs/job-definition.js';

export const startExerciseJob = defineJob({ name: 'pings.start', version: 1, payload: z.object({ exerciseId: z.string() }) });
export const sweepExerciseJob = defineJob({ name: 'pings.sweep', version: 1, payload: z.object({ exerciseId: z.string(), at: z.iso.datetime() }) });

export const startKey = (exerciseId: string) => `pings.start:${exerciseId}`;
export const sweepKey = (exerciseId: string, at: Date) => `pings.sweep:${exerciseId}:${at.toISOString()}`;

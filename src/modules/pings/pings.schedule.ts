/** The handlers of the exercises' jobs (see pings.jobs.ts): each runs its use case at the time it is claimed. */
import type { AppContext } from '../../app/context.js';
import { handleJob, jobHandlers, type JobHandlers } from '../../app/jobs/job-definition.js';
import { startExerciseJob, sweepExerciseJob } from './pings.jobs.js';
import { startExercise, sweepExercise } from './pings.usecases.js';

export function pingsJobHandlers(context: Pick<AppContext, 'database' | 'config'>, clock: () => Date = () => new Date()): JobHandlers {
  const run = { db: context.database.db, publicUrl: context.config.publicUrl };
  return jobHandlers(
    handleJob(startExerciseJob, async ({ exerciseId }) => {
      await startExercise({ ...run, exerciseId, now: clock() });
    }),
    handleJob(sweepExerciseJob, async ({ exerciseId, at }) => {
      await sweepExercise({ ...run, exerciseId, at: new Date(at), now: clock() });
    }),
  );
}

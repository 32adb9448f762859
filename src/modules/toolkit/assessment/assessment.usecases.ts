/**
 * Keeping a self-assessment behind a private link, only when its author asks: save (a new token, the assessment
 * sealed under it), open, save a new version (the stored one becomes the latest earlier version, so the report shows
 * what changed), forget (the row is deleted at once). Anyone holding the link may do each: the token is the
 * credential, like an e-mailed link, so there is no policy to check.
 *
 * Nothing here is written to the audit log: the row holds nothing readable, and an entry tying a person or an address
 * to it would be the one thing a database dump could tell about the organisation.
 */
import type { Executor } from '../../../app/database/database.js';
import { assessmentLimits } from './assessment.constants.js';
import { savedAssessmentNotFound } from './assessment.errors.js';
import { createAssessmentRepository } from './assessment.repository.js';
import { assessmentSchema, type Assessment } from './assessment.schemas.js';
import { lookupOf, newAssessmentToken, sealAssessment, unsealAssessment } from './assessment.sealing.js';

/** Saves the assessment behind a new private link; returns the link's token (shown once, never stored). */
export async function saveAssessment(deps: { db: Executor }, input: { assessment: Assessment }): Promise<{ token: string }> {
  const token = newAssessmentToken();
  const assessment = assessmentSchema.parse(input.assessment);
  await createAssessmentRepository(deps.db).insertSaved({ lookup: lookupOf(token), sealed: sealAssessment(token, JSON.stringify(assessment)) });
  return { token };
}

/** The assessment behind a link; 404 when the link names nothing (or its content no longer opens). */
export async function openSavedAssessment(deps: { db: Executor }, input: { token: string }): Promise<{ assessment: Assessment; savedAt: Date }> {
  const row = await createAssessmentRepository(deps.db).findSaved(lookupOf(input.token));
  if (!row) throw savedAssessmentNotFound();
  return { assessment: open(input.token, row.sealed), savedAt: row.updatedAt };
}

function open(token: string, sealed: string): Assessment {
  try {
    return assessmentSchema.parse(JSON.parse(unsealAssessment(token, sealed)));
  } catch {
    throw savedAssessmentNotFound();
  }
}

/**
 * Saves `current` as the link's new version: the stored version moves to the front of the earlier ones (the server's
 * history is kept, not the one posted back), the oldest beyond the cap are dropped.
 */
export async function saveAssessmentVersion(deps: { db: Executor }, input: { token: string; assessment: Assessment }): Promise<void> {
  const lookup = lookupOf(input.token);
  await deps.db.transaction(async (tx) => {
    const repository = createAssessmentRepository(tx);
    const row = await repository.lockSaved(lookup);
    if (!row) throw savedAssessmentNotFound();
    const stored = open(input.token, row.sealed);
    const next: Assessment = {
      ...stored,
      current: input.assessment.current,
      previous: [stored.current, ...stored.previous].slice(0, assessmentLimits.previousVersions),
    };
    await repository.updateSealed(lookup, sealAssessment(input.token, JSON.stringify(assessmentSchema.parse(next))));
  });
}

/** Deletes the assessment behind the link at once; forgetting a link that names nothing is not an error (it is gone). */
export async function forgetSavedAssessment(deps: { db: Executor }, input: { token: string }): Promise<{ forgotten: boolean }> {
  return { forgotten: await createAssessmentRepository(deps.db).deleteSaved(lookupOf(input.token)) };
}

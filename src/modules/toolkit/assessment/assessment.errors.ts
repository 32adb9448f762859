import { defineError } from '../../../app/http/errors.js';
import { assessmentMessages } from './assessment.messages.js';

/** A private link that names nothing: never made, deleted, or mistyped (the three are not told apart). */
export const savedAssessmentNotFound = defineError('toolkit.assessment.not-found', 404, (l) => assessmentMessages(l)('error.notFound'));

/** An export asked for with hidden data that does not read: a download answers with problem+json, as every data route. */
export const assessmentStateDamaged = defineError('toolkit.assessment.state-damaged', 422, (l) => assessmentMessages(l)('error.state'));

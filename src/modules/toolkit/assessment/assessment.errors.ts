import { defineError } from '../../../app/http/errors.js';
import { assessmentMessages } from './assessment.messages.js';

/** A private link that names nothing: never made, deleted, or mistyped (the three are not told apart). */
export const savedAssessmentNotFound = defineError('toolkit.assessment.not-found', 404, (l) => assessmentMessages(l)('error.notFound'));

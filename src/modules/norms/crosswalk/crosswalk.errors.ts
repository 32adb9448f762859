import { defineError } from '../../../app/http/errors.js';
import { crosswalkMessages } from './crosswalk.messages.js';

export const linkNotFound = defineError('norms.crosswalk.not-found', 404, (l) => crosswalkMessages(l)('crosswalk.error.notFound'));
/** The pair is linked already: the form says so beside the norm it names. */
export const linkExists = defineError('norms.crosswalk.exists', 409, (l) => crosswalkMessages(l)('crosswalk.error.exists'));
/** The norm named is not in the database (the norms were never loaded, or the code is unknown). */
export const unknownNorm = defineError('norms.crosswalk.unknown-norm', 422, (l) => crosswalkMessages(l)('crosswalk.error.norm'));

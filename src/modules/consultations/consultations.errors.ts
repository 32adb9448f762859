/** The refusals of consultations, each with a stable code and a sentence in each language. */
import { defineError } from '../../app/http/errors.js';
import { consultationsMessages } from './consultations.messages.js';

/** No such consultation, or a draft the reader may not know about. */
export const consultationNotFound = defineError('consultations.not-found', 404, (l) => consultationsMessages(l)('consultations.error.notFound'));
export const groupNotFound = defineError('consultations.group.not-found', 404, (l) => consultationsMessages(l)('consultations.error.groupNotFound'));
export const inputNotFound = defineError('consultations.input.not-found', 404, (l) => consultationsMessages(l)('consultations.error.inputNotFound'));
/** Only the group's co-chairs (and the secretariat) hold its consultations. */
export const notACoChair = defineError('consultations.not-a-co-chair', 403, (l) => consultationsMessages(l)('consultations.error.notACoChair'));
export const groupClosed = defineError('consultations.group.closed', 409, (l) => consultationsMessages(l)('consultations.error.groupClosed'));
/** An input before the consultation is opened (or opening one that is not a draft). */
export const inputNotOpen = defineError('consultations.not-open', 409, (l) => consultationsMessages(l)('consultations.error.notOpen'));
/** An input after the deadline (or opening a draft whose deadline has passed). */
export const inputClosed = defineError('consultations.closed', 409, (l) => consultationsMessages(l)('consultations.error.closed'));
/** A supporters' consultation takes inputs from representatives of registry organisations only. */
export const notASupporter = defineError('consultations.not-a-supporter', 403, (l) => consultationsMessages(l)('consultations.error.notASupporter'));
/** A disposition or a synthesis before the deadline. */
export const beforeDeadline = defineError('consultations.before-deadline', 409, (l) => consultationsMessages(l)('consultations.error.beforeDeadline'));
export const concluded = defineError('consultations.concluded', 409, (l) => consultationsMessages(l)('consultations.error.concluded'));
/** Publishing the synthesis while some input has no disposition. */
export const undisposed = defineError<{ count: number }>('consultations.undisposed', 409, (l, p) => consultationsMessages(l)('consultations.error.undisposed', p));
/** Speaking for an organisation one does not represent. */
export const notTheirOrganisation = defineError('consultations.organisation', 422, (l) => consultationsMessages(l)('consultations.error.organisation'));
/** An input on a paragraph the text does not have. */
export const noSuchParagraph = defineError('consultations.paragraph', 422, (l) => consultationsMessages(l)('consultations.error.paragraph'));
/** The revised text's links name a paragraph it does not have, or an input the consultation did not receive. */
export const badChanges = defineError('consultations.changes', 422, (l) => consultationsMessages(l)('consultations.error.changesRefs'));

/** The refusals of implementation reports, each with a stable code and a sentence in each language. */
import { defineError } from '../../../app/http/errors.js';
import { reportsMessages } from './reports.messages.js';

/** No such report, or one the reader may not know about (a draft, another organisation's workspace). */
export const reportNotFound = defineError('reports.report.not-found', 404, (l) => reportsMessages(l)('reports.error.notFound'));

export const sectionNotFound = defineError('reports.section.not-found', 404, (l) => reportsMessages(l)('reports.error.sectionNotFound'));

/** Only the organisation's representatives write its report (the secretariat reads it). */
export const notAWriter = defineError('reports.write.not-allowed', 403, (l) => reportsMessages(l)('reports.error.notAWriter'));

/** A representative of an entry the platform has not verified (imported from the Call's list, never checked here). */
export const notVerified = defineError('reports.write.unverified', 403, (l) => reportsMessages(l)('reports.error.notVerified'));

export const reportExists = defineError<{ year: number }>('reports.report.exists', 409, (l, p) => reportsMessages(l)('reports.error.exists', p));

/** Publishing a report in which no question is answered in its language. */
export const nothingToPublish = defineError('reports.publish.empty', 422, (l) => reportsMessages(l)('reports.error.nothingToPublish'));

/** A colleague saved the section after the version a removal was asked from: it is kept, and the person is told. */
export const sectionChanged = defineError('reports.section.changed', 409, (l) => reportsMessages(l)('reports.error.sectionChanged'));

/** A practice that is not one of the organisation's published practices. */
export const invalidPractice = defineError('reports.section.practice', 422, (l) => reportsMessages(l)('reports.error.practice'));

/** The refusals of incidents, each with a stable code and a sentence in each language. */
import type { FieldIssue } from '../../app/http/errors.js';
import { defineError } from '../../app/http/errors.js';
import { incidentsMessages } from './incidents.messages.js';

/** Not found, or not readable under its TLP marking: the reader is not told which. */
export const incidentNotFound = defineError('incidents.not-found', 404, (l) => incidentsMessages(l)('error.notFound'));

export const reportAlreadySent = defineError('incidents.report-already-sent', 409, (l) => incidentsMessages(l)('error.reportAlreadySent'));

/** NIS2's order: the notification after the early warning, the final report after the notification. */
export const reportOutOfOrder = defineError('incidents.report-out-of-order', 409, (l) => incidentsMessages(l)('error.reportOutOfOrder'));

export const incidentInvalid = (issues: FieldIssue[]) => defineError('incidents.invalid', 422, (l) => incidentsMessages(l)('error.invalid'))({}, issues);

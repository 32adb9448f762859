import { defineError } from '../../app/http/errors.js';
import { indexMessages } from './index.messages.js';

export const editionNotFound = defineError('index.edition.not-found', 404, (l) => indexMessages(l)('error.edition.notFound'));

export const unitNotFound = defineError('index.unit.not-found', 404, (l) => indexMessages(l)('error.unit.notFound'));

export const indicatorNotFound = defineError('index.indicator.not-found', 404, (l) => indexMessages(l)('error.indicator.notFound'));

/** Published editions are citable, so they never change: a correction is a new edition. */
export const editionPublished = defineError('index.edition.published', 409, (l) => indexMessages(l)('error.edition.published'));

export const editionSlugTaken = defineError('index.edition.slug-taken', 409, (l) => indexMessages(l)('error.edition.slugTaken'));

/** The inputs do not make an index: every problem is listed (row, column, message) and nothing is stored. */
export const editionInputInvalid = defineError<{ count: number }>('index.edition.invalid', 422, (l, { count }) => indexMessages(l)('error.edition.invalid', { count }));

/** Only a published edition can be withdrawn (a draft is deleted instead; a withdrawn one stays withdrawn). */
export const editionNotPublished = defineError('index.edition.not-published', 409, (l) => indexMessages(l)('error.edition.notPublished'));

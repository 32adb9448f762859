import { defineError } from '../../app/http/errors.js';
import { toolkitMessages } from './toolkit.messages.js';

/** A published layer is immutable: importing another file under its key is refused (a correction is a new layer). */
export const datasetImmutable = defineError<{ key: string }>('toolkit.dataset.immutable', 409, (l, { key }) => toolkitMessages(l)('error.dataset.immutable', { key }));

/** A source that does not have the WG6 shape: the place that broke it is named, nothing is written. */
export const sourceInvalid = defineError<{ where: string; problem: string }>('toolkit.source.invalid', 422, (l, p) => toolkitMessages(l)('error.source.invalid', p));

export const cellNotFound = defineError('toolkit.cell.not-found', 404, (l) => toolkitMessages(l)('error.cell.notFound'));

import { defineError } from '../../app/http/errors.js';
import { pingsMessages } from './pings.messages.js';

export const pingsNotAllowed = defineError('pings.not-allowed', 403, (l) => pingsMessages(l)('pings.error.notAllowed'));
export const pingsNotFound = defineError('pings.not-found', 404, (l) => pingsMessages(l)('pings.error.notFound'));
export const invalidExercise = defineError('pings.exercise.invalid', 422, (l) => pingsMessages(l)('pings.error.channels'));
export const unknownCode = defineError('pings.code.unknown', 422, (l) => pingsMessages(l)('pings.error.code'));
export const pingExpired = defineError('pings.expired', 410, (l) => pingsMessages(l)('pings.error.expired'));
export const invalidPingToken = defineError('pings.token.invalid', 404, (l) => pingsMessages(l)('pings.error.invalid'));

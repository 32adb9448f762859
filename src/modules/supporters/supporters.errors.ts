import { defineError } from '../../app/http/errors.js';
import { formatDate } from '../../app/i18n/i18n.js';
import { supporterMessages } from './supporters.messages.js';

export const supporterNotFound = defineError<{ slug: string }>('supporters.not-found', 404, (locale, { slug }) =>
  supporterMessages(locale)('supporters.not-found', { slug }),
);

export const importInvalid = defineError<{ errors: number }>('supporters.import.invalid', 422, (locale, { errors }) =>
  supporterMessages(locale)('supporters.import.invalid', { errors }),
);

/**
 * A withdrawn entry answers 410 Gone with its public record: who left and when (no reason, nothing personal). `on` is
 * the ISO date; the message reads it as a date in the reader's language ("3 mars 2024"), never as `2024-03-03`.
 */
export const supporterWithdrawn = defineError<{ name: string; on: string }>('supporters.withdrawn', 410, (locale, { name, on }) =>
  supporterMessages(locale)('supporters.withdrawn', { name, on: formatDate(locale, on) }),
);

import { defineError } from '../../../app/http/errors.js';
import { NormsSourceError } from '../io/norms.source.js';
import { practiceImportMessages } from './imports.messages.js';

export const practiceSourceInvalid = defineError<{ where: string; problem: string }>('norms.practices.source.invalid', 422, (l, p) =>
  practiceImportMessages(l)('error.source.invalid', p),
);

/** A source that does not read (`NormsSourceError`, with its file and line) as the import's error; anything else as it is. */
export function asPracticeImportError(error: unknown): unknown {
  return error instanceof NormsSourceError ? practiceSourceInvalid({ where: error.where, problem: error.problem }) : error;
}

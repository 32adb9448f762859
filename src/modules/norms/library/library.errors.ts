import { defineError, type FieldIssue } from '../../../app/http/errors.js';
import { libraryMessages } from './library.messages.js';

export const practiceNotFound = defineError('norms.practice.not-found', 404, (l) => libraryMessages(l)('error.practice.notFound'));

/** A `supporter` filter naming no registry entry: a 400 whose issue names the field. */
export const unknownSupporterFilter = (slugs: string[], issue: FieldIssue) =>
  defineError<{ slugs: string }>('norms.library.unknown-supporter', 400, (l, p) => libraryMessages(l)('error.supporter.unknown', p))({ slugs: slugs.join(', ') }, [issue]);

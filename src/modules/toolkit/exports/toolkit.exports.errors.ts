/** Errors of the toolkit's read API and downloads, with stable dotted codes and messages from the module's catalog. */
import { defineError } from '../../../app/http/errors.js';
import { toolkitMessages } from '../toolkit.messages.js';

export const frameworkNotFound = defineError<{ key: string }>('toolkit.framework.not-found', 404, (l, { key }) => toolkitMessages(l)('export.error.frameworkNotFound', { key }));

export const actionNotFound = defineError<{ code: string }>('toolkit.action.not-found', 404, (l, { code }) => toolkitMessages(l)('export.error.actionNotFound', { code }));

/** No published layer yet (a database whose toolkit was never loaded): nothing to list or download. */
export const datasetNotLoaded = defineError('toolkit.dataset.not-loaded', 404, (l) => toolkitMessages(l)('export.error.notLoaded'));

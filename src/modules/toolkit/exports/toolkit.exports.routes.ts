/** Every route of the toolkit's exports: the read API beyond the two lists, the downloads and their page. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app/context.js';
import { registerToolkitExportsApi } from './toolkit.exports.api.js';
import { registerToolkitDownloadFiles } from './toolkit.exports.files.js';
import { registerToolkitDownloadsPage } from './toolkit.exports.pages.js';

export async function registerToolkitExports(app: FastifyInstance, context: AppContext): Promise<void> {
  await registerToolkitExportsApi(app, context);
  await registerToolkitDownloadFiles(app, context);
  await registerToolkitDownloadsPage(app, context);
}

/** Every route of the practice library (its API, pages, downloads and feed), registered by the norms module. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app/context.js';
import { registerLibraryApi } from './library.api.js';
import { registerLibraryPages } from './library.pages.js';

export { libraryAccess } from './library.access.js';

export async function registerLibrary(app: FastifyInstance, context: AppContext): Promise<void> {
  await registerLibraryApi(app, context);
  await registerLibraryPages(app, context);
}

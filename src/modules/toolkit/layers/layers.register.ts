import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app/context.js';
import { registerLayersAccountSection } from './layers.account.js';
import { registerLayersApi } from './layers.api.js';
import { registerLayerPages } from './layers.pages.js';
import { registerLayerSecretariatPages } from './layers.secretariat.js';

/** Curated layers: their API, public and contribution pages, the secretariat's pages, the account page's links. */
export async function registerLayers(app: FastifyInstance, context: AppContext): Promise<void> {
  await registerLayersApi(app, context);
  await registerLayerPages(app, context);
  await registerLayerSecretariatPages(app, context);
  registerLayersAccountSection();
}

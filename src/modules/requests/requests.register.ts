import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { registerPrivacyPart } from '../../app/privacy/privacy.js';
import { registerRequestsApi } from './requests.api.js';
import { registerRequestPages } from './requests.pages.js';
import { requestsPrivacyPart } from './requests.privacy.js';

/** The requests' API and pages, and their privacy part. */
export async function registerRequests(app: FastifyInstance, context: AppContext): Promise<void> {
  registerPrivacyPart(requestsPrivacyPart);
  await registerRequestsApi(app, context);
  await registerRequestPages(app, context);
}

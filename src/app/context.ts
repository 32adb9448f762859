import type { Config } from './config/config.js';
import type { DatabaseHandle } from './database/database.js';
import type { EventBus } from './events/events.js';
import type { ResponseCache } from './http/response-cache.js';

/** What every module receives from the composition root. */
export interface AppContext {
  config: Config;
  database: DatabaseHandle;
  events: EventBus;
  cache: ResponseCache;
}

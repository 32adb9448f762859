/**
 * What the applications module's use cases are given, and what a use case behind an e-mailed link returns. Apart from
 * the use cases so that the files they call (claims, confirmation) can name them without importing them back.
 */
import type { Config } from '../../app/config/config.js';
import type { Database } from '../../app/database/database.js';
import type { EventBus } from '../../app/events/events.js';

export interface ApplicationsDeps {
  db: Database;
  events: EventBus;
  config: Config;
}

/** A link's outcome: `ok` with what it led to, or why it no longer works. */
export type TokenOutcome<T> = ({ status: 'ok' } & T) | { status: 'expired' | 'used' | 'invalid' };

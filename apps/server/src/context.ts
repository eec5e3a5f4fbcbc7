import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import type { Secrets } from './lib/secrets.ts';
import type { EventBus } from './modules/events/bus.ts';
import type { Jobs } from './jobs/queue.ts';

/** What every module gets: configuration, the database, derived secrets, jobs and the event bus. */
export interface AppContext {
  config: Config;
  database: Database;
  secrets: Secrets;
  events: EventBus;
  jobs: Jobs | null;
}

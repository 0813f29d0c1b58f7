/**
 * Outbox-dispatcher-only entry (`npm run cluster` runs one): delivers the outbox to the portal,
 * SMS and e-mail. Several may run side by side: each claims its batch with FOR UPDATE SKIP LOCKED
 * (integrations/dispatcher.ts). Needs DATABASE_URL (PostgreSQL, already migrated).
 */
import { loadEnv } from '../config/env';
import { openDb } from '../db/client';
import { createDispatcher } from '../integrations';
import { createLogger } from '../runtime/logger';
import { stopOnSignals } from '../runtime/stop-signals';

const env = loadEnv();
const log = createLogger(env.LOG_LEVEL);
if (!env.DATABASE_URL) {
  log.fatal('scripts/dispatcher.ts needs DATABASE_URL (PostgreSQL)');
  process.exit(1);
}
const dbh = openDb({ databaseUrl: env.DATABASE_URL, max: 4 });
const dispatcher = createDispatcher(env, dbh, log).start();
log.info({ channels: dispatcher.configuredChannels }, 'outbox dispatcher running');
stopOnSignals(log, async () => {
  await dispatcher.stop();
  await dbh.close();
}, 15_000);

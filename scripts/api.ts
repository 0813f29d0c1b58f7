/**
 * API-only entry, one of the N processes `npm run cluster` runs on one port (node's cluster
 * module): the HTTP API and the start sweep, no worker, no outbox dispatcher, no migrations (the
 * cluster's primary has run them). Needs DATABASE_URL and TEMPORAL_ADDRESS.
 */
import { loadEnv } from '../config/env';
import { EXIT_MARGIN_MS } from '../runtime/bounded-stop';
import { stopOnSignals } from '../runtime/stop-signals';
import { startSystem } from '../runtime/system';

const env = loadEnv();
if (!env.DATABASE_URL || !env.TEMPORAL_ADDRESS) {
  console.error('scripts/api.ts needs DATABASE_URL (PostgreSQL) and TEMPORAL_ADDRESS; use `npm start` for the all-in-one system');
  process.exit(1);
}
const system = await startSystem(env, { worker: false, prepare: false });
stopOnSignals(system.log, () => system.stop(), env.SHUTDOWN_FORCE_MS + EXIT_MARGIN_MS);

import type { Env } from '../config/env';

/** The three kinds of motcua process in production, and the entry each runs (docs/production.md). */
export const PROCESS_ENTRIES = { api: 'scripts/api.ts', worker: 'scripts/worker.ts', dispatcher: 'scripts/dispatcher.ts' } as const;
export type ProcessRole = keyof typeof PROCESS_ENTRIES;

type EnvName = keyof Env & string;

/**
 * The environment `npm run cluster` gives a process of each role: where the database and Temporal
 * are, and that only the dispatcher delivers the outbox. docker-compose.yml sets the same names
 * (test/unit/compose.test.ts compares the two).
 */
export function clusterProcessEnv(role: ProcessRole, at: { databaseUrl: string; temporalAddress: string; namespace: string; port: number }): Partial<Record<EnvName, string>> {
  return {
    DATABASE_URL: at.databaseUrl,
    TEMPORAL_ADDRESS: at.temporalAddress,
    TEMPORAL_NAMESPACE: at.namespace,
    ...(role === 'api' ? { PORT: String(at.port) } : {}),
    OUTBOX_DISPATCHER: role === 'dispatcher' ? 'on' : 'off',
  };
}

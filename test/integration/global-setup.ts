import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { ensureTemporalTools, freePort, startDevServer, type DevServer } from '../../temporal/dev-server';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    databaseUrl: string;
  }
}

const DEFAULT_PG = 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

/**
 * Real services for the integration suites: a Temporal dev server (its own SQLite file) and a
 * fresh database on the PostgreSQL server at TEST_DATABASE_URL (`bash scripts/start-postgres.sh`
 * starts one and prints its URL).
 */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_PG;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin`select 1`;
  } catch (err) {
    await admin.end();
    throw new Error(`PostgreSQL is not reachable at ${adminUrl} (${(err as Error).message}). Start it with: bash scripts/start-postgres.sh`, { cause: err });
  }
  const dbName = `motcua_test_${process.pid}_${Date.now()}`;
  await admin.unsafe(`create database ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;

  let devServer: DevServer | undefined;
  let address = process.env.TEMPORAL_ADDRESS;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-it-'));
  if (!address) {
    const { cli } = ensureTemporalTools({ testServer: false });
    devServer = await startDevServer({ cli, port: await freePort(), dbFile: path.join(dir, 'temporal.db') });
    address = devServer.address;
  }
  project.provide('temporalAddress', address);
  project.provide('databaseUrl', url.toString());

  return async () => {
    await devServer?.stop();
    await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => {});
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  };
}

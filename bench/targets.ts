/**
 * What the bench measures against: the dev-server stack (`npm start`'s shape: one process with the
 * API and the worker, the Temporal CLI's dev server on SQLite) or the production rehearsal
 * (`npm run cluster`: temporal-server on PostgreSQL, N API and M worker processes;
 * docs/production.md). Both get a worker for the no-op baseline workflow on the same server.
 */
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { connectClient } from '../temporal/connect';
import { startCluster } from '../test/support/cluster';
import { ADMIN_PG, recreateDatabase, spawnStack, startTemporal, type StackChild } from './lib';

export interface Target {
  /** 'dev' or 'cluster', and its shape in words for the report. */
  label: 'dev' | 'cluster';
  shape: string;
  stack: StackChild;
  temporal: Client;
  temporalAddress: string;
  databaseUrl: string;
  /** The processes of the stack under test and the databases it uses, for bench/cpu-meter.ts. */
  processRoots: number[];
  databases: string[];
  stop(): Promise<void>;
}

export async function devTarget(dir: string, dbName: string): Promise<Target> {
  const databaseUrl = await recreateDatabase(dbName);
  const server = await startTemporal(path.join(dir, 'temporal.db'));
  const stack = await spawnStack({ DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: server.address, MOTCUA_DATA_DIR: dir }, { worker: true, noopWorker: true });
  const temporal = await connectClient(server.address);
  return {
    label: 'dev',
    shape: 'one process (API + worker), Temporal CLI dev server (SQLite)',
    stack,
    temporal,
    temporalAddress: server.address,
    databaseUrl,
    processRoots: [stack.child.pid!, server.process.pid!],
    databases: [dbName],
    async stop() {
      await temporal.connection.close();
      await stack.stop();
      await server.stop();
    },
  };
}

export async function clusterTarget(apis: number, workers: number): Promise<Target> {
  const cluster = await startCluster(ADMIN_PG, ['--api', String(apis), '--workers', String(workers)]);
  try {
    if (!cluster.temporalAddress) throw new Error(`the cluster did not say where its Temporal is:\n${cluster.output().slice(-2000)}`);
    const noop = await spawnStack({ DATABASE_URL: cluster.databaseUrl, TEMPORAL_ADDRESS: cluster.temporalAddress, BENCH_API: '0' }, { worker: false, noopWorker: true });
    const temporal = await connectClient(cluster.temporalAddress);
    const dbName = new URL(cluster.databaseUrl).pathname.slice(1);
    const port = Number(new URL(cluster.baseUrl).port);
    return {
      label: 'cluster',
      shape: `npm run cluster -- --api ${apis} --workers ${workers} (temporal-server 1.29.1 on PostgreSQL)`,
      stack: { child: cluster.process, port, base: `${cluster.baseUrl}/api`, stop: async () => void (await cluster.stop()) },
      temporal,
      temporalAddress: cluster.temporalAddress,
      databaseUrl: cluster.databaseUrl,
      processRoots: [cluster.process.pid!, noop.child.pid!],
      // The cluster's Temporal keeps its persistence and visibility beside the app's database (scripts/cluster.ts).
      databases: [dbName, `${dbName}_temporal`, `${dbName}_temporal_visibility`],
      async stop() {
        await temporal.connection.close();
        await noop.stop();
        await cluster.stop();
        await cluster.dropDatabases();
      },
    };
  } catch (err) {
    await cluster.stop();
    await cluster.dropDatabases();
    throw err;
  }
}

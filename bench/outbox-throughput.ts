/**
 * One-off measurement (not part of `npm run bench`) of the outbox dispatcher's throughput: inserts N pending messages, runs
 * the dispatcher against a local HTTP receiver (test/support/local-receiver.ts) and times the
 * delivery. Two shapes: N dossiers with one message each (parallel within a batch), and a few
 * dossiers with many messages each (order per dossier serialises them).
 *
 *   npx tsx bench/outbox-throughput.ts [N] [batch]
 *
 * Uses PostgreSQL at DATABASE_URL (a scratch database is created and dropped) or, unset, an
 * embedded PGlite database in a temporary directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import pino from 'pino';
import postgres from 'postgres';
import { openDb, type DbHandle } from '../db/client';
import { outbox } from '../db/schema';
import { Dispatcher } from '../integrations/dispatcher';
import { portalAdapter } from '../integrations/portal-adapter';
import { startHttpReceiver } from '../test/support/local-receiver';

const N = Number(process.argv[2] ?? 2000);
const BATCH = Number(process.argv[3] ?? 50);
const log = pino({ level: 'silent' });

async function openScratch(): Promise<{ dbh: DbHandle; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-outbox-'));
    const dbh = openDb({ dataDir: dir });
    return { dbh, cleanup: async () => void rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const name = `motcua_outbox_bench_${process.pid}`;
  await admin.unsafe(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const dbh = openDb({ databaseUrl: u.toString() });
  return {
    dbh,
    cleanup: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

async function run(dbh: DbHandle, label: string, dossiers: number, perDossier: number) {
  const receiver = await startHttpReceiver();
  await dbh.db.delete(outbox);
  const rows = [];
  for (let d = 0; d < dossiers; d++) {
    for (let s = 1; s <= perDossier; s++) {
      const code = `BENCH-${d}`;
      rows.push({ id: `${code}:${s}:portal`, dossierCode: code, eventSeq: s, channel: 'portal', payload: { dossierCode: code, eventSeq: s, statusCode: 4 } });
    }
  }
  for (let i = 0; i < rows.length; i += 500) await dbh.db.insert(outbox).values(rows.slice(i, i + 500));
  const dispatcher = new Dispatcher({
    db: dbh.db,
    kind: dbh.kind,
    adapters: { portal: portalAdapter({ baseUrl: receiver.url, timeoutMs: 5000 }) },
    log,
    pollMs: 20,
    batch: BATCH,
  });
  const t0 = performance.now();
  dispatcher.start();
  for (;;) {
    const [left] = await dbh.db.select({ n: count() }).from(outbox).where(eq(outbox.status, 'pending'));
    if (left!.n === 0) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  const seconds = (performance.now() - t0) / 1000;
  await dispatcher.stop();
  await receiver.close();
  const total = dossiers * perDossier;
  const ordered = [...receiver.accepted.values()].every((r, i, all) => {
    const prev = all.slice(0, i).findLast((x) => x.body.dossierCode === r.body.dossierCode);
    return !prev || (prev.body.eventSeq as number) < (r.body.eventSeq as number);
  });
  console.log(
    `${label.padEnd(34)} ${String(total).padStart(6)} messages in ${seconds.toFixed(2)} s = ${(total / seconds).toFixed(0)} msg/s` +
      ` (accepted ${receiver.accepted.size}, duplicates ${receiver.duplicates}, in order per dossier: ${total > 5000 ? 'not checked' : ordered})`,
  );
}

const { dbh, cleanup } = await openScratch();
try {
  await dbh.migrate();
  console.log(`outbox throughput, ${dbh.kind}, batch ${BATCH}, local HTTP receiver on 127.0.0.1`);
  await run(dbh, `${N} dossiers × 1 message`, N, 1);
  await run(dbh, `20 dossiers × ${Math.round(N / 20)} messages (ordered)`, 20, Math.round(N / 20));
} finally {
  await dbh.close();
  await cleanup();
}

/**
 * Scenario 1 — submission throughput: N concurrent citizens POST /api/dossiers (each answer
 * comes once the dossier is recorded in PostgreSQL and its workflow started), against two
 * baselines in the same run: (a) a bare client.workflow.start of a no-op workflow on the same
 * dev server (its no-op workflows run by a worker of their own meanwhile), taking turns with the
 * API run so both see the same machine; (b) a bare INSERT of a dossier row into PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import postgres from 'postgres';
import { alternating, api, APPLICANT, citizenTokens, closedLoop, log, type Stats, type StackChild } from '../lib';
import { NOOP_TASK_QUEUE } from '../noop.workflow';

export interface SubmissionResult {
  clients: number;
  seconds: number;
  api: Stats;
  noopStart: Stats;
  insert: Stats;
  ratioToNoopStart: number;
  ratioToInsert: number;
  firstErrors: string[];
}

export async function submissionScenario(o: { stack: StackChild; temporal: Client; databaseUrl: string; clients: number; seconds: number; rounds: number }): Promise<SubmissionResult> {
  const http = api(o.stack.base);
  const tokens = await citizenTokens(400, o.databaseUrl);
  const sql = postgres(o.databaseUrl, { max: 10, onnotice: () => {} });
  const communes = (await sql<{ code: string }[]>`select code from agencies where kind = 'commune' order by code`).map((r) => r.code);
  const { body: procedure } = await http.call<{ example: Record<string, unknown> }>('GET', '/procedures/1.001193');
  const submit = async (i: number) => {
    const agencyCode = communes[i % communes.length]!;
    const r = await http.call('POST', '/dossiers', {
      token: tokens[i % tokens.length],
      headers: { 'idempotency-key': `bench-${randomUUID()}` },
      body: { procedureCode: '1.001193', agencyCode, channel: 'online', applicant: APPLICANT, form: procedure.example },
    });
    if (r.status !== 201) throw new Error(`status ${r.status}`);
  };

  log(`submission: warm-up`);
  await closedLoop(o.clients, 3, (_c, i) => submit(i), o.clients * 2);
  await closedLoop(o.clients, 3, () => o.temporal.workflow.start('noopWorkflow', { taskQueue: NOOP_TASK_QUEUE, workflowId: `noop-${randomUUID()}` }).then(() => {}), o.clients * 2);

  log(`submission: POST /api/dossiers and (a) workflow.start(noop) taking turns, ${o.rounds} rounds, ${o.clients} clients, ${o.seconds} s each in all`);
  const noop = () => ({ taskQueue: NOOP_TASK_QUEUE, workflowId: `noop-${randomUUID()}` });
  const turns = await alternating(o.rounds, o.clients, o.seconds, {
    api: (_c, i) => submit(i + 1000),
    noopStart: async () => void (await o.temporal.workflow.start('noopWorkflow', noop())),
  });
  const { api: apiStats, noopStart } = turns;

  log(`submission: baseline (b) bare INSERT of a dossier row`);
  await sql`drop table if exists bench_insert`;
  await sql`create table bench_insert (like dossiers including all)`;
  const [row] = await sql`select * from dossiers order by created_at desc limit 1`;
  if (!row) throw new Error('no dossier recorded by the API run');
  let seq = 0;
  const cols = Object.keys(row);
  const isJson = (v: unknown) => v !== null && typeof v === 'object' && !(v instanceof Date);
  const text = `insert into bench_insert (${cols.map((c) => `"${c}"`).join(', ')}) values (${cols.map((c, i) => `$${i + 1}${isJson(row[c]) ? '::jsonb' : ''}`).join(', ')})`;
  const insert = await closedLoop(o.clients, o.seconds, async () => {
    const values = cols.map((c) => (c === 'code' ? `B-${process.pid}-${seq++}` : isJson(row[c]) ? row[c] : row[c] instanceof Date ? (row[c] as Date).toISOString() : row[c]));
    await sql.unsafe(text, values as never[]);
  });
  await sql`drop table bench_insert`;
  await sql.end();

  return {
    clients: o.clients,
    seconds: o.seconds,
    api: strip(apiStats),
    noopStart: strip(noopStart),
    insert: strip(insert),
    ratioToNoopStart: apiStats.perSecond / noopStart.perSecond,
    ratioToInsert: apiStats.perSecond / insert.perSecond,
    firstErrors: [...apiStats.firstErrors, ...noopStart.firstErrors, ...insert.firstErrors],
  };
}

export function strip<T extends Stats>(s: T): Stats {
  const { n, errors, seconds, perSecond, p50, p95, p99, max } = s;
  return { n, errors, seconds, perSecond, p50, p95, p99, max };
}

/**
 * Scenario 3 — lists at scale: N dossiers (+ their audit events) generated straight into
 * PostgreSQL with generate_series, spread over the 99 communes and the departments, all statuses
 * and due dates; then the screens people look at, 20 concurrent clients each, through the API:
 * a commune officer's "my work", the province supervisor's overdue list, a dossier page, and
 * /api/stats/summary. The SQL each screen runs is captured from the API's own database client
 * (postgres.js `debug` hook) and EXPLAIN ANALYZEd; a Seq Scan on dossiers fails the scenario.
 * The summary is cached per scope for 30 s (api/routes/stats.routes.ts), so its latencies are
 * mostly cache hits; its EXPLAIN, run on the SQL a cold cache sends, gives the cost of a miss.
 */
import type { Server } from 'node:http';
import type { Client } from '@temporalio/client';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { AgencyDirectory } from '../../api/agency-directory';
import { createApp } from '../../api/app';
import { ProcedureVersions } from '../../api/procedure-versions';
import type { Env } from '../../config/env';
import type { Db, DbHandle } from '../../db/client';
import { localChangeFeed } from '../../db/change-feed';
import * as schema from '../../db/schema';
import { createLogger } from '../../runtime/logger';
import { PROCEDURES } from '../../procedures';
import { api, closedLoop, log, now, type Stats, type StackChild } from '../lib';
import { strip } from './submission';

export interface QueryReport {
  name: string;
  request: string;
  stats: Stats;
  plans: { sql: string; params: unknown[]; plan: string; seqScanOnDossiers: boolean; ms: number }[];
  seqScan: boolean;
}

export interface ListsResult {
  dossiers: number;
  events: number;
  loadSeconds: number;
  analyzeSeconds: number;
  tableMiB: number;
  clients: number;
  seconds: number;
  queries: QueryReport[];
  pass: boolean;
  baselinePkLookup: Stats;
}

const FINAL = `('DELIVERED','REJECTED','NOT_ACCEPTED','WITHDRAWN','CANCELLED')`;

async function load(sql: postgres.Sql, total: number) {
  const communeLevel = PROCEDURES.filter((p) => p.level === 'commune');
  const provinceLevel = PROCEDURES.filter((p) => p.level === 'province');
  const pc = communeLevel.map((p) => p.code);
  const pf = communeLevel.map((p) => p.fee.counter);
  const pp = provinceLevel.map((p) => p.code);
  const chunk = 50_000;
  const chunks: [number, number][] = [];
  for (let lo = 1; lo <= total; lo += chunk) chunks.push([lo, Math.min(total, lo + chunk - 1)]);
  // Two loaders (one per core): generating rows and md5 hashes is CPU work in PostgreSQL.
  let next = 0;
  const loader = async () => {
    for (let k = next++; k < chunks.length; k = next++) {
      const [lo, hi] = chunks[k]!;
      await loadChunk(lo, hi);
    }
  };
  await Promise.all([loader(), loader()]);

  async function loadChunk(lo: number, hi: number) {
    await sql.unsafe(
      `
with a as (
  select (select array_agg(code order by code) from agencies where kind = 'commune') c,
         (select array_agg(code order by code) from agencies where kind = 'department') d
), g as (
  select i, r1, r4, r5, x.recv, x.prov, s.status, t.created,
         case when x.prov then a.d[1 + floor(r5 * array_length(a.d, 1))::int] else x.recv end as agency,
         case when x.prov then ($3::text[])[1 + i % array_length($3::text[], 1)] else ($1::text[])[1 + i % array_length($1::text[], 1)] end as pcode,
         case when x.prov then 0 else ($2::int[])[1 + i % array_length($2::int[], 1)] end as fee
  from a, (select i, random() r1, random() r2, random() r3, random() r4, random() r5 from generate_series($4::int, $5::int) i) r,
  lateral (select case when r2 < 0.04 then '02647' else a.c[1 + floor(power(r2, 1.6) * array_length(a.c, 1))::int] end as recv,
                  r3 < 0.15 as prov) x,
  lateral (select case
      when r1 < 0.78 then 'DELIVERED' when r1 < 0.84 then 'REJECTED' when r1 < 0.87 then 'NOT_ACCEPTED'
      when r1 < 0.89 then 'WITHDRAWN' when r1 < 0.90 then 'CANCELLED' when r1 < 0.91 then 'SUBMITTED'
      when r1 < 0.93 then 'RECEIVED' when r1 < 0.96 then 'IN_REVIEW' when r1 < 0.97 then 'NEEDS_SUPPLEMENT'
      when r1 < 0.975 then 'AWAITING_PAYMENT' when r1 < 0.99 then 'AWAITING_APPROVAL' else 'RESULT_READY' end as status) s,
  lateral (select case when s.status in ${FINAL} then now() - interval '20 days' - r4 * interval '710 days'
                       else now() - r4 * interval '25 days' end as created) t
), d as (
  select g.*, recv || '-' || to_char(created, 'YYMMDD') || '-' || lpad(i::text, 7, '0') as code,
         'Người nộp ' || i as name,
         case when status in ('SUBMITTED') then null else created + (1 + floor(r5 * 14)::int) * interval '1 day' end as due,
         case status when 'SUBMITTED' then 1 when 'RECEIVED' then 2 when 'NOT_ACCEPTED' then 2 when 'WITHDRAWN' then 2
           when 'IN_REVIEW' then 3 when 'NEEDS_SUPPLEMENT' then 4 when 'AWAITING_PAYMENT' then 4 when 'AWAITING_APPROVAL' then 4
           when 'REJECTED' then 4 when 'CANCELLED' then 4 when 'RESULT_READY' then 5 else 6 end as seqs
  from g
), ins as (
  insert into dossiers (code, procedure_code, status, channel, applicant_name, applicant_id_number, applicant_phone,
    applicant_address, form, receiving_agency_code, agency_code, assignee_id, received_at, due_at, stage_due_at, finished_at,
    fee, paid, paid_online, rating, state, last_seq, search_text, created_at, updated_at)
  select code, pcode, status, case when r4 < 0.6 then 'online' else 'counter' end, name,
    lpad(i::text, 12, '0'), '09' || lpad((i % 100000000)::text, 8, '0'),
    'Thôn ' || (i % 300) || ', tỉnh Lào Cai',
    jsonb_build_object('fullName', name, 'birthDate', '1990-01-01', 'address', 'Thôn ' || (i % 300) || ', tỉnh Lào Cai', 'note', 'bench'),
    recv, agency,
    case when status in ('IN_REVIEW', 'AWAITING_APPROVAL', 'NEEDS_SUPPLEMENT') then 'u-bench-' || (i % 7) end,
    case when status not in ('SUBMITTED', 'NOT_ACCEPTED') then created + interval '1 hour' end,
    due, due,
    case when status in ${FINAL} then created + (due - created) * (r5 * 1.25) end,
    fee, fee > 0 and seqs >= 5, fee > 0 and seqs >= 5 and r4 < 0.6,
    case when status = 'DELIVERED' and r5 < 0.4 then 1 + (i % 5) end,
    jsonb_build_object('code', code, 'status', status, 'seq', seqs, 'agencyCode', agency, 'receivingAgencyCode', recv,
      'shares', jsonb_build_array(jsonb_build_object('agencyCode', agency, 'enteredAt', (extract(epoch from created) * 1000)::bigint,
        'leftAt', null, 'dueAt', (extract(epoch from due) * 1000)::bigint))),
    seqs, lower(code || ' nguoi nop ' || i), created, created + interval '2 hours'
  from d
  returning code, last_seq, agency_code, status, created_at
)
insert into dossier_events (id, dossier_code, seq, type, actor_id, actor_role, actor_agency_code, agency_code,
  from_status, to_status, data, at, prev_hash, hash)
select ins.code || '#' || s, ins.code, s,
  (array['submit','receive','assign','verify','approve','deliver'])[s],
  case when s = 1 then 'u-citizen' else 'u-bench' end,
  case when s = 1 then 'citizen' else 'desk-officer' end,
  case when s = 1 then null else ins.agency_code end,
  ins.agency_code,
  case when s = 1 then null else (array['SUBMITTED','RECEIVED','IN_REVIEW','AWAITING_APPROVAL','RESULT_READY'])[s - 1] end,
  case when s = ins.last_seq then ins.status else (array['SUBMITTED','RECEIVED','IN_REVIEW','AWAITING_APPROVAL','RESULT_READY','DELIVERED'])[s] end,
  '{}'::jsonb, ins.created_at + s * interval '1 hour',
  md5(ins.code || (s - 1)) || md5((s - 1) || ins.code), md5(ins.code || s) || md5(s || ins.code)
from ins, generate_series(1, ins.last_seq) s`,
      [pc, pf, pp, lo, hi] as never[],
    );
    if ((hi / chunk) % 4 === 0 || hi === total) log(`lists: loaded up to ${hi.toLocaleString('en')} / ${total.toLocaleString('en')} dossiers`);
  }
}

/** A second API in this process, on the same database, whose client records every statement. */
async function tracingApp(databaseUrl: string, temporal: Client, env: Env) {
  const captured: { query: string; params: unknown[] }[] = [];
  const client = postgres(databaseUrl, {
    max: 4,
    onnotice: () => {},
    debug: (_conn: number, query: string, params: unknown[]) => captured.push({ query, params }),
  });
  const db = drizzle(client, { schema }) as unknown as Db;
  const dbh: DbHandle = { db, kind: 'postgres', changes: localChangeFeed(), migrate: async () => {}, ping: async () => true, close: () => client.end() };
  const agencies = new AgencyDirectory(db);
  await agencies.reload();
  const procedures = new ProcedureVersions(db);
  await procedures.reload();
  const app = createApp({ dbh, temporal, env, log: createLogger('warn'), agencies, procedures });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const port = (server.address() as { port: number }).port;
  return {
    base: `http://127.0.0.1:${port}/api`,
    captured,
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections?.();
      await client.end();
    },
  };
}

export async function listsScenario(o: {
  stack: StackChild;
  temporal: Client;
  env: Env;
  databaseUrl: string;
  dossiers: number;
  clients: number;
  seconds: number;
}): Promise<ListsResult> {
  // One connection: the session settings below (maintenance_work_mem) apply to every statement.
  const sql = postgres(o.databaseUrl, { max: 1, onnotice: () => {} });
  log(`lists: generating ${o.dossiers.toLocaleString('en')} dossiers and their events…`);
  const t0 = now();
  // Bulk-load practice: secondary indexes are dropped during the load and rebuilt after it
  // (sorted builds are several times faster than row-by-row maintenance, GIN trigram above all).
  const indexes = await sql<{ indexname: string; indexdef: string }[]>`
    select indexname, indexdef from pg_indexes
    where schemaname = 'public' and tablename in ('dossiers', 'dossier_events') and indexname not like '%_pkey'`;
  for (const ix of indexes) await sql.unsafe(`drop index "${ix.indexname}"`);
  const loaders = postgres(o.databaseUrl, { max: 2, onnotice: () => {} });
  await load(loaders, o.dossiers);
  await loaders.end();
  log(`lists: rebuilding ${indexes.length} indexes`);
  await sql`set maintenance_work_mem = '256MB'`;
  for (const ix of indexes) await sql.unsafe(ix.indexdef);
  const loadSeconds = (now() - t0) / 1000;
  const t1 = now();
  await sql`vacuum analyze dossiers`;
  await sql`vacuum analyze dossier_events`;
  const analyzeSeconds = (now() - t1) / 1000;
  const [{ n: dossierCount }] = (await sql`select count(*)::int as n from dossiers`) as unknown as [{ n: number }];
  const [{ n: eventCount }] = (await sql`select count(*)::int as n from dossier_events`) as unknown as [{ n: number }];
  const [{ mib }] = (await sql`select (pg_total_relation_size('dossiers') / 1048576)::int as mib`) as unknown as [{ mib: number }];
  log(`lists: ${dossierCount} dossiers, ${eventCount} events, dossiers ${mib} MiB with indexes; loaded in ${loadSeconds.toFixed(0)} s`);

  const codes = (await sql<{ code: string }[]>`select code from dossiers where agency_code = '02647' order by random() limit 2000`).map((r) => r.code);
  if (codes.length === 0) throw new Error('the generated data has no dossier at 02647');
  const http = api(o.stack.base);
  const officer = await http.login('laocai.desk');
  const supervisor = await http.login('tinh.supervisor');
  const q = (x: unknown) => encodeURIComponent(JSON.stringify(x));
  const screens: { name: string; request: string; run: (i: number) => Promise<unknown>[] ; probe: (h: ReturnType<typeof api>) => Promise<unknown> }[] = [];
  const myWork = `/dossiers?filter=${q({ agencyCode: '02647', open: true })}&sort=${q(['dueAt', 'ASC'])}&range=${q([0, 24])}`;
  const overdue = `/dossiers?filter=${q({ overdue: true })}&sort=${q(['dueAt', 'ASC'])}&range=${q([0, 24])}`;
  screens.push({
    name: 'my work (commune officer)',
    request: `GET ${decodeURIComponent(myWork)} as laocai.desk`,
    run: () => [http.call('GET', myWork, { token: officer })],
    probe: (h) => h.call('GET', myWork, { token: officer }),
  });
  screens.push({
    name: 'overdue (province supervisor)',
    request: `GET ${decodeURIComponent(overdue)} as tinh.supervisor`,
    run: () => [http.call('GET', overdue, { token: supervisor })],
    probe: (h) => h.call('GET', overdue, { token: supervisor }),
  });
  screens.push({
    name: 'dossier page',
    request: 'GET /dossiers/:code + /dossiers/:code/events as laocai.desk',
    run: (i) => {
      const c = codes[i % codes.length]!;
      return [http.call('GET', `/dossiers/${c}`, { token: officer }), http.call('GET', `/dossiers/${c}/events`, { token: officer })];
    },
    probe: async (h) => {
      await h.call('GET', `/dossiers/${codes[0]}`, { token: officer });
      await h.call('GET', `/dossiers/${codes[0]}/events`, { token: officer });
    },
  });
  screens.push({
    name: 'stats summary (province)',
    request: 'GET /stats/summary as tinh.supervisor',
    run: () => [http.call('GET', '/stats/summary', { token: supervisor })],
    probe: (h) => h.call('GET', '/stats/summary', { token: supervisor }),
  });

  const tracer = await tracingApp(o.databaseUrl, o.temporal, o.env);
  const th = api(tracer.base);

  async function explainAll(): Promise<Map<string, QueryReport['plans']>> {
    const out = new Map<string, QueryReport['plans']>();
    for (const s of screens) {
      tracer.captured.length = 0;
      await s.probe(th);
      const stmts = tracer.captured.filter((c) => /"dossiers"|"dossier_events"/.test(c.query));
      const plans: QueryReport['plans'] = [];
      for (const st of stmts) {
        const rows = await sql.unsafe(`explain (analyze, buffers) ${st.query}`, st.params as never[]);
        const plan = rows.map((r) => (r as Record<string, string>)['QUERY PLAN']).join('\n');
        const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
        plans.push({ sql: st.query, params: st.params, plan, seqScanOnDossiers: /Seq Scan on dossiers\b/.test(plan), ms });
      }
      out.set(s.name, plans);
    }
    return out;
  }

  async function measure(): Promise<QueryReport[]> {
    const plans = await explainAll();
    const reports: QueryReport[] = [];
    for (const s of screens) {
      await closedLoop(o.clients, 1, async (_c, i) => void (await Promise.all(s.run(i))), o.clients * 2);
      log(`lists: ${s.name}, ${o.clients} clients, ${o.seconds} s`);
      const st = await closedLoop(o.clients, o.seconds, async (_c, i) => void (await Promise.all(s.run(i))));
      const p = plans.get(s.name) ?? [];
      reports.push({ name: s.name, request: s.request, stats: strip(st), plans: p, seqScan: p.some((x) => x.seqScanOnDossiers) });
    }
    return reports;
  }

  const queries = await measure();
  // In-run baseline: a primary-key lookup straight on PostgreSQL (no HTTP, no auth), same concurrency.
  const pk = postgres(o.databaseUrl, { max: 10, onnotice: () => {} });
  const baselinePkLookup = strip(await closedLoop(o.clients, Math.min(o.seconds, 5), async (_c, i) => void (await pk`select * from dossiers where code = ${codes[i % codes.length]!}`)));
  await pk.end();
  const pass = !queries.some((x) => x.seqScan);
  await tracer.close();
  await sql.end();
  return {
    dossiers: dossierCount,
    events: eventCount,
    loadSeconds: Math.round(loadSeconds),
    analyzeSeconds: Math.round(analyzeSeconds),
    tableMiB: mib,
    clients: o.clients,
    seconds: o.seconds,
    queries,
    pass,
    baselinePkLookup,
  };
}

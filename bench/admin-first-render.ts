/**
 * Back office: time to first render of My work with 10,000 dossiers in PostgreSQL.
 *
 *   npx tsx bench/admin-first-render.ts            (RUNS=5 DOSSIERS=10000 by default)
 *
 * Starts the real stack (Temporal dev server + PostgreSQL database motcua_render_bench, created
 * and dropped here; API + worker in this process, serving admin-ui/dist at /admin — build it
 * first), submits one real dossier at the counter of 02647 through the API, copies its row's
 * shape to generate DOSSIERS more with generate_series (commune 02647 and others, all statuses,
 * varied due dates), then in Debian's chromium, signed in as laocai.desk, opens the back office
 * cold (fresh context, empty cache) RUNS times and measures, with the page's own clock
 * (performance.now(), origin = navigation start), when the first My work row is in the DOM and
 * painted. Also reports the list request's time (Resource Timing, and the same request from Node)
 * and the JavaScript each screen downloads (raw and gzip-compressed bytes).
 * Prints figures only; nothing is asserted. Not part of `npm run bench` (it needs chromium and a
 * back-office build); it shares the bench's database, Temporal and HTTP helpers (bench/lib.ts).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import postgres from 'postgres';
import { loadEnv } from '../config/env';
import { startSystem, type System } from '../runtime/system';
import type { DevServer } from '../temporal/dev-server';
import { api, APPLICANT, dropDatabase, loadAvg, log, percentile, recreateDatabase, startTemporal, type Api } from './lib';

const DB_NAME = 'motcua_render_bench';
const DOSSIERS = Number(process.env.DOSSIERS ?? 10_000);
const RUNS = Number(process.env.RUNS ?? 5);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];
/** The first data row of My work's list. */
const ROW = '[data-testid="my-work"] table tbody tr';
const CONTEXT = { viewport: { width: 1440, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' } as const;

const load = () => loadAvg().join(' ');
const pct = (xs: number[], p: number) => percentile([...xs].sort((a, b) => a - b), p);
const ms = (x: number) => `${x.toFixed(0)} ms`;
const kb = (x: number) => `${(x / 1024).toFixed(1)} KiB`;

/** One real dossier through the API, then DOSSIERS rows shaped like it, straight into the table. */
async function seedDossiers(sql: postgres.Sql, http: Api) {
  const token = await http.login('laocai.desk');
  const { body: procedure } = await http.call<{ example: Record<string, unknown> }>('GET', '/procedures/1.001193', { token });
  const created = await http.call<{ code: string }>('POST', '/dossiers', {
    token,
    headers: { 'idempotency-key': `render-bench-${randomUUID()}` },
    body: {
      procedureCode: '1.001193',
      agencyCode: '02647',
      channel: 'counter',
      applicant: APPLICANT,
      form: procedure.example,
    },
  });
  const [row] = await sql`select code, status, state from dossiers where code = ${created.body.code}`;
  if (!row) throw new Error('the submitted dossier is not in the table');
  log(`template: ${row.code} ${row.status}; state keys: ${Object.keys(row.state as object).join(', ')}`);

  // 40 % at 02647 (the desk officer's commune), the rest over the other communes; statuses
  // spread over the open ones (60 %) and the final ones; due dates from 10 days late to 15 ahead.
  const t0 = performance.now();
  await sql.unsafe(
    `
with t as (select * from dossiers where code = $1),
     c as (select array_agg(code order by code) a from agencies where kind = 'commune' and code <> '02647'),
     g as (
  select i, random() r1, random() r2, random() r3,
         case when i % 5 < 2 then '02647' else c.a[1 + (i % array_length(c.a, 1))] end as agency
  from generate_series(1, $2::int) i, c
), d as (
  select g.*, agency || '-' || to_char(now() - r2 * interval '40 days', 'YYMMDD') || '-B' || lpad(i::text, 6, '0') as ncode,
    case when r1 < 0.15 then 'RECEIVED' when r1 < 0.35 then 'IN_REVIEW' when r1 < 0.42 then 'NEEDS_SUPPLEMENT'
         when r1 < 0.47 then 'AWAITING_PAYMENT' when r1 < 0.55 then 'AWAITING_APPROVAL' when r1 < 0.60 then 'RESULT_READY'
         when r1 < 0.90 then 'DELIVERED' when r1 < 0.96 then 'REJECTED' else 'WITHDRAWN' end as nstatus,
    now() - interval '10 days' + r3 * interval '25 days' as ndue,
    now() - r2 * interval '40 days' as ncreated
  from g
)
insert into dossiers (code, procedure_code, status, channel, applicant_name, applicant_id_number, applicant_phone,
  applicant_email, applicant_address, applicant_user_id, form, receiving_agency_code, agency_code, assignee_id,
  received_at, due_at, stage_due_at, finished_at, fee, paid, paid_online, rating, state, last_seq, search_text,
  created_at, updated_at)
select d.ncode, t.procedure_code, d.nstatus, t.channel, 'Người nộp ' || d.i, lpad(d.i::text, 12, '0'), t.applicant_phone,
  t.applicant_email, t.applicant_address, t.applicant_user_id, t.form, d.agency, d.agency,
  case when d.nstatus in ('IN_REVIEW', 'AWAITING_APPROVAL', 'NEEDS_SUPPLEMENT') and d.i % 3 = 0 then (select id from users where username = 'laocai.specialist') end,
  d.ncreated, d.ndue, d.ndue,
  case when d.nstatus in ('DELIVERED', 'REJECTED', 'WITHDRAWN') then d.ncreated + interval '3 days' end,
  t.fee, t.paid, t.paid_online, t.rating,
  t.state || jsonb_build_object(
    'code', d.ncode, 'status', d.nstatus, 'agencyCode', d.agency, 'receivingAgencyCode', d.agency,
    'receivedAt', (extract(epoch from d.ncreated) * 1000)::bigint,
    'dueAt', (extract(epoch from d.ndue) * 1000)::bigint, 'stageDueAt', (extract(epoch from d.ndue) * 1000)::bigint,
    'finishedAt', case when d.nstatus in ('DELIVERED', 'REJECTED', 'WITHDRAWN') then (extract(epoch from d.ncreated + interval '3 days') * 1000)::bigint end,
    'shares', jsonb_build_array(jsonb_build_object('agencyCode', d.agency, 'enteredAt', (extract(epoch from d.ncreated) * 1000)::bigint,
      'leftAt', null, 'dueAt', (extract(epoch from d.ndue) * 1000)::bigint))),
  t.last_seq, lower(d.ncode || ' nguoi nop ' || d.i), d.ncreated, d.ncreated
from d, t`,
    [row.code, DOSSIERS] as never[],
  );
  await sql`vacuum analyze dossiers`;
  const [{ total, here, open }] = (await sql`
    select count(*)::int total, count(*) filter (where agency_code = '02647')::int here,
           count(*) filter (where agency_code = '02647' and finished_at is null)::int open from dossiers`) as unknown as [{ total: number; here: number; open: number }];
  log(`inserted ${DOSSIERS} dossiers in ${ms(performance.now() - t0)}: ${total} in the table, ${here} at 02647, ${open} of them open`);
  return token;
}

/** JavaScript the page downloads while `action` runs: raw bytes and gzip-compressed bytes. */
async function jsLoaded(page: Page, action: () => Promise<void>) {
  const files: { url: string; raw: number; gz: number }[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (res) => {
    const url = res.url();
    if (!/\.m?js(\?|$)/.test(url) && !(res.headers()['content-type'] ?? '').includes('javascript')) return;
    pending.push(res.body().then((b) => void files.push({ url: url.replace(/^https?:\/\/[^/]+/, ''), raw: b.length, gz: gzipSync(b).length }), () => {}));
  });
  await action();
  await Promise.all(pending);
  return { files, raw: files.reduce((s, f) => s + f.raw, 0), gz: files.reduce((s, f) => s + f.gz, 0) };
}

/**
 * Watches the DOM from the first script on: when the first row appears, and the frame after it.
 * A string, not a function: tsx (esbuild keepNames) would wrap a function's inner names in a
 * `__name` helper that does not exist in the page.
 */
const WATCH = (selector: string) => `(() => {
  const check = () => {
    if (window.__row === undefined && document.querySelector(${JSON.stringify(selector)})) {
      window.__row = performance.now();
      requestAnimationFrame(() => setTimeout(() => (window.__painted = performance.now()), 0));
      obs.disconnect();
    }
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { childList: true, subtree: true });
})();`;

async function main() {
  const dbUrl = await recreateDatabase(DB_NAME);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-render-'));
  let devServer: DevServer | undefined;
  let system: System | undefined;
  let browser: Browser | undefined;
  let sql: postgres.Sql | undefined;
  try {
    if (!existsSync('admin-ui/dist/index.html')) throw new Error('build the back office first: npm run build:admin');
    log(`load average at start: ${load()}`);
    devServer = await startTemporal(path.join(dir, 'temporal.db'));
    const env = loadEnv({
      NODE_ENV: 'test',
      PORT: '0',
      DATABASE_URL: dbUrl,
      TEMPORAL_ADDRESS: devServer.address,
      LOG_LEVEL: 'warn',
      MOTCUA_DATA_DIR: path.join(dir, 'data'),
      OUTBOX_DISPATCHER: 'off',
    });
    system = await startSystem(env);
    const base = `http://127.0.0.1:${system.port}`;
    sql = postgres(dbUrl, { max: 1, onnotice: () => {} });
    const http = api(`${base}/api`);
    const token = await seedDossiers(sql, http);

    // The list request My work makes (same filter, sort and page size), from Node.
    const q = `/dossiers?filter=${encodeURIComponent(JSON.stringify({ agencyCode: '02647', open: true }))}&sort=${encodeURIComponent(JSON.stringify(['dueAt', 'ASC']))}&range=${encodeURIComponent(JSON.stringify([0, 499]))}`;
    const apiTimes: number[] = [];
    let rows = 0;
    for (let i = 0; i < RUNS + 1; i++) {
      const t = performance.now();
      const r = await http.call<unknown[]>('GET', q, { token });
      if (i > 0) apiTimes.push(performance.now() - t); // the first one warms the connection pool
      rows = Array.isArray(r.body) ? r.body.length : -1;
    }

    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });

    // Sign-in page, cold: the JavaScript it needs before the form is usable.
    const signInCtx = await browser.newContext(CONTEXT);
    const signInPage = await signInCtx.newPage();
    const signInJs = await jsLoaded(signInPage, async () => {
      await signInPage.goto(`${base}/admin/#/login`);
      await signInPage.locator('input[name="username"]').waitFor();
      await signInPage.waitForLoadState('networkidle');
    });
    await signInPage.locator('input[name="username"]').fill('laocai.desk');
    await signInPage.locator('input[name="password"]').fill('motcua123');
    await signInPage.getByRole('button', { name: 'Đăng nhập' }).click();
    await signInPage.locator(ROW).first().waitFor({ timeout: 60_000 });
    const storedSession = await signInPage.evaluate(() => localStorage.getItem('motcua.session'));
    await signInCtx.close();
    if (!storedSession) throw new Error('no session in localStorage after signing in');

    // My work, cold, RUNS times: a fresh context (empty cache) that already holds the session.
    const runs: { row: number; painted: number; list: number; listWait: number; js: Awaited<ReturnType<typeof jsLoaded>> }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const ctx = await browser.newContext(CONTEXT);
      await ctx.addInitScript((s) => localStorage.setItem('motcua.session', s), storedSession);
      await ctx.addInitScript({ content: WATCH(ROW) });
      const page = await ctx.newPage();
      page.setDefaultTimeout(60_000);
      page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
      const js = await jsLoaded(page, async () => {
        await page.goto(`${base}/admin/`);
        await page.locator(ROW).first().waitFor();
        await page.waitForFunction(() => (window as unknown as { __painted?: number }).__painted !== undefined);
      });
      const m = await page.evaluate(() => {
        const w = window as unknown as { __row: number; __painted: number };
        const list = performance
          .getEntriesByType('resource')
          .filter((e) => e.name.includes('/api/dossiers?'))
          .map((e) => e as PerformanceResourceTiming)[0];
        return { row: w.__row, painted: w.__painted, list: list ? list.responseEnd - list.startTime : NaN, listWait: list ? list.responseStart - list.requestStart : NaN };
      });
      runs.push({ ...m, js });
      log(`run ${i + 1}: first row in DOM ${ms(m.row)}, painted ${ms(m.painted)}; list request ${ms(m.list)} (server wait ${ms(m.listWait)}); JS ${js.files.length} files, ${kb(js.gz)} gz; load ${load()}`);
      await ctx.close();
    }

    const painted = runs.map((r) => r.painted);
    const inDom = runs.map((r) => r.row);
    const list = runs.map((r) => r.list);
    console.log('');
    console.log(`My work, ${DOSSIERS.toLocaleString('en')} dossiers generated (+1 real), list returns ${rows} rows; ${RUNS} cold loads; load average now ${load()}`);
    console.log(`  navigation start → first row painted:  p50 ${ms(pct(painted, 50))}  max ${ms(Math.max(...painted))}`);
    console.log(`  navigation start → first row in DOM:   p50 ${ms(pct(inDom, 50))}  max ${ms(Math.max(...inDom))}`);
    console.log(`  list request in the browser (Resource Timing, start → responseEnd): p50 ${ms(pct(list, 50))}  max ${ms(Math.max(...list))}`);
    console.log(`  list request from Node (GET /api${q.slice(0, 40)}…): p50 ${ms(pct(apiTimes, 50))}  max ${ms(Math.max(...apiTimes))}`);
    console.log('');
    const show = (name: string, js: Awaited<ReturnType<typeof jsLoaded>>) => {
      console.log(`${name}: ${js.files.length} JS files, ${kb(js.raw)} raw, ${kb(js.gz)} gzip`);
      for (const f of js.files.sort((a, b) => b.gz - a.gz)) console.log(`    ${f.url}  ${kb(f.raw)} raw  ${kb(f.gz)} gz`);
    };
    show('Sign-in page JavaScript', signInJs);
    show('My work JavaScript (first run)', runs[0]!.js);
  } finally {
    await browser?.close().catch(() => {});
    await sql?.end().catch(() => {});
    await system?.stop().catch((e) => console.error(e));
    await devServer?.stop().catch(() => {});
    await dropDatabase(DB_NAME);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

/**
 * `npm run chaos [-- --seconds=180] [--worker-kills=10] [--no-pg-restart] [--no-temporal-kill]
 *  [--cluster [--api=2] [--workers=2] [--api-kills=3]]`
 *
 * Under a steady load of online submissions and officer actions, against
 *  - the dev stack (scripts/chaos/dev-rig.ts): the API in one child process, the worker in a
 *    SEPARATE one (scripts/worker.ts) restarted by a small supervisor here, and its own Temporal
 *    dev server; or, with `--cluster`,
 *  - the production rehearsal (scripts/chaos/cluster-rig.ts): `npm run cluster` with temporal-server
 *    on PostgreSQL, whose own supervisor restarts what dies;
 * it SIGKILLs a worker N times (10; 4 on the cluster), an API process 3 times (cluster), the
 * Temporal server once, and restarts PostgreSQL once (`pg_ctlcluster <ver> <name> restart`, the
 * local cluster); then waits for quiescence and reconciles: every accepted submission (201, or 200
 * on an Idempotency-Key retry) exists exactly once in `dossiers` and as a workflow; every accepted
 * action (200) appears exactly once in `dossier_events`; every payment the gateway had confirmed
 * (callback 2xx; the gateway retries with the same transaction id) is stored once and applied to
 * its dossier once; every audit hash chain verifies (activities/audit/verify.ts). Prints what it did
 * and found; exits 1 on any loss.
 *
 * Uses its own databases (dropped at the end) and its own Temporal. NOTE: the PostgreSQL restart
 * briefly disconnects every other client of that server (other test runs).
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { verifyAll, type AuditRow } from '../activities/audit/verify';
import { reconcileTrail } from './chaos-reconcile';
import { clusterRig } from './chaos/cluster-rig';
import { devRig } from './chaos/dev-rig';
import type { FaultKind, Rig } from './chaos/rig';
import { api, APPLICANT, citizenTokens, HttpError, loadAvg, log, sleep, table } from '../bench/lib';
import { signPaymentBody } from '../api/routes/payments.routes';
import { loadEnv } from '../config/env';
import { connectClient, installRuntime } from '../temporal/connect';

installRuntime();
const args = process.argv.slice(2);
const num = (name: string, dflt: number) => {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.split('=')[1]) : dflt;
};
const SECONDS = num('seconds', 180);
const WORKER_KILLS = num('worker-kills', args.includes('--cluster') ? 4 : 10);
const API_KILLS = num('api-kills', 3);
const SUBMITTERS = num('submitters', 3);
const OFFICERS = num('officers', 3);
const pgRestart = !args.includes('--no-pg-restart');
const temporalKill = !args.includes('--no-temporal-kill');
const rand = (a: number, b: number) => a + Math.random() * (b - a);
const t0 = Date.now();
const at = (ms = Date.now()) => `${((ms - t0) / 1000).toFixed(1)}s`;

// ---------------------------------------------------------------------------------------------
// The stack, on its own database and Temporal: the dev stack, or the production rehearsal.
const keepDb = args.includes('--keep-db');
const clusterMode = args.includes('--cluster');
const dev = clusterMode ? null : await devRig({ keepDb });
const rig: Rig = dev ?? (await clusterRig({ apis: num('api', 2), workers: num('workers', 2), keepDb }));
const { databaseUrl, temporalAddress } = rig;
log(`chaos: ${rig.shape}; load average ${loadAvg().join(' ')}`);

const temporal = await connectClient(temporalAddress);
const http = api(rig.base);
const tokens: Record<string, string> = {};
for (const u of ['citizen', 'laocai.desk', 'laocai.specialist', 'laocai.leader', 'batxat.desk', 'batxat.specialist', 'batxat.leader']) tokens[u] = await http.login(u);
// Half the dossiers are free (birth registration), half pay a fee at filing (business household;
// permanent residence went to the commune police's officers with its version 3).
const PROCEDURES = ['1.001193', '1.001612'];
const examples = new Map<string, Record<string, unknown>>();
for (const code of PROCEDURES) examples.set(code, (await http.call<{ example: Record<string, unknown> }>('GET', `/procedures/${code}`)).body.example);
const webhookSecret = loadEnv().PAYMENT_WEBHOOK_SECRET;
const citizens = await citizenTokens(50, databaseUrl);
let nthCitizen = 0;

// ---------------------------------------------------------------------------------------------
// Load: citizens submit (retrying with the same Idempotency-Key until answered), officers move
// dossiers one step at a time from the status they read.
interface Op { kind: string; start: number; end: number; ok: boolean }
const ops: Op[] = [];
const accepted = new Map<string, { agency: string }>();
const acceptedActions: { code: string; action: string }[] = [];
/** Dossier → the gateway's transaction id, once a callback for it was answered 2xx. */
const confirmedPayments = new Map<string, string>();
/** Dossiers an officer read in a status with nothing left to do (delivered). */
const finished = new Set<string>();
let retriedSubmissions = 0;
let failedRequests = 0;
let loadOn = true;
const AGENCIES = ['02647', '02683'];
const officersOf = (agency: string) => (agency === '02647' ? 'laocai' : 'batxat');
const NEXT: Record<string, { action: string; who: 'desk' | 'specialist' | 'leader'; body: (a: string) => object } | undefined> = {
  SUBMITTED: { action: 'receive', who: 'desk', body: () => ({}) },
  RECEIVED: { action: 'assign', who: 'desk', body: (a) => ({ assigneeId: `u-${officersOf(a)}.specialist` }) },
  IN_REVIEW: { action: 'verify', who: 'specialist', body: () => ({ note: 'đủ hồ sơ' }) },
  AWAITING_APPROVAL: { action: 'approve', who: 'leader', body: () => ({}) },
  RESULT_READY: { action: 'deliver', who: 'desk', body: () => ({ method: 'online' }) },
};

async function timed<T>(kind: string, fn: () => Promise<T>): Promise<T | undefined> {
  const start = Date.now();
  try {
    const r = await fn();
    ops.push({ kind, start, end: Date.now(), ok: true });
    return r;
  } catch (err) {
    ops.push({ kind, start, end: Date.now(), ok: false });
    if (!(err instanceof HttpError && err.status === 409)) failedRequests++;
    throw err;
  }
}

async function submitter() {
  while (loadOn) {
    const agency = AGENCIES[Math.floor(Math.random() * AGENCIES.length)]!;
    const key = `chaos-${randomUUID()}`;
    const procedureCode = PROCEDURES[Math.floor(Math.random() * PROCEDURES.length)]!;
    const token = citizens[nthCitizen++ % citizens.length];
    for (let attempt = 0; loadOn || attempt > 0; attempt++) {
      if (attempt > 0) retriedSubmissions++;
      try {
        const r = await timed('submit', () =>
          http.call<{ code: string }>('POST', '/dossiers', {
            token,
            headers: { 'idempotency-key': key },
            body: { procedureCode, agencyCode: agency, channel: 'online', applicant: APPLICANT, form: examples.get(procedureCode) },
            timeoutMs: 30_000,
          }),
        );
        if (r && (r.status === 201 || r.status === 200)) accepted.set(r.body.code, { agency });
        break;
      } catch {
        if (attempt >= 20) break;
        await sleep(1000);
      }
    }
    // A steady arrival the officers can keep up with (about 2 dossiers/s from 3 citizens).
    await sleep(rand(1000, 2000));
  }
}

async function officer() {
  while (loadOn) {
    // Officers work the oldest open dossiers first (as a queue), so dossiers reach every stage.
    const open: string[] = [];
    for (const c of accepted.keys()) if (!finished.has(c) && open.push(c) >= 2 * OFFICERS) break;
    if (open.length === 0) {
      await sleep(200);
      continue;
    }
    const code = open[Math.floor(Math.random() * open.length)]!;
    const agency = accepted.get(code)!.agency;
    const who = officersOf(agency);
    try {
      const read = await timed('read', () => http.call<{ status: string; fee: number }>('GET', `/dossiers/${code}`, { token: tokens[`${who}.desk`], timeoutMs: 30_000 }));
      if (read?.body.status === 'AWAITING_PAYMENT') {
        await gatewayPays(code, read.body.fee);
        continue;
      }
      const next = read && NEXT[read.body.status];
      if (!next) {
        if (read) finished.add(code);
        continue;
      }
      await timed(next.action, () =>
        http.call('POST', `/dossiers/${code}/actions/${next.action}`, { token: tokens[`${who}.${next.who}`], body: next.body(agency), timeoutMs: 30_000 }),
      );
      acceptedActions.push({ code, action: next.action });
    } catch {
      await sleep(500);
    }
  }
}

/**
 * The payment gateway confirming the citizen's QR transfer: one transaction id per dossier, sent
 * again whenever the dossier still reads AWAITING_PAYMENT (as a gateway retries until answered).
 */
async function gatewayPays(code: string, amount: number) {
  const transactionId = `CHAOS-${code}`;
  const raw = JSON.stringify({ dossierCode: code, amount, transactionId, paidAt: new Date().toISOString() });
  await timed('pay', () => http.call('POST', '/payments/callback', { raw, headers: { 'x-signature': signPaymentBody(webhookSecret, raw) }, timeoutMs: 30_000 }));
  confirmedPayments.set(code, transactionId);
}

// ---------------------------------------------------------------------------------------------
// Faults at random moments in the load window (not in its first and last 10 %).
interface Fault { kind: FaultKind; at: number; done?: number; note?: string }
const faults: Fault[] = [];
const window = SECONDS * 1000;
for (let i = 0; i < WORKER_KILLS; i++) faults.push({ kind: 'worker', at: rand(0.1, 0.9) * window });
if (rig.faults.includes('api')) for (let i = 0; i < API_KILLS; i++) faults.push({ kind: 'api', at: rand(0.1, 0.9) * window });
if (temporalKill) faults.push({ kind: 'temporal', at: rand(0.3, 0.5) * window });
if (pgRestart) faults.push({ kind: 'postgres', at: rand(0.6, 0.8) * window });
faults.sort((a, b) => a.at - b.at);

async function inject(f: Fault) {
  f.at = Date.now();
  if (f.kind !== 'postgres') {
    f.note = await rig.kill(f.kind);
  } else {
    const cluster = spawnSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' }).stdout.trim().split('\n')[0]!.split(/\s+/);
    const r = spawnSync('pg_ctlcluster', [cluster[0]!, cluster[1]!, 'restart'], { encoding: 'utf8' });
    f.note = `pg_ctlcluster ${cluster[0]} ${cluster[1]} restart → exit ${r.status} in ${((Date.now() - f.at) / 1000).toFixed(1)} s${r.stderr ? ` (${r.stderr.trim()})` : ''}`;
  }
  f.done = Date.now();
  log(`chaos: ${at(f.at)} ${f.kind} fault: ${f.note}`);
}

log(`chaos: load for ${SECONDS} s with ${SUBMITTERS} citizens and ${OFFICERS} officers; ${faults.length} faults planned`);
const loadStart = Date.now();
const load = [...Array.from({ length: SUBMITTERS }, submitter), ...Array.from({ length: OFFICERS }, officer)];
for (const f of faults) {
  const plannedAt = loadStart + f.at;
  await sleep(Math.max(0, plannedAt - Date.now()));
  await inject(f);
}
await sleep(Math.max(0, loadStart + window - Date.now()));
loadOn = false;
log(`chaos: load stopped at ${at()}; waiting for in-flight requests`);
await Promise.all(load);

// ---------------------------------------------------------------------------------------------
// Quiescence and reconciliation.
const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
const codes = [...accepted.keys()];
const quiesceStart = Date.now();
let inDb: number;
let unstarted: number;
// Actions whose answer was lost with a killed API process may still be applied after the load
// stops (the update had reached the workflow): quiet means no new event for two seconds too.
let lastEvents = -1;
for (;;) {
  const [{ n: eventsNow }] = (await sql`select count(*)::int as n from dossier_events`) as unknown as [{ n: number }];
  const settled = eventsNow === lastEvents;
  lastEvents = eventsNow;
  const rows = await sql<{ code: string }[]>`select code from dossiers where code in ${sql(codes.length ? codes : ['-'])}`;
  inDb = rows.length;
  // Submissions whose workflow start died with the dev server are started by the API's sweep.
  [{ n: unstarted }] = (await sql`select count(*)::int as n from submissions where workflow_started_at is null`) as unknown as [{ n: number }];
  if ((inDb >= codes.length && unstarted === 0 && settled) || Date.now() - quiesceStart > 120_000) break;
  await sleep(2000);
}
const quiesceSeconds = (Date.now() - quiesceStart) / 1000;
const losses: string[] = [];

// One snapshot for the dossiers and their events: a projection and its event are written in one
// transaction, so within a snapshot they agree unless something was really lost.
const [dossierRows, events, paymentRows] = await sql.begin('isolation level repeatable read', async (tx) => [
  await tx<{ code: string; last_seq: number }[]>`select code, last_seq from dossiers`,
  await tx`select dossier_code, seq, type, actor_id, actor_role, actor_agency_code, agency_code, from_status, to_status, data, at, prev_hash, hash from dossier_events`,
  await tx<{ transaction_id: string; dossier_code: string }[]>`select transaction_id, dossier_code from payments`,
] as const);
const dossierSet = new Map(dossierRows.map((r) => [r.code, r.last_seq]));
const missingInDb = codes.filter((c) => !dossierSet.has(c));
if (missingInDb.length) losses.push(`${missingInDb.length} accepted submissions missing from dossiers: ${missingInDb.slice(0, 5).join(', ')}`);
const unacknowledged = dossierRows.filter((r) => !accepted.has(r.code)).length;
const [{ n: submissionsStored }] = (await sql`select count(*)::int as n from submissions`) as unknown as [{ n: number }];

let workflowsMissing = 0;
const wfStatus = new Map<string, number>();
for (const c of codes) {
  try {
    const d = await temporal.workflow.getHandle(c).describe();
    wfStatus.set(d.status.name, (wfStatus.get(d.status.name) ?? 0) + 1);
  } catch {
    workflowsMissing++;
  }
}
if (workflowsMissing) losses.push(`${workflowsMissing} accepted submissions have no workflow (${unstarted} submissions still unstarted)`);
// Exactly one workflow per accepted code: the workflow id is the code, and the id-reuse policy rejects a duplicate run.
const runs = await temporal.workflowService.countWorkflowExecutions({ namespace: rig.namespace, query: `WorkflowType = 'dossierWorkflow'` }).catch(() => undefined);
const workflowCount = runs ? Number(runs.count) : NaN;

const auditRows: AuditRow[] = events.map((e) => ({
  dossierCode: e.dossier_code, seq: e.seq, type: e.type, actorId: e.actor_id, actorRole: e.actor_role, actorAgencyCode: e.actor_agency_code,
  agencyCode: e.agency_code, fromStatus: e.from_status, toStatus: e.to_status, data: e.data, at: e.at, prevHash: e.prev_hash, hash: e.hash,
}));
const trail = reconcileTrail({
  submissions: codes,
  actions: acceptedActions,
  confirmedPayments,
  storedPayments: new Map(paymentRows.map((r) => [r.transaction_id, r.dossier_code])),
  events: auditRows,
});
losses.push(...trail.losses);
const verdicts = verifyAll(auditRows);
const broken = verdicts.filter((v) => !v.ok);
if (broken.length) losses.push(`${broken.length} audit chains do not verify: ${JSON.stringify(broken.slice(0, 3))}`);
const projectionLag = verdicts.filter((v) => dossierSet.get(v.dossierCode) !== v.events).length;
if (projectionLag) losses.push(`${projectionLag} dossiers whose last_seq differs from their event count`);

// Recovery: from each fault to the first successful operation that started after it.
const recovery = faults.map((f) => {
  const first = ops.filter((o) => o.ok && o.start >= f.at && o.kind !== 'read').sort((a, b) => a.end - b.end)[0];
  return { ...f, recoverySeconds: first ? (first.end - f.at) / 1000 : NaN };
});

await temporal.connection.close();
await sql.end();
await rig.stop();

// ---------------------------------------------------------------------------------------------
const okOps = ops.filter((o) => o.ok && o.kind !== 'read');
const out: string[] = [];
out.push(`chaos — ${new Date().toISOString().slice(0, 16)}Z — ${SECONDS} s of load, ${SUBMITTERS} citizens + ${OFFICERS} officers; ${rig.shape}${dev ? `; worker started ${dev.workerStarts()} times` : ''}`);
out.push('');
out.push(table(['t', 'fault', 'what', 'recovered after'], recovery.map((r) => [at(r.at), r.kind, r.note ?? '', Number.isNaN(r.recoverySeconds) ? '–' : `${r.recoverySeconds.toFixed(1)} s`])));
const rec = (k: Fault['kind']) => recovery.filter((r) => r.kind === k && !Number.isNaN(r.recoverySeconds)).map((r) => r.recoverySeconds);
const med = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : NaN);
out.push('');
out.push(`recovery: worker kill median ${med(rec('worker')).toFixed(1)} s (max ${Math.max(...rec('worker'), 0).toFixed(1)} s); API kill median ${med(rec('api')).toFixed(1)} s; Temporal restart ${rec('temporal').map((x) => x.toFixed(1)).join(', ') || '–'} s; PostgreSQL restart ${rec('postgres').map((x) => x.toFixed(1)).join(', ') || '–'} s`);
out.push(`accepted: ${codes.length} submissions (${retriedSubmissions} retries with the same Idempotency-Key), ${acceptedActions.length} actions; ${failedRequests} requests failed or timed out during faults (not counted as accepted); ${okOps.length} successful writes`);
out.push(`found: ${inDb}/${codes.length} accepted dossiers in PostgreSQL after ${quiesceSeconds.toFixed(1)} s of quiescence wait; workflows ${JSON.stringify(Object.fromEntries(wfStatus))}, ${workflowsMissing} missing, ${workflowCount} dossier workflows in the namespace; ${submissionsStored} submissions stored, ${unacknowledged} dossiers created by a request that never got its answer (not lost: the retry with the same key returned it, or the client gave up)`);
out.push(`events: ${auditRows.length} in dossier_events; ${verdicts.length} chains verified, ${broken.length} broken; accepted actions missing ${trail.actionsMissing}; ${trail.actionsRepeated} legal repeats (two officers re-assigning one dossier), ${trail.actionsUnacknowledged} applied without an answer`);
out.push(`payments: ${confirmedPayments.size} confirmed by the gateway (${ops.filter((o) => o.kind === 'pay' && o.ok).length} callbacks answered, retries included), ${trail.paymentsStored} stored, ${trail.paymentEvents} payment events; missing ${trail.paymentsMissing}, never applied ${trail.paymentsUnapplied}, applied twice ${trail.paymentsDoubled}`);
out.push('');
out.push(losses.length ? `LOSS: ${losses.join('; ')}` : 'NO LOSS: every accepted submission, action and confirmed payment is there exactly once, every audit chain verifies');
console.log(out.join('\n'));
process.exit(losses.length ? 1 : 0);

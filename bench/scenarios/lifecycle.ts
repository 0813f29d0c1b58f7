/**
 * Scenario 2 — lifecycle throughput: citizens submit a fee procedure (1.001612, business
 * household, 150,000 VND online, paid at filing) for a while; simulated officers of ward 02647 take
 * every dossier through receive → (signed payment callback) → assign → verify → approve → deliver
 * over the HTTP API. Reports completed dossiers/s, per core-second of the stack under test (its
 * processes and PostgreSQL backends, bench/cpu-meter.ts), per-action latency and the backlog over
 * time; its baseline is ./lifecycle-baseline.ts.
 * (Until permanent residence went to the commune police, its version 2 — 10,000 VND after review —
 * was the procedure here: results recorded before then ran receive → assign → verify → pay.)
 */
import { randomUUID } from 'node:crypto';
import { signPaymentBody } from '../../api/routes/payments.routes';
import { api, APPLICANT, citizenTokens, HttpError, log, now, sleep, summarize, type Stats, type StackChild } from '../lib';

type Step = 'receive' | 'assign' | 'verify' | 'pay' | 'approve' | 'deliver';
const STEPS: Step[] = ['receive', 'pay', 'assign', 'verify', 'approve', 'deliver'];

export interface LifecycleResult {
  submitters: number;
  officers: number;
  arrivalSeconds: number;
  submitted: number;
  completed: number;
  seconds: number;
  completedPerSecond: number;
  /** CPU ms of the stack under test from the first submission to the last delivery. */
  cpuMs?: number;
  completedPerCoreSecond?: number;
  submissionsPerSecond: number;
  submit: Stats;
  actions: Record<Step, Stats>;
  retries409: number;
  errors: number;
  firstErrors: string[];
  backlog: { t: number; open: number; delivered: number }[];
  drained: boolean;
}

export async function lifecycleScenario(o: { stack: StackChild; submitters: number; officers: number; databaseUrl: string; arrivalSeconds: number; drainSeconds: number; webhookSecret: string; meter?: () => Promise<() => Promise<number>> }): Promise<LifecycleResult> {
  const http = api(o.stack.base);
  const tok: Record<string, string> = {};
  const citizens = await citizenTokens(100, o.databaseUrl);
  let nth = 0;
  for (const u of ['laocai.desk', 'laocai.specialist', 'laocai.leader']) tok[u] = await http.login(u);
  const { body: procedure } = await http.call<{ example: Record<string, unknown> }>('GET', '/procedures/1.001612');

  const queues: Record<Step, string[]> = { receive: [], assign: [], verify: [], pay: [], approve: [], deliver: [] };
  const lat: Record<Step | 'submit', number[]> = { submit: [], receive: [], assign: [], verify: [], pay: [], approve: [], deliver: [] };
  const firstErrors: string[] = [];
  let errors = 0;
  let retries409 = 0;
  let submitted = 0;
  let delivered = 0;
  let submitErrors = 0;
  const spent = await o.meter?.();
  const t0 = now();
  let lastDelivery = t0;
  const arrivalEnd = t0 + o.arrivalSeconds * 1000;
  // After the burst, officers go on while deliveries keep coming (the backlog is draining), up to
  // drainSeconds; a stall of 15 s with dossiers still open ends the run as not drained.
  const hardEnd = arrivalEnd + o.drainSeconds * 1000;
  const working = () => now() < arrivalEnd || (now() < hardEnd && now() - Math.max(lastDelivery, arrivalEnd) < 15_000);
  const err = (e: unknown) => {
    errors++;
    if (firstErrors.length < 5) firstErrors.push(String((e as Error).message).slice(0, 300));
  };

  const act = (code: string, user: string, action: string, body: object = {}) =>
    http.call<{ status: string }>('POST', `/dossiers/${code}/actions/${action}`, { token: tok[user], body });

  async function doStep(step: Step, code: string): Promise<void> {
    switch (step) {
      case 'receive':
        return void (await act(code, 'laocai.desk', 'receive'));
      case 'assign':
        return void (await act(code, 'laocai.desk', 'assign', { assigneeId: 'u-laocai.specialist' }));
      case 'verify':
        return void (await act(code, 'laocai.specialist', 'verify', { note: 'đủ điều kiện' }));
      case 'pay': {
        const raw = JSON.stringify({ dossierCode: code, amount: 150_000, transactionId: `BENCH-${randomUUID()}`, paidAt: new Date().toISOString() });
        const r = await http.call<{ status: string }>('POST', '/payments/callback', { raw, headers: { 'x-signature': signPaymentBody(o.webhookSecret, raw) } });
        if (r.body.status !== 'accepted') throw new Error(`payment ${r.body.status}`);
        return;
      }
      case 'approve':
        return void (await act(code, 'laocai.leader', 'approve'));
      case 'deliver':
        return void (await act(code, 'laocai.desk', 'deliver', { method: 'online' }));
    }
  }

  const backlog: LifecycleResult['backlog'] = [];
  const sampler = setInterval(() => backlog.push({ t: Math.round((now() - t0) / 100) / 10, open: submitted - delivered, delivered }), 1000);

  const submitters = Array.from({ length: o.submitters }, async () => {
    while (now() < arrivalEnd) {
      const t = now();
      try {
        const r = await http.call<{ code: string }>('POST', '/dossiers', {
          token: citizens[nth++ % citizens.length],
          headers: { 'idempotency-key': `bench-${randomUUID()}` },
          body: { procedureCode: '1.001612', agencyCode: '02647', channel: 'online', applicant: APPLICANT, form: procedure.example },
        });
        lat.submit.push(now() - t);
        submitted++;
        queues.receive.push(r.body.code);
      } catch (e) {
        submitErrors++;
        err(e);
      }
    }
  });

  // Officers work the later stages first (finish what is started), like a real back office.
  const order = [...STEPS].reverse();
  const officers = Array.from({ length: o.officers }, async () => {
    while (working()) {
      const step = order.find((s) => queues[s].length > 0);
      if (!step) {
        if (now() >= arrivalEnd && delivered >= submitted) return;
        await sleep(20);
        continue;
      }
      const code = queues[step].shift()!;
      const t = now();
      try {
        await doStep(step, code);
        lat[step].push(now() - t);
        const next = STEPS[STEPS.indexOf(step) + 1];
        if (next) queues[next].push(code);
        else {
          delivered++;
          lastDelivery = now();
        }
      } catch (e) {
        // The payment signal is applied asynchronously: the assignment may come before it. Try again.
        if (e instanceof HttpError && e.status === 409 && step === 'assign') {
          retries409++;
          setTimeout(() => queues.assign.push(code), 100);
        } else err(e);
      }
    }
  });
  await Promise.all([...submitters, ...officers]);
  clearInterval(sampler);
  backlog.push({ t: Math.round((now() - t0) / 100) / 10, open: submitted - delivered, delivered });

  const cpuMs = await spent?.();
  const seconds = (lastDelivery - t0) / 1000;
  const arrival = o.arrivalSeconds;
  log(`lifecycle: ${submitted} submitted, ${delivered} delivered in ${seconds.toFixed(1)} s`);
  return {
    submitters: o.submitters,
    officers: o.officers,
    arrivalSeconds: arrival,
    submitted,
    completed: delivered,
    seconds: Math.round(seconds * 10) / 10,
    completedPerSecond: delivered / seconds,
    ...(cpuMs !== undefined && { cpuMs: Math.round(cpuMs), completedPerCoreSecond: delivered / (cpuMs / 1000) }),
    submissionsPerSecond: submitted / arrival,
    submit: summarize(lat.submit, submitErrors, arrival),
    actions: Object.fromEntries(STEPS.map((s) => [s, summarize(lat[s], 0, seconds)])) as Record<Step, Stats>,
    retries409,
    errors,
    firstErrors,
    backlog,
    drained: delivered === submitted,
  };
}

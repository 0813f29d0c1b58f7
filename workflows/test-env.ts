import { spawn } from 'node:child_process';
/**
 * Test support for the workflow tests and `scripts/record-histories.ts` (not a test file, not in
 * the worker's bundle): the Java time-skipping test server (installed by npm run setup), a worker with FAKE typed
 * activities that keep what they are given in memory, and a small driver for one dossier.
 */
import { randomUUID } from 'node:crypto';
import { Client, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import proto from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { Activities } from '../activities/types';
import type { ActionRequest } from '../domain/actions';
import { createCalendar, type CalendarOverride, type WorkingCalendar } from '../domain/calendar';
import type { DossierEvent, DossierState } from '../domain/lifecycle/state';
import { submit } from '../domain/lifecycle/reduce';
import { deadlineFor } from '../domain/deadline-choice';
import { feeOf } from '../domain/fees';
import { rulesOf, type Channel, type ProcedureDefinition } from '../domain/procedure';
import type { Actor, Role } from '../domain/roles';
import { ensureTemporalTools, freePort, waitForPort } from '../temporal/dev-server';
import { bundlerOptions, workflowsPath } from '../worker/workflow-bundle';
import { actUpdate, paymentSignal, stateQuery, syncedUpdate, type DossierWorkflowInput } from './messages';
import type { dossierWorkflow } from './dossier.workflow';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const MINUTE = 60_000;

export const COMMUNE = 'H38.X001';

export const officer = (role: Role, agencyCode: string): Actor => ({ id: `${role}@${agencyCode}`, role, agencyCode });
export const citizen: Actor = { id: 'citizen-1', role: 'citizen', agencyCode: null };

/** YYYY-MM-DD of an instant in Hanoi (+07:00, no daylight saving). */
const hanoiDate = (ms: number) => new Date(ms + 7 * HOUR).toISOString().slice(0, 10);

/**
 * Extra days off the fake `loadCalendarOverrides` returns: the 3rd and 10th calendar days after
 * `now`, so due dates only come out right if the workflow really uses the admin table.
 */
export const overridesFrom = (now: number): CalendarOverride[] => [
  { date: hanoiDate(now + 3 * DAY), kind: 'off' },
  { date: hanoiDate(now + 10 * DAY), kind: 'off' },
];

/** The activities, faked: an in-memory audit trail per dossier, idempotent per (dossier, seq). */
export class FakeActivities implements Activities {
  readonly events = new Map<string, DossierEvent[]>();
  readonly states = new Map<string, DossierState[]>();
  calendarLoads = 0;
  constructor(public overrides: CalendarOverride[] = []) {}

  async recordEvent({ event, state }: { event: DossierEvent; state: DossierState }): Promise<void> {
    const events = this.events.get(state.code) ?? [];
    if (events.some((e) => e.seq === event.seq)) return;
    events.push(event);
    this.events.set(state.code, events);
    this.states.set(state.code, [...(this.states.get(state.code) ?? []), state]);
  }

  async loadCalendarOverrides(): Promise<CalendarOverride[]> {
    this.calendarLoads++;
    return this.overrides;
  }

  eventsOf(code: string): DossierEvent[] {
    return this.events.get(code) ?? [];
  }

  /** The activity methods as a plain object (the worker wants an object of functions). */
  asActivities(): Activities {
    return { recordEvent: (i) => this.recordEvent(i), loadCalendarOverrides: () => this.loadCalendarOverrides() };
  }
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
/** The workflow bundle, built once per process (a test file, or the record script). */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  // Production's bundler options (preloaded domain modules): the suites and the replays run what workers run.
  bundle ??= bundleWorkflowCode({ workflowsPath, ...bundlerOptions(), logger: new DefaultLogger('WARN') });
  return bundle;
}

let runtimeInstalled = false;
export function installRuntime() {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    // No shutdown signal handlers: vitest ends its forks with signals, and the SDK's handlers would
    // turn that into an abrupt exit ("Worker exited unexpectedly").
    Runtime.install({ logger: new DefaultLogger((process.env.TEMPORAL_LOG_LEVEL ?? 'WARN') as 'WARN'), shutdownSignals: [] });
  } catch {
    // Already installed by someone else in this process: keep theirs.
  }
}

export interface WorkflowTestEnv {
  env: TestWorkflowEnvironment;
  worker: Worker;
  taskQueue: string;
  activities: FakeActivities;
  /** The calendar the workflow sees (same overrides as the fake activity returns). */
  calendar: WorkingCalendar;
  now(): Promise<number>;
  /**
   * Submits a dossier the way the API does: the 'submit' event recorded first, then the workflow
   * started from that state. `legacy: true` starts it the way dossiers submitted before that
   * change were started (the workflow makes and records the submission itself). With `form`, the
   * fee and the deadline are chosen as the API chooses them (api/dossier-commands.ts): the fee
   * from the form (domain/fees.ts), the channel's deadline (domain/deadline-choice.ts), both
   * pinned in the first state; without, the channel's fixed fee and no pinned deadline.
   */
  start(
    procedure: ProcedureDefinition,
    opts?: { channel?: Channel; by?: 'citizen' | 'counter'; agencyCode?: string; legacy?: boolean; form?: Record<string, unknown> },
  ): Promise<DossierDriver>;
  close(): Promise<void>;
}

/**
 * Starts the Java time-skipping server ourselves and waits for its port without a deadline the
 * machine's load decides: the SDK's own launcher gives a JVM only 5 s, which a cold start on a
 * busy 2-core machine misses. The environment is then built on that server with time skipping on
 * (the SDK's `create` takes that flag; its public `createFromExistingServer` hard-codes it off).
 */
async function createEnv(path: string): Promise<{ env: TestWorkflowEnvironment; stopServer: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(path, [String(port)], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stopServer = async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await exited;
  };
  try {
    await Promise.race([
      waitForPort(port, '127.0.0.1', 120_000),
      exited.then(() => Promise.reject(new Error(`the time-skipping server exited (code ${child.exitCode})`))),
    ]);
    const create = (TestWorkflowEnvironment as unknown as { create(o: object): Promise<TestWorkflowEnvironment> }).create.bind(TestWorkflowEnvironment);
    const env = await create({ server: { type: 'existing' }, address: `127.0.0.1:${port}`, namespace: 'default', supportsTimeSkipping: true, connectionOptions: {} });
    return { env, stopServer };
  } catch (err) {
    await stopServer();
    throw err;
  }
}

/** A time-skipping server, and a worker with fake activities on a task queue of its own. */
export async function createWorkflowTestEnv(): Promise<WorkflowTestEnv> {
  installRuntime();
  const { testServer } = ensureTemporalTools({ testServer: true });
  // Bundle first: a JVM starting while esbuild/webpack hog both cores misses the SDK's 5 s window.
  const workflowBundleCode = await workflowBundle();
  const { env, stopServer } = await createEnv(testServer);
  const overrides = overridesFrom(await env.currentTimeMs());
  const activities = new FakeActivities(overrides);
  const taskQueue = `dossiers-test-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    workflowBundle: workflowBundleCode,
    activities: activities.asActivities(),
  });
  const running = worker.run();
  const calendar = createCalendar(overrides);
  // A plain client: the env's own one unlocks time skipping while awaiting a result, and once the
  // workflow is closed the idle server then jumps years ahead. Tests skip time with env.sleep only.
  const client = new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });
  let n = 0;
  const self: WorkflowTestEnv = {
    env,
    worker,
    taskQueue,
    activities,
    calendar,
    now: () => env.currentTimeMs(),
    async start(procedure, opts = {}) {
      const by = opts.by ?? 'citizen';
      const agencyCode = opts.agencyCode ?? COMMUNE;
      const channel = opts.channel ?? (by === 'citizen' ? 'online' : 'counter');
      const code = `${agencyCode}-${procedure.code.replace(/\./g, '')}-${String(++n).padStart(4, '0')}-${randomUUID().slice(0, 6)}`;
      const input: DossierWorkflowInput = {
        code,
        procedureCode: procedure.code,
        channel,
        agencyCode,
        applicantUserId: citizen.id,
        submittedBy: by === 'citizen' ? citizen : officer('desk-officer', agencyCode),
      };
      let args: DossierWorkflowInput = input;
      if (!opts.legacy) {
        const chosen = opts.form ? { fee: feeOf(procedure, channel, opts.form), deadline: deadlineFor(procedure, channel, null) } : {};
        const submitted = submit({ ...input, procedure, ...chosen }, { procedure, calendar, now: await env.currentTimeMs() });
        await activities.recordEvent(submitted);
        args = { ...input, rules: rulesOf(procedure), state: submitted.state, calendarOverrides: overrides };
      }
      const handle = await client.workflow.start<typeof dossierWorkflow>('dossierWorkflow', {
        taskQueue,
        workflowId: `dossier-${code}`,
        args: [args],
      });
      const d = new DossierDriver(self, procedure, handle, code);
      await d.synced();
      return d;
    },
    async close() {
      worker.shutdown();
      await running;
      await env.teardown();
      await stopServer();
    },
  };
  return self;
}

/** One dossier's workflow, driven the way the API would drive it. */
export class DossierDriver {
  constructor(
    readonly t: WorkflowTestEnv,
    readonly procedure: ProcedureDefinition,
    readonly handle: WorkflowHandle<typeof dossierWorkflow>,
    readonly code: string,
  ) {}

  /** The state once every event so far is recorded (the final state once the workflow is closed). */
  async synced(): Promise<DossierState> {
    try {
      return await this.handle.executeUpdate(syncedUpdate);
    } catch (err) {
      // A closed workflow takes no updates; it recorded everything before it returned.
      if ((await this.handle.describe()).status.name === 'RUNNING') throw err;
      return this.handle.result();
    }
  }
  query(): Promise<DossierState> {
    return this.handle.query(stateQuery);
  }
  get events(): DossierEvent[] {
    return this.t.activities.eventsOf(this.code);
  }

  /** An action that must be accepted; resolves with the state once its event is recorded. */
  act(actor: Actor, request: ActionRequest): Promise<DossierState> {
    return this.handle.executeUpdate(actUpdate, { args: [{ actor, request }] });
  }

  /** An action that must be refused: the ApplicationFailure the update was rejected with. */
  async refused(actor: Actor, request: ActionRequest): Promise<ApplicationFailure> {
    try {
      await this.act(actor, request);
    } catch (err) {
      const cause = err instanceof WorkflowUpdateFailedError ? err.cause : undefined;
      if (cause instanceof ApplicationFailure) return cause;
      throw err;
    }
    throw new Error(`'${request.action}' by ${actor.id} was accepted`);
  }

  /** A confirmed payment from the gateway, of the dossier's fee; resolves once it is recorded. */
  async pay(transactionId = `tx-${randomUUID()}`, amount?: number): Promise<DossierState> {
    const before = await this.query();
    await this.handle.signal(paymentSignal, { transactionId, amount: amount ?? before.fee, paidAt: new Date(await this.t.now()).toISOString() });
    // The signal is handled asynchronously: wait until the workflow has seen it, then until it is recorded.
    for (let i = 0; i < 200; i++) {
      const s = await this.synced();
      if (s.transactionIds.includes(transactionId)) return s;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`payment ${transactionId} was never handled`);
  }

  /** Skips (virtual) time to `at`, then waits until whatever fired is recorded. */
  async sleepUntil(at: number): Promise<DossierState> {
    const now = await this.t.now();
    if (at > now) await this.t.env.sleep(at - now);
    return this.synced();
  }

  /** The whole process at the deciding agency, from received to the result ready. */
  async process(agencyCode: string): Promise<DossierState> {
    await this.act(officer('desk-officer', agencyCode), { action: 'assign', body: { assigneeId: officer('specialist', agencyCode).id } });
    let s = await this.act(officer('specialist', agencyCode), { action: 'verify', body: {} });
    if (s.status === 'AWAITING_PAYMENT') s = await this.pay();
    if (s.status === 'AWAITING_APPROVAL') s = await this.act(officer('leader', agencyCode), { action: 'approve', body: {} });
    return s;
  }

  /** Received at the desk; a fee paid up front is paid right away, so the processing clock runs. */
  async receive(opts: { payUpFront?: boolean } = {}): Promise<DossierState> {
    const s = await this.act(officer('desk-officer', COMMUNE), { action: 'receive', body: {} });
    if (s.status === 'AWAITING_PAYMENT' && (opts.payUpFront ?? true)) return this.pay();
    return s;
  }

  /** The dossier at the agency that decides it, with the clock running (forwarded when province level). */
  async toDecidingAgency(): Promise<{ state: DossierState; agencyCode: string }> {
    let state = await this.receive();
    const h = this.procedure.handoff;
    if (this.procedure.level === 'province' && h) {
      state = await this.act(officer('desk-officer', COMMUNE), { action: 'forward', body: { agencyCode: h.departmentCode } });
      return { state, agencyCode: h.departmentCode };
    }
    return { state, agencyCode: COMMUNE };
  }

  /** Submission to delivery, every stage the procedure has. */
  async happyPath(): Promise<DossierState> {
    const { agencyCode } = await this.toDecidingAgency();
    let s = await this.process(agencyCode);
    if (agencyCode !== COMMUNE) s = await this.act(officer('desk-officer', agencyCode), { action: 'return', body: {} });
    if (s.status !== 'RESULT_READY') throw new Error(`expected RESULT_READY, got ${s.status}`);
    return this.act(officer('desk-officer', COMMUNE), { action: 'deliver', body: { method: 'online' } });
  }
}

/**
 * A history as plain JSON-able data, and back. The SDK's `historyToJSON`/`historyFromJSON`
 * (@temporalio/common/lib/proto-utils) throw "type must be a Type" in this install (common
 * nests protobufjs 8 while @temporalio/proto is built with 7), so the files use protobufjs'
 * own object form: enum names, longs and bytes as strings. `historyFromObject` returns a real
 * History message (Long event ids) that `Worker.runReplayHistory` takes as is.
 */
const HistoryMessage = proto.temporal.api.history.v1.History;
export type History = proto.temporal.api.history.v1.IHistory;
export function historyToObject(history: History): Record<string, unknown> {
  return HistoryMessage.toObject(HistoryMessage.fromObject(history), { longs: String, enums: String, bytes: String });
}
export function historyFromObject(json: unknown): proto.temporal.api.history.v1.History {
  return HistoryMessage.fromObject(json as Record<string, unknown>);
}

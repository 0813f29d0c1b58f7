// The workflow tests' environment: the Java time-skipping test server, a worker with fake
// typed activities on a task queue of its own, and dossiers started the way the API starts
// them. Used by workflows/*.test.ts and scripts/record-histories.ts; not in the worker's bundle.
import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createCalendar, type WorkingCalendar } from '../../../domain/calendar';
import { deadlineFor } from '../../../domain/deadline-choice';
import { feeOf } from '../../../domain/fees';
import { submit } from '../../../domain/lifecycle/reduce';
import { rulesOf, type Channel, type ProcedureDefinition } from '../../../domain/procedure';
import { ensureTemporalTools } from '../../../temporal/dev-server';
import type { dossierWorkflow } from '../../../workflows/dossier.workflow';
import type { DossierWorkflowInput } from '../../../workflows/messages';
import { COMMUNE, citizen, officer } from './constants';
import { DossierDriver } from './dossier-driver';
import { FakeActivities, overridesFrom } from './fake-activities';
import { startTimeSkippingServer } from './time-skipping-server';
import { installRuntime, workflowBundle } from './workflow-runtime';

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

/** A time-skipping server, and a worker with fake activities on a task queue of its own. */
export async function createWorkflowTestEnv(): Promise<WorkflowTestEnv> {
  installRuntime();
  const { testServer } = ensureTemporalTools({ testServer: true });
  // Bundle first: a JVM starting while esbuild/webpack hog both cores misses the SDK's 5 s window.
  const workflowBundleCode = await workflowBundle();
  const { env, stopServer } = await startTimeSkippingServer(testServer);
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

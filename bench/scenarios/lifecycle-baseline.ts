/**
 * The baseline of scenario 2: the bare Temporal cost of a dossier's lifecycle, in the same run on
 * the same server. Each client starts a no-op lifecycle workflow (bench/noop.workflow.ts) and
 * sends it what a dossier's lifecycle sends its workflow over the API: five updates (receive,
 * assign, verify, approve, deliver) and the payment signal between verify and approve, each
 * awaited as the officers' requests are; the workflow ends once all have come.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { closedLoop, log, type Stats } from '../lib';
import { NOOP_TASK_QUEUE, noopActUpdate, noopLifecycleWorkflow, noopPaymentSignal } from '../noop.workflow';
import { strip } from './submission';

export interface LifecycleBaselineResult {
  clients: number;
  lifecycle: Stats & { firstErrors: string[] };
  /** CPU ms of the stack under test (bench/cpu-meter.ts) while it ran. */
  cpuMs: number;
  completedPerCoreSecond: number;
}

const UPDATES = 5;

export async function lifecycleBaseline(o: { temporal: Client; clients: number; seconds: number; meter: () => Promise<() => Promise<number>> }): Promise<LifecycleBaselineResult> {
  const one = async () => {
    const handle = await o.temporal.workflow.start(noopLifecycleWorkflow, { taskQueue: NOOP_TASK_QUEUE, workflowId: `noop-life-${randomUUID()}`, args: [UPDATES] });
    for (let i = 0; i < 3; i++) await handle.executeUpdate(noopActUpdate);
    await handle.signal(noopPaymentSignal);
    for (let i = 3; i < UPDATES; i++) await handle.executeUpdate(noopActUpdate);
    await handle.result();
  };
  await closedLoop(o.clients, 3, one, o.clients); // warm-up
  log(`lifecycle baseline: no-op lifecycles (start, ${UPDATES} updates, 1 signal), ${o.clients} clients, ${o.seconds} s`);
  const spent = await o.meter();
  const s = await closedLoop(o.clients, o.seconds, one);
  const cpuMs = await spent();
  return { clients: o.clients, lifecycle: { ...strip(s), firstErrors: s.firstErrors }, cpuMs: Math.round(cpuMs), completedPerCoreSecond: s.n / (cpuMs / 1000) };
}

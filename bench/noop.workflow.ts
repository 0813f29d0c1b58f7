import { condition, defineSignal, defineUpdate, setHandler } from '@temporalio/workflow';

/** The engine's ceiling for the benchmark: a workflow that does nothing (own bundle, own task queue). */
export const NOOP_TASK_QUEUE = 'bench-noop';

export async function noopWorkflow(): Promise<void> {}

/** An officer's action on the no-op lifecycle: answered at once, nothing recorded. */
export const noopActUpdate = defineUpdate<number, []>('act');
/** The payment notice of the no-op lifecycle. */
export const noopPaymentSignal = defineSignal<[]>('payment');

/**
 * The bare Temporal cost of a dossier's lifecycle (bench/scenarios/lifecycle-baseline.ts): the
 * same start, updates and signal as a dossier from submission to delivery, on a workflow that
 * does nothing with them, and ends once all have come.
 */
export async function noopLifecycleWorkflow(updates: number): Promise<void> {
  let acted = 0;
  let paid = false;
  setHandler(noopActUpdate, () => ++acted);
  setHandler(noopPaymentSignal, () => void (paid = true));
  await condition(() => acted >= updates && paid);
}

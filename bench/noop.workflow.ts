/** The engine's ceiling for the benchmark: a workflow that does nothing (own bundle, own task queue). */
export const NOOP_TASK_QUEUE = 'bench-noop';

export async function noopWorkflow(): Promise<void> {}

// The SDK's process-wide pieces the workflow tests, the replays and scripts/record-histories.ts
// need once per process: the Rust runtime and the workflow bundle.
import { DefaultLogger, Runtime, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { bundlerOptions, workflowsPath } from '../../../worker/workflow-bundle';

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

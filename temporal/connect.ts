import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type LogLevel } from '@temporalio/worker';

/** A client connection, retried while the server is still starting. */
export async function connectClient(address: string, namespace = 'default', timeoutMs = 60_000): Promise<Client> {
  const connection = await retry(() => Connection.connect({ address }), timeoutMs);
  return new Client({ connection, namespace });
}

/** A worker connection; installs the process's Temporal runtime first (see installRuntime). */
export async function connectWorker(address: string, opts: RuntimeSettings & { timeoutMs?: number } = {}): Promise<NativeConnection> {
  installRuntime(opts);
  return retry(() => NativeConnection.connect({ address }), opts.timeoutMs ?? 60_000);
}

async function retry<T>(fn: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

export interface RuntimeSettings {
  /** TEMPORAL_LOG_LEVEL; default: that variable, else WARN. */
  logLevel?: LogLevel;
  /** TEMPORAL_METRICS_ADDRESS: serve the SDK's Prometheus metrics on host:port at /metrics. */
  metricsAddress?: string;
}

let installed: RuntimeSettings | undefined;
/**
 * The Temporal runtime of this process, installed once (the first call decides):
 *  - the SDK's own logs (bundling, state changes) at WARN unless asked for: they drown the app's;
 *  - with a metrics address, Core's Prometheus exporter: workflow task schedule-to-start and
 *    execution latency, activity latency, sticky cache size/hits/evictions, slots and pollers of
 *    every worker in the process, durations in seconds (`temporal_*`).
 */
export function installRuntime(settings: RuntimeSettings = {}) {
  const metricsAddress = settings.metricsAddress;
  if (installed) {
    // A second caller asking for metrics the first one did not turn on would silently get none.
    if (metricsAddress && metricsAddress !== installed.metricsAddress) {
      const now = installed.metricsAddress ? `metrics on ${installed.metricsAddress}` : 'no metrics';
      throw new Error(`the Temporal runtime is already installed with ${now}; cannot serve metrics on ${metricsAddress}`);
    }
    return;
  }
  const logLevel = settings.logLevel ?? ((process.env.TEMPORAL_LOG_LEVEL ?? 'WARN') as LogLevel);
  installed = { logLevel, metricsAddress };
  Runtime.install({
    logger: new DefaultLogger(logLevel),
    // Our processes handle SIGINT/SIGTERM themselves (graceful stop in scripts/start.ts and worker.ts).
    shutdownSignals: [],
    ...(metricsAddress && {
      telemetryOptions: { metrics: { prometheus: { bindAddress: metricsAddress, useSecondsForDurations: true } } },
    }),
  });
}

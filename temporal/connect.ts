import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';

/** A client connection, retried while the server is still starting. */
export async function connectClient(address: string, namespace = 'default', timeoutMs = 60_000): Promise<Client> {
  const connection = await retry(() => Connection.connect({ address }), timeoutMs);
  return new Client({ connection, namespace });
}

export async function connectWorker(address: string, timeoutMs = 60_000): Promise<NativeConnection> {
  installRuntime();
  return retry(() => NativeConnection.connect({ address }), timeoutMs);
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

let runtimeInstalled = false;
/** The SDK's own logs (bundling, state changes) at WARN unless asked for: they drown the app's. */
export function installRuntime() {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  const level = (process.env.TEMPORAL_LOG_LEVEL ?? 'WARN') as 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  // Our processes handle SIGINT/SIGTERM themselves (graceful stop in scripts/start.ts and worker.ts).
  Runtime.install({ logger: new DefaultLogger(level), shutdownSignals: [] });
}


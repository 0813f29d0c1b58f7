import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';

/** A client connection, retried while the server is still starting. */
export async function connectClient(address: string, namespace = 'default', timeoutMs = 60_000): Promise<Client> {
  const connection = await retry(() => Connection.connect({ address }), timeoutMs);
  return new Client({ connection, namespace });
}

export async function connectWorker(address: string, timeoutMs = 60_000): Promise<NativeConnection> {
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

import path from 'node:path';
import type { Logger } from 'pino';
import { ensureTemporalTools, freePort, isListening, startDevServer, uiPortFor, type DevServer } from '../temporal/dev-server';
import { findOwnDevServer, forgetDevServer, recordDevServer } from '../temporal/own-dev-server';

export interface DevTemporal {
  address: string;
  uiUrl?: string;
  /** Set when this start launched it (and its stop stops it); unset when it reused its own. */
  devServer?: DevServer;
}

/**
 * The Temporal dev server of this data directory (no TEMPORAL_ADDRESS): the one it started
 * earlier if that still runs (e.g. after a kill -9 of npm start), else a new one on `port`
 * (7233), or on a free port when something else listens there — another checkout's server is
 * never shared (temporal/own-dev-server.ts).
 */
export async function devTemporal(dataDir: string, port: number, log: Logger): Promise<DevTemporal> {
  const own = await findOwnDevServer(dataDir);
  if (own) {
    const address = `127.0.0.1:${own.port}`;
    log.warn({ address, pid: own.pid }, 'reusing the Temporal dev server this data directory started');
    return { address, uiUrl: own.uiPort && (await isListening(own.uiPort)) ? `http://127.0.0.1:${own.uiPort}` : undefined };
  }
  let grpcPort = port;
  if (await isListening(port)) {
    grpcPort = await freePort();
    log.warn({ taken: port, port: grpcPort }, `port ${port} is taken by a Temporal server (or something else) not started from ${dataDir}: starting our own on port ${grpcPort}. Set TEMPORAL_ADDRESS to use a shared server on purpose.`);
  }
  const { cli } = ensureTemporalTools({ testServer: false });
  const uiPort = (await isListening(uiPortFor(grpcPort))) ? await freePort() : uiPortFor(grpcPort);
  const dbFile = path.join(dataDir, 'temporal.db');
  const started = await startDevServer({ cli, port: grpcPort, dbFile, ui: { port: uiPort } });
  recordDevServer(dataDir, { pid: started.process.pid!, port: grpcPort, uiPort, dbFile });
  log.info({ address: started.address, ui: started.uiUrl }, 'temporal dev server started');
  const devServer: DevServer = {
    ...started,
    async stop() {
      await started.stop();
      forgetDevServer(dataDir);
    },
  };
  return { address: started.address, uiUrl: started.uiUrl, devServer };
}

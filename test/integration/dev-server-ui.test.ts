import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTemporalTools, freePort, startDevServer, type DevServer } from '../../temporal/dev-server';

/** npm start runs the dev server with its Web UI so that dossier views can link into it. */
describe('the dev server npm start runs', () => {
  let server: DevServer;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-ui-'));

  beforeAll(async () => {
    const { cli } = ensureTemporalTools({ testServer: false });
    server = await startDevServer({ cli, port: await freePort(), dbFile: path.join(dir, 'temporal.db'), ui: { port: await freePort() } });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the Temporal Web UI, at the workflow paths dossier views link to', async () => {
    expect(server.uiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // The UI comes up beside the gRPC port the start waited for, and answers 503 until it reaches
    // the server: the namespace the links name must be there within a few seconds.
    let ns: Response | undefined;
    for (let i = 0; i < 75 && ns?.status !== 200; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 200));
      ns = await fetch(`${server.uiUrl}/api/v1/namespaces/default`).catch(() => undefined);
    }
    expect(ns?.status).toBe(200);
    expect(((await ns!.json()) as { namespaceInfo?: { name?: string } }).namespaceInfo?.name).toBe('default');
    // Without a run id the UI opens the latest run of the workflow (checked by hand in a browser).
    const page = await fetch(`${server.uiUrl}/namespaces/default/workflows/000.00.02.H30-261201-0001`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
  });
});

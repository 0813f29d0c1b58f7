import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../config/env';
import { startSystem, type System } from '../../runtime/system';
import { freePort } from '../../temporal/dev-server';
import { findOwnDevServer, MARKER } from '../../temporal/own-dev-server';
import { login } from '../support/system';

/**
 * Two `npm start`s from two checkouts (two data directories, embedded PGlite, no
 * TEMPORAL_ADDRESS), the second while the first's dev server holds the port they both default
 * to. The second must not share the first's Temporal: its worker would take the first's dossiers.
 */
describe('two starts from two data directories', () => {
  const dirs = [mkdtempSync(path.join(os.tmpdir(), 'motcua-start-a-')), mkdtempSync(path.join(os.tmpdir(), 'motcua-start-b-'))];
  const systems: System[] = [];
  let port: number;
  const start = (dataDir: string) =>
    startSystem(loadEnv({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'error', MOTCUA_DATA_DIR: dataDir }), { temporalPort: port });

  beforeAll(async () => {
    port = await freePort();
    // One after the other: the second finds the port taken by the first's server.
    for (const dir of dirs) systems.push(await start(dir));
  });
  afterAll(async () => {
    for (const s of systems.reverse()) await s.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('the second starts its own dev server on another port; each data directory knows its own', async () => {
    const [a, b] = systems as [System, System];
    expect(a.devServer?.address).toBe(`127.0.0.1:${port}`);
    expect(b.devServer?.address).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(b.devServer?.address).not.toBe(a.devServer?.address);
    expect((await findOwnDevServer(dirs[0]!))?.port).toBe(port);
    expect(`127.0.0.1:${(await findOwnDevServer(dirs[1]!))?.port}`).toBe(b.devServer?.address);
    expect(await findOwnDevServer(mkdtempSync(path.join(os.tmpdir(), 'motcua-start-none-')))).toBeUndefined();
  });

  it('the same dossier code in both stays two dossiers, each in its own database and Temporal', async () => {
    const codes: string[] = [];
    for (const [i, s] of systems.entries()) {
      const token = await login(s, 'laocai.desk');
      // A free commune procedure (social pension), received at once at the counter.
      const example = (await request(s.server).get('/api/procedures/1.014027')).body.example as Record<string, unknown>;
      const res = await request(s.server)
        .post('/api/dossiers')
        .set('Authorization', `Bearer ${token}`)
        .send({ procedureCode: '1.014027', agencyCode: '02647', channel: 'counter', applicant: { fullName: i === 0 ? 'Lý Seo Chu' : 'Thào A Dình', idNumber: '010203009876', phone: '0987654321' }, form: example });
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('RECEIVED');
      codes.push(res.body.code as string);
    }
    // Two fresh databases number their first dossier alike: one id for two workflows, had they shared a server.
    expect(codes[1]).toBe(codes[0]);
    const code = codes[0]!;
    const names = await Promise.all(systems.map(async (s) => (await request(s.server).get(`/api/dossiers/${code}`).set('Authorization', `Bearer ${await login(s, 'laocai.desk')}`)).body.applicant?.fullName));
    expect(names).toEqual(['Lý Seo Chu', 'Thào A Dình']);
    const runs = await Promise.all(systems.map((s) => s.temporal.workflow.getHandle(code).describe()));
    expect(runs[0]!.runId).not.toBe(runs[1]!.runId);
    for (const s of systems) expect(await workflowCount(s.temporal)).toBe(1);
  });

  it('a stopped start forgets its dev server', async () => {
    const b = systems.pop()!;
    await b.stop();
    expect(existsSync(path.join(dirs[1]!, MARKER))).toBe(false);
    expect(await findOwnDevServer(dirs[1]!)).toBeUndefined();
  });
});

async function workflowCount(client: Client): Promise<number> {
  let n = 0;
  for await (const _ of client.workflow.list()) n++;
  return n;
}

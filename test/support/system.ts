import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import request from 'supertest';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { Dossier } from '../../api/contract';
import { loadEnv } from '../../config/env';
import { rateLimits } from '../../db/schema';
import { startSystem, type System } from '../../runtime/system';

/**
 * The real stack for a test file: API + worker on the run's Temporal dev server and PostgreSQL
 * database, on a free port. Each file gets its own task queue? No: one queue, shared database,
 * distinct dossier codes — like production.
 */
export async function startTestSystem(extraEnv: Record<string, string> = {}): Promise<System> {
  const env = loadEnv({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: inject('databaseUrl'),
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    LOG_LEVEL: 'warn',
    MOTCUA_DATA_DIR: `/tmp/motcua-test-${randomUUID()}`,
    ...extraEnv,
  });
  const system = await startSystem(env);
  // Rate limits are counted in the database the suites share (api/middleware/rate-limit.ts): each
  // file starts with fresh counters, as it did when they were kept per process.
  await system.dbh.db.delete(rateLimits);
  return system;
}

export async function login(system: System, username: string, password = 'motcua123'): Promise<string> {
  const res = await request(system.server).post('/api/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}

/**
 * A file's real stack with `users` signed in, started before its tests and stopped after them
 * (read its fields inside tests): `as(user)` is that user's bearer header, `sql` a connection
 * straight to the database, for what a test sets up or checks behind the API's back.
 */
export function signedInStack(users: readonly string[], extraEnv: Record<string, string> = {}): { system: System; sql: postgres.Sql; as: (user: string) => { Authorization: string } } {
  const tokens: Record<string, string> = {};
  const stack = {
    as: (user: string) => {
      if (!tokens[user]) throw new Error(`${user} is not among the users this file signed in`);
      return { Authorization: `Bearer ${tokens[user]}` };
    },
  } as { system: System; sql: postgres.Sql; as: (user: string) => { Authorization: string } };
  beforeAll(async () => {
    stack.system = await startTestSystem(extraEnv);
    stack.sql = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
    for (const u of users) tokens[u] = await login(stack.system, u);
  });
  afterAll(async () => {
    await stack.sql?.end();
    await stack.system?.stop();
  });
  return stack;
}

/** A dossier of `procedureCode` with the procedure's own example form, filed over the API by the one `auth` signs in; it must be created. */
export async function fileExample(system: System, auth: { Authorization: string }, dossier: { procedureCode: string; agencyCode: string; channel: 'online' | 'counter'; applicant: object }): Promise<Dossier> {
  const { body: procedure } = await request(system.server).get(`/api/procedures/${dossier.procedureCode}`);
  const created = await request(system.server).post('/api/dossiers').set(auth).send({ ...dossier, form: procedure.example });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as Dossier;
}

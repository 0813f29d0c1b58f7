import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import express from 'express';
import postgres from 'postgres';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sqlStateOf } from '../../activities/data-errors';
import { errorHandler } from '../../api/middleware/errors';
import { openDb, type DbHandle } from '../../db/client';
import { unvalidatedForeignKeys } from '../../db/foreign-keys';
import { payments, users } from '../../db/schema';
import { createLogger } from '../../runtime/logger';
import { seedReferences } from '../support/recorded-dossier';

const MIGRATION = '0017_foreign_keys';

/** The committed migrations before the foreign keys' (later ones too are left out): a database as it was before. */
function migrationsBeforeForeignKeys(dir: string): string {
  const folder = path.join(dir, 'migrations');
  cpSync('db/migrations', folder, { recursive: true });
  const journalFile = path.join(folder, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === MIGRATION);
  for (const e of journal.entries.slice(at)) rmSync(path.join(folder, `${e.tag}.sql`));
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

const orphanUser = { id: 'u-orphan', username: 'orphan', passwordHash: 'x', fullName: 'Người không cơ quan', role: 'specialist' as const };
const payment = (transactionId: string, dossierCode: string) => ({ transactionId, dossierCode, amount: 8000, method: 'gateway' as const, paidAt: new Date() });
const refusal = (p: Promise<unknown>) => p.then(() => 'written', (err: unknown) => sqlStateOf(err) ?? String(err));

/** An empty database of each kind, with a way to run a migrations folder on it. */
const kinds = {
  pglite: () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-fk-'));
    const dbh = openDb({ dataDir: dir });
    return {
      dir, dbh,
      migrateTo: (folder: string) => migratePglite(dbh.db as never, { migrationsFolder: folder }),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
  postgres: () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-fk-'));
    const url = new URL(inject('databaseUrl'));
    const name = `motcua_fk_${process.pid}_${Date.now()}`;
    const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
    const created = admin.unsafe(`create database ${name}`);
    url.pathname = `/${name}`;
    let dbh: DbHandle | undefined;
    const handle = async () => {
      await created;
      return (dbh ??= openDb({ databaseUrl: url.toString(), max: 2 }));
    };
    return {
      dir, handle,
      migrateTo: async (folder: string) => migratePostgres((await handle()).db, { migrationsFolder: folder }),
      drop: async () => {
        rmSync(dir, { recursive: true, force: true });
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  },
};

describe.each(['pglite', 'postgres'] as const)('foreign keys on %s, added to a database that already has data', (kind) => {
  let dbh: DbHandle;
  let env: { dir: string; migrateTo: (folder: string) => Promise<void>; drop: () => Promise<void> };
  beforeAll(async () => {
    const k = kinds[kind]();
    env = k;
    dbh = 'dbh' in k ? k.dbh : await k.handle();
    // Before the migration: a dossier with its payment, and two rows that refer to nothing.
    await env.migrateTo(migrationsBeforeForeignKeys(env.dir));
    // The dossier row as the database of before has its columns (today's projection writes newer ones).
    await seedReferences(dbh.db);
    await dbh.db.execute(sql`insert into dossiers (code, procedure_code, status, channel, applicant_name, applicant_id_number, applicant_phone, form, receiving_agency_code, agency_code, fee, state, last_seq, search_text)
      values ('02647-261123-0001', '1.001193', 'SUBMITTED', 'online', 'Lù Thị Hoa', '010203004567', '0912345678', '{}'::jsonb, '02647', '02647', 0, '{}'::jsonb, 1, '02647-261123-0001 lu thi hoa')`);
    await dbh.db.insert(payments).values([payment('GW-1', '02647-261123-0001'), payment('GW-ORPHAN', '02647-000000-9999')]);
    // Named columns only: the schema of today has columns the database of before does not.
    await dbh.db.execute(sql`insert into users (id, username, password_hash, full_name, role, agency_code)
      values (${orphanUser.id}, ${orphanUser.username}, ${orphanUser.passwordHash}, ${orphanUser.fullName}, ${orphanUser.role}, 'NO-SUCH-AGENCY')`);
    await dbh.migrate();
  });
  afterAll(async () => {
    await dbh?.close();
    await env?.drop();
  });

  it('keeps the orphans, validates every key they do not break, and names the ones they do', async () => {
    expect(await unvalidatedForeignKeys(dbh.db)).toEqual(['payments_dossier_code_dossiers_code_fk', 'users_agency_code_agencies_code_fk']);
    expect(await dbh.db.select({ id: payments.transactionId }).from(payments).where(eq(payments.transactionId, 'GW-ORPHAN'))).toHaveLength(1);
    expect(await dbh.db.select({ id: users.id }).from(users).where(eq(users.id, orphanUser.id))).toHaveLength(1);
  });

  it('refuses a new orphan, also under a key not validated yet', async () => {
    expect(await refusal(dbh.db.insert(payments).values(payment('GW-2', 'NO-SUCH-DOSSIER')))).toBe('23503');
    expect(await refusal(dbh.db.update(users).set({ agencyCode: 'ANOTHER-MISSING-AGENCY' }).where(eq(users.id, orphanUser.id)))).toBe('23503');
    expect(await refusal(dbh.db.execute(sql`update dossiers set procedure_code = 'no-such-procedure'`))).toBe('23503');
    expect(await refusal(dbh.db.insert(payments).values(payment('GW-3', '02647-261123-0001')))).toBe('written');
  });

  it('answers a refused reference with a 400 problem naming the column, not a 500', async () => {
    const app = express();
    app.post('/users', async (_req, res) => {
      await dbh.db.insert(users).values({ ...orphanUser, id: 'u-orphan-2', username: 'orphan-2', agencyCode: 'NO-SUCH-AGENCY' });
      res.status(201).end();
    });
    app.use(errorHandler(createLogger('silent')));
    const res = await request(app).post('/users');
    expect(res.status).toBe(400);
    expect(res.type).toBe('application/problem+json');
    expect(res.body).toMatchObject({ code: 'invalid-input', errors: [{ field: 'agency_code', message: 'agency_code refers to no row of agencies' }] });
    expect(JSON.stringify(res.body)).not.toContain('NO-SUCH-AGENCY');
  });

  it('validates once the orphans are fixed, as docs/operations.md says; migrating again changes nothing', async () => {
    await dbh.db.update(users).set({ agencyCode: null }).where(eq(users.id, orphanUser.id));
    await dbh.db.delete(payments).where(eq(payments.transactionId, 'GW-ORPHAN'));
    await dbh.db.execute(sql`alter table payments validate constraint payments_dossier_code_dossiers_code_fk`);
    await dbh.db.execute(sql`alter table users validate constraint users_agency_code_agencies_code_fk`);
    expect(await unvalidatedForeignKeys(dbh.db)).toEqual([]);
    await dbh.migrate();
    const keys = await dbh.db.execute(sql`select count(*)::int as n from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace`);
    // The nine of this migration, the one commune_categories was created with (0015) and user_totp's (0020), and the citizen's store's three (0021: its dossier and issued document, an attachment's store document).
    expect((Array.isArray(keys) ? keys : (keys as unknown as { rows: { n: number }[] }).rows)[0]).toEqual({ n: 14 });
  });
});

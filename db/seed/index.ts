import { readFileSync } from 'node:fs';
import * as argon2 from '@node-rs/argon2';
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { agencies, procedures, users } from '../schema';
import type { ProcedureDefinition } from '../../domain/procedure';
import type { Role } from '../../domain/roles';
import { foldVietnamese } from '../../domain/text';
import { PROCEDURES } from '../../procedures';

type AgencySeed = { code: string; name: string; nameEn: string; kind: 'province' | 'department' | 'commune'; parentCode: string | null };
const agencyFile = new URL('./lao-cai-agencies.json', import.meta.url);

/** Password of the demonstration users; they are created only outside production. */
export const DEMO_PASSWORD = 'motcua123';

/** One user per role per agency kind, in two communes and two departments (see README). */
export const DEMO_USERS: { username: string; fullName: string; role: Role; agencyCode: string | null }[] = [
  { username: 'laocai.desk', fullName: 'Nguyễn Thị Lan', role: 'desk-officer', agencyCode: '02647' },
  { username: 'laocai.specialist', fullName: 'Trần Văn Minh', role: 'specialist', agencyCode: '02647' },
  { username: 'laocai.leader', fullName: 'Lê Văn Hùng', role: 'leader', agencyCode: '02647' },
  { username: 'laocai.supervisor', fullName: 'Phạm Thị Hoa', role: 'supervisor', agencyCode: '02647' },
  { username: 'batxat.desk', fullName: 'Lò Thị Mai', role: 'desk-officer', agencyCode: '02683' },
  { username: 'batxat.specialist', fullName: 'Giàng A Páo', role: 'specialist', agencyCode: '02683' },
  { username: 'batxat.leader', fullName: 'Vàng Văn Sử', role: 'leader', agencyCode: '02683' },
  { username: 'snnmt.desk', fullName: 'Đỗ Thị Thu', role: 'desk-officer', agencyCode: 'H38.SNNMT' },
  { username: 'snnmt.specialist', fullName: 'Hoàng Văn Nam', role: 'specialist', agencyCode: 'H38.SNNMT' },
  { username: 'snnmt.leader', fullName: 'Vũ Đức Thắng', role: 'leader', agencyCode: 'H38.SNNMT' },
  { username: 'stp.specialist', fullName: 'Bùi Thị Hằng', role: 'specialist', agencyCode: 'H38.STP' },
  { username: 'stp.leader', fullName: 'Đặng Quốc Bảo', role: 'leader', agencyCode: 'H38.STP' },
  { username: 'tinh.supervisor', fullName: 'Ngô Thanh Tùng', role: 'supervisor', agencyCode: 'H38' },
  { username: 'citizen', fullName: 'Sùng Thị Dua', role: 'citizen', agencyCode: null },
  { username: 'citizen2', fullName: 'Hà Văn Khánh', role: 'citizen', agencyCode: null },
];

export const userId = (username: string) => `u-${username}`;

export async function seedAgencies(db: Db) {
  const rows = (JSON.parse(readFileSync(agencyFile, 'utf8')) as { agencies: AgencySeed[] }).agencies;
  await db
    .insert(agencies)
    .values(rows)
    .onConflictDoUpdate({ target: agencies.code, set: { name: sql`excluded.name`, nameEn: sql`excluded.name_en`, kind: sql`excluded.kind`, parentCode: sql`excluded.parent_code` } });
  return rows.length;
}

/** The catalogue table mirrors the procedure files (the code is the source of truth). */
export async function syncProcedures(db: Db) {
  const rows = (PROCEDURES as readonly ProcedureDefinition[]).map((p) => ({
    code: p.code,
    version: p.version,
    nameVi: p.name.vi,
    nameEn: p.name.en,
    level: p.level,
    fee: p.fee.counter,
    workingDays: p.deadline.workingDays,
    fullProcessOnline: p.fullProcessOnline,
    portalIntegrated: p.portalIntegrated,
    searchText: foldVietnamese([p.name.vi, p.field.vi, ...p.keywords].join(' ')),
    definition: { field: p.field, requiredDocuments: p.requiredDocuments, stages: p.stages, handoff: p.handoff ?? null, source: p.source },
  }));
  await db.transaction(async (tx) => {
    for (const row of rows) await tx.insert(procedures).values(row).onConflictDoUpdate({ target: procedures.code, set: row });
  });
  return rows.length;
}

async function createMissingUsers(db: Db, list: { username: string; fullName: string; role: Role; agencyCode: string | null; password: string }[]) {
  const existing = new Set(
    (await db.select({ username: users.username }).from(users).where(inArray(users.username, list.map((u) => u.username)))).map((u) => u.username),
  );
  const missing = list.filter((u) => !existing.has(u.username));
  for (const u of missing) {
    const passwordHash = await argon2.hash(u.password);
    await db.insert(users).values({ id: userId(u.username), username: u.username, fullName: u.fullName, role: u.role, agencyCode: u.agencyCode, passwordHash }).onConflictDoNothing();
  }
  return missing.length;
}

/** Idempotent: safe at every start. Existing users keep their passwords. */
export async function seed(db: Db, opts: { adminPassword: string; demoUsers: boolean }) {
  const nAgencies = await seedAgencies(db);
  const nProcedures = await syncProcedures(db);
  const admin = { username: 'admin', fullName: 'Quản trị hệ thống', role: 'admin' as Role, agencyCode: 'H38', password: opts.adminPassword };
  const demo = opts.demoUsers ? DEMO_USERS.map((u) => ({ ...u, password: DEMO_PASSWORD })) : [];
  const nUsers = await createMissingUsers(db, [admin, ...demo]);
  return { agencies: nAgencies, procedures: nProcedures, usersCreated: nUsers };
}

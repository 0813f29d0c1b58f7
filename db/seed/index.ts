import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import * as argon2 from '@node-rs/argon2';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { agencies, type AgencyKind, procedureProfiles, procedures, procedureVersions, seedMarks, users } from '../schema';
import { rulesOf, type ProcedureDefinition } from '../../domain/procedure';
import type { Role } from '../../domain/roles';
import { foldVietnamese } from '../../domain/text';
import { allProcedures, isCoded } from '../../procedures';
import { profileOfDefinition } from '../../procedures/lao-cai/profile';

type AgencySeed = { code: string; name: string; nameEn: string; kind: AgencyKind; parentCode: string | null };
const agencyFile = new URL('./lao-cai-agencies.json', import.meta.url);

/** Password of the demonstration users; they are created only outside production. */
export const DEMO_PASSWORD = 'motcua123';

/** One user per role per agency kind, in two communes, their police units and two departments (see README). */
export const DEMO_USERS: { username: string; fullName: string; role: Role; agencyCode: string | null; personalId?: string }[] = [
  { username: 'laocai.desk', fullName: 'Nguyễn Thị Lan', role: 'desk-officer', agencyCode: '02647' },
  { username: 'laocai.specialist', fullName: 'Trần Văn Minh', role: 'specialist', agencyCode: '02647' },
  { username: 'laocai.leader', fullName: 'Lê Văn Hùng', role: 'leader', agencyCode: '02647' },
  { username: 'laocai.supervisor', fullName: 'Phạm Thị Hoa', role: 'supervisor', agencyCode: '02647' },
  { username: 'batxat.desk', fullName: 'Lò Thị Mai', role: 'desk-officer', agencyCode: '02683' },
  { username: 'batxat.specialist', fullName: 'Giàng A Páo', role: 'specialist', agencyCode: '02683' },
  { username: 'batxat.leader', fullName: 'Vàng Văn Sử', role: 'leader', agencyCode: '02683' },
  // The two communes' police units, which decide residence (1.004222 from version 3; api/deciding-agency.ts).
  { username: 'laocai.ca.desk', fullName: 'Hoàng Văn Dũng', role: 'desk-officer', agencyCode: '02647-CA' },
  { username: 'laocai.ca.specialist', fullName: 'Nguyễn Thị Thảo', role: 'specialist', agencyCode: '02647-CA' },
  { username: 'laocai.ca.leader', fullName: 'Trần Quang Khải', role: 'leader', agencyCode: '02647-CA' },
  { username: 'batxat.ca.desk', fullName: 'Sùng A Lử', role: 'desk-officer', agencyCode: '02683-CA' },
  { username: 'batxat.ca.specialist', fullName: 'Lý Thị Sen', role: 'specialist', agencyCode: '02683-CA' },
  { username: 'batxat.ca.leader', fullName: 'Hầu A Chính', role: 'leader', agencyCode: '02683-CA' },
  { username: 'snnmt.desk', fullName: 'Đỗ Thị Thu', role: 'desk-officer', agencyCode: 'H38.SNNMT' },
  { username: 'snnmt.specialist', fullName: 'Hoàng Văn Nam', role: 'specialist', agencyCode: 'H38.SNNMT' },
  { username: 'snnmt.leader', fullName: 'Vũ Đức Thắng', role: 'leader', agencyCode: 'H38.SNNMT' },
  { username: 'stp.specialist', fullName: 'Bùi Thị Hằng', role: 'specialist', agencyCode: 'H38.STP' },
  { username: 'stp.leader', fullName: 'Đặng Quốc Bảo', role: 'leader', agencyCode: 'H38.STP' },
  // A volunteer of Bát Xát's community digital technology team, who files for citizens (docs/assisted-filing.md).
  { username: 'batxat.helper', fullName: 'Thào Thị Mỷ', role: 'helper', agencyCode: '02683' },
  { username: 'tinh.supervisor', fullName: 'Ngô Thanh Tùng', role: 'supervisor', agencyCode: 'H38' },
  // Their personal ID numbers are those the local identity provider asserts (runtime/oidc-provider.ts).
  { username: 'citizen', fullName: 'Sùng Thị Dua', role: 'citizen', agencyCode: null, personalId: '010186000123' },
  { username: 'citizen2', fullName: 'Hà Văn Khánh', role: 'citizen', agencyCode: null, personalId: '010079000456' },
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

/** The procedures table's row for a definition (its first version; published versions are applied after). */
function procedureRow(p: ProcedureDefinition) {
  return {
    code: p.code,
    version: p.version,
    nameVi: p.name.vi,
    nameEn: p.name.en,
    level: p.level,
    fieldVi: p.field.vi,
    onlineLevel: profileOfDefinition(p).onlineLevel,
    coded: isCoded(p.code),
    fee: p.fee.counter,
    workingDays: p.deadline.workingDays,
    calendarDays: p.deadline.calendarDays ?? null,
    fullProcessOnline: p.fullProcessOnline,
    portalIntegrated: p.portalIntegrated,
    searchText: foldVietnamese([p.name.vi, p.field.vi, ...p.keywords].join(' ')),
    definition: { field: p.field, requiredDocuments: p.requiredDocuments, stages: p.stages, handoff: p.handoff ?? null, source: p.source },
  };
}

const BATCH = 400;
const excluded = (columns: string[]) => Object.fromEntries(columns.map((c) => [c, sql.raw(`excluded.${c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)}`)]));

/**
 * Mirrors the registry (coded procedures and the catalogue, ~1,600) into the procedures table,
 * and records each procedure's first version in procedure_versions (never overwritten: that is
 * the snapshot dossiers pinned). Skipped when nothing changed since the last start (a hash of
 * the rows), so a start with ~1,600 procedures costs one read.
 */
export async function syncProcedures(db: Db): Promise<number> {
  const defs = allProcedures();
  const rows = defs.map(procedureRow);
  // The tables written, then the rows: a database seeded before procedure_profiles existed is seeded again, once.
  const hash = createHash('sha256').update('procedures,procedure_versions,procedure_profiles\n').update(JSON.stringify(rows)).digest('hex');
  const [mark] = await db.select().from(seedMarks).where(eq(seedMarks.name, 'procedures'));
  if (mark?.hash === hash) return rows.length;
  const update = excluded(Object.keys(rows[0]!).filter((k) => k !== 'code'));
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += BATCH) {
      await tx.insert(procedures).values(rows.slice(i, i + BATCH)).onConflictDoUpdate({ target: procedures.code, set: update });
      const versions = defs.slice(i, i + BATCH).map((p) => ({ code: p.code, version: p.version, rules: rulesOf(p) }));
      await tx.insert(procedureVersions).values(versions).onConflictDoNothing();
      // Lào Cai's profile starts as the registry's default; an administrator's versions stay.
      const profiles = defs.slice(i, i + BATCH).map((p) => ({ code: p.code, version: 1, ...profileOfDefinition(p) }));
      await tx.insert(procedureProfiles).values(profiles).onConflictDoNothing();
    }
    // The profile an administrator corrected stays current (api/procedure-profiles.ts).
    await tx.execute(sql`
      update procedures p set level = v.level, online_level = v.online_level, full_process_online = v.online_level = 'full', portal_integrated = v.portal_integrated
      from (select distinct on (code) code, version, level, online_level, portal_integrated from procedure_profiles order by code, version desc) v
      where v.code = p.code and v.version > 1`);
    // Versions an administrator published since stay current.
    await tx.execute(sql`
      update procedures p set version = v.version, fee = (v.rules->'fee'->>'counter')::int,
        working_days = (v.rules->'deadline'->>'workingDays')::float8, calendar_days = (v.rules->'deadline'->>'calendarDays')::int
      from (select distinct on (code) code, version, rules from procedure_versions order by code, version desc) v
      where v.code = p.code and v.version > p.version`);
    await tx.insert(seedMarks).values({ name: 'procedures', hash }).onConflictDoUpdate({ target: seedMarks.name, set: { hash, updatedAt: new Date() } });
  });
  // Fresh statistics, so the planner takes the finder's GIN index rather than a scan of every
  // row (PGlite has no autovacuum to gather them; bench/scenarios/finder.ts shows the plan).
  await db.execute(sql`analyze procedures`);
  return rows.length;
}

async function createMissingUsers(db: Db, list: { username: string; fullName: string; role: Role; agencyCode: string | null; personalId?: string; password: string }[]) {
  const existing = new Set(
    (await db.select({ username: users.username }).from(users).where(inArray(users.username, list.map((u) => u.username)))).map((u) => u.username),
  );
  const missing = list.filter((u) => !existing.has(u.username));
  for (const u of missing) {
    const passwordHash = await argon2.hash(u.password);
    await db
      .insert(users)
      .values({ id: userId(u.username), username: u.username, fullName: u.fullName, role: u.role, agencyCode: u.agencyCode, personalId: u.personalId ?? null, passwordHash })
      .onConflictDoNothing();
  }
  // Demo citizens seeded before personal ID numbers existed get theirs (never overwriting one, nor
  // taking one an account created at sign-in through the issuer already holds).
  for (const u of list.filter((x) => x.personalId && existing.has(x.username))) {
    const [holder] = await db.select({ id: users.id }).from(users).where(eq(users.personalId, u.personalId!));
    if (!holder) await db.update(users).set({ personalId: u.personalId }).where(and(eq(users.username, u.username), isNull(users.personalId)));
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

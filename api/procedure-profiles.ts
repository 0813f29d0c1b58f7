import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { procedureProfiles, procedures, type AgencyKind } from '../db/schema';
import type { ProcedureRules } from '../domain/procedure';
import { getProcedure } from '../procedures';
import { departmentShare } from '../procedures/generic';
import { profileOfDefinition, type LaoCaiProfile } from '../procedures/lao-cai/profile';
import type { ProcedureVersions } from './procedure-versions';
import { unprocessable } from './problem';

/** One version of a procedure's profile, as the back office's history shows it. */
export interface ProfileVersion extends LaoCaiProfile {
  code: string;
  version: number;
  changes: Record<string, unknown> | null;
  note: string | null;
  changedBy: string | null;
  changedAt: Date | null;
}

const PROFILE_KEYS = ['level', 'departmentCode', 'onlineLevel', 'portalIntegrated'] as const;
const plain = (p: LaoCaiProfile): LaoCaiProfile => ({ level: p.level, departmentCode: p.departmentCode, onlineLevel: p.onlineLevel, portalIntegrated: p.portalIntegrated });

/** What differs between two profiles, field by field, as `{ field: { from, to } }`. */
export function profileDiff(from: LaoCaiProfile, to: LaoCaiProfile): Record<string, { from: unknown; to: unknown }> {
  return Object.fromEntries(PROFILE_KEYS.filter((k) => from[k] !== to[k]).map((k) => [k, { from: from[k], to: to[k] }]));
}

/**
 * Refuses a profile no agency can carry out (422): a province-level procedure is decided by an
 * existing department, a commune-level one by the commune People's Committee that receives it.
 */
export function checkProfile(p: LaoCaiProfile, kindOf: (code: string) => AgencyKind | undefined): void {
  if (p.level === 'commune') {
    if (p.departmentCode !== null) throw unprocessable('a commune-level procedure is decided by the commune People’s Committee that receives it: give no departmentCode, or level province');
    return;
  }
  if (p.departmentCode === null) throw unprocessable('a province-level procedure needs the department that decides it (departmentCode)');
  const kind = kindOf(p.departmentCode);
  if (!kind) throw unprocessable(`agency ${p.departmentCode} does not exist`);
  if (kind !== 'department') throw unprocessable(`agency ${p.departmentCode} is a ${kind}, not a department: it cannot decide a province-level procedure`);
}

/**
 * The rules a profile implies for new dossiers: who decides (the level, and the department of the
 * hand-off with its share of the deadline, kept when the department only changes). Unchanged
 * rules come back as they are, so a correction of the online level alone publishes no version.
 */
export function rulesWithProfile(rules: ProcedureRules, p: LaoCaiProfile): ProcedureRules {
  const same = rules.level === p.level && (rules.handoff?.departmentCode ?? null) === p.departmentCode;
  if (same) return rules;
  const { handoff: _old, ...rest } = rules;
  if (p.level === 'commune' || p.departmentCode === null) return { ...rest, level: 'commune' };
  const share = rules.handoff ? rules.handoff.shareWorkingDays : departmentShare(rules.deadline.workingDays);
  // A hand-off route is kept: its `department` hops go to the new department.
  const route = rules.handoff?.route ? { route: rules.handoff.route } : {};
  // A department decides now, not a commune-level body (the commune police: `decidedBy`).
  const { decidedBy: _decider, ...provincial } = rest;
  return { ...provincial, level: 'province', handoff: { departmentCode: p.departmentCode, shareWorkingDays: share, ...route } };
}

/**
 * Lào Cai's profile of every procedure (docs/procedures.md): the latest version of each in
 * memory (~1,600 small rows), every version in procedure_profiles, insert-only. A correction is
 * one transaction: the new profile version, the procedures row the finder and the public figures
 * read, and — when who decides changes — a new version of the rules, which new dossiers pin and
 * dossiers in flight do not see.
 */
export class ProcedureProfiles {
  private latest = new Map<string, ProfileVersion>();

  constructor(
    private readonly db: Db,
    private readonly versions: ProcedureVersions,
  ) {}

  async reload(): Promise<void> {
    const rows = await this.db.execute(sql`select distinct on (code) * from ${procedureProfiles} order by code, version desc`);
    this.latest = new Map();
    for (const r of rowsOf<Record<string, unknown>>(rows)) this.latest.set(String(r.code), fromSql(r));
  }

  /** The current profile: the latest stored version, else the registry's default (version 1). */
  current(code: string): ProfileVersion | undefined {
    const found = this.latest.get(code);
    if (found) return found;
    const def = getProcedure(code);
    return def ? { code, version: 1, ...profileOfDefinition(def), changes: null, note: null, changedBy: null, changedAt: null } : undefined;
  }

  /** Every version of a procedure's profile, newest first. */
  async history(code: string): Promise<ProfileVersion[]> {
    return this.db.select().from(procedureProfiles).where(eq(procedureProfiles.code, code)).orderBy(desc(procedureProfiles.version));
  }

  /**
   * The current profile as stored: what the administrator's screen and a correction start from,
   * right even when another API process made the last correction (this one's memory would lag).
   */
  async stored(code: string): Promise<{ current: ProfileVersion; history: ProfileVersion[] } | undefined> {
    const fallback = this.current(code);
    if (!fallback) return undefined;
    const history = await this.history(code);
    return { current: history[0] ?? fallback, history };
  }

  /**
   * Records `next` as the procedure's new profile version (one above the latest, serialized by
   * the procedures row's lock) with what changed and who changed it.
   */
  async save(code: string, next: LaoCaiProfile, by: { id: string; note?: string }): Promise<{ profile: ProfileVersion; rules: ProcedureRules | null }> {
    const rulesNow = this.versions.current(code);
    if (!rulesNow) throw new Error(`procedure ${code} has no rules`);
    const { profile, rules } = await this.db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from ${procedures} where ${procedures.code} = ${code} for update`);
      const [top] = await tx.select().from(procedureProfiles).where(eq(procedureProfiles.code, code)).orderBy(desc(procedureProfiles.version)).limit(1);
      const before = top ? fromSql(top as unknown as Record<string, unknown>) : this.current(code)!;
      const changes = profileDiff(before, next);
      if (Object.keys(changes).length === 0) throw unprocessable('the profile is already so: nothing to change');
      const [row] = await tx
        .insert(procedureProfiles)
        .values({ code, version: (top?.version ?? 1) + 1, ...plain(next), changes, note: by.note ?? null, changedBy: by.id })
        .returning();
      await tx
        .update(procedures)
        .set({ level: next.level, onlineLevel: next.onlineLevel, fullProcessOnline: next.onlineLevel === 'full', portalIntegrated: next.portalIntegrated })
        .where(eq(procedures.code, code));
      const nextRules = rulesWithProfile(rulesNow, next);
      const published = nextRules === rulesNow ? null : await this.versions.publishIn(tx, nextRules, { profile: changes }, by);
      return { profile: { ...row!, changes } as ProfileVersion, rules: published };
    });
    this.latest.set(code, profile);
    if (rules) this.versions.remember(rules);
    await this.versions.announce();
    return { profile, rules };
  }
}

/** A row of procedure_profiles as the driver gives it (snake_case from raw SQL, camelCase from the query builder). */
function fromSql(r: Record<string, unknown>): ProfileVersion {
  const at = r.changed_at ?? r.changedAt;
  return {
    code: String(r.code),
    version: Number(r.version),
    level: r.level as LaoCaiProfile['level'],
    departmentCode: (r.department_code ?? r.departmentCode ?? null) as string | null,
    onlineLevel: (r.online_level ?? r.onlineLevel) as LaoCaiProfile['onlineLevel'],
    portalIntegrated: Boolean(r.portal_integrated ?? r.portalIntegrated),
    changes: (r.changes ?? null) as Record<string, unknown> | null,
    note: (r.note ?? null) as string | null,
    changedBy: (r.changed_by ?? r.changedBy ?? null) as string | null,
    changedAt: at ? new Date(at as string) : null,
  };
}

const rowsOf = <T>(r: unknown): T[] => (Array.isArray(r) ? r : (r as { rows: T[] }).rows);

import { and, desc, eq, sql } from 'drizzle-orm';
import type { ChangeFeed } from '../db/change-feed';
import type { Db } from '../db/client';
import { procedures, procedureVersions, type ProcedureVersionRow } from '../db/schema';
import { rulesOf, type ProcedureRules } from '../domain/procedure';
import { getProcedure } from '../procedures';
import { ProcedureProfiles } from './procedure-profiles';

const key = (code: string, version: number) => `${code}@${version}`;

/**
 * Every version of every procedure's rules, in memory (~1,600 procedures, a few KiB each): the
 * current one is what a new dossier pins; a pinned one is what an existing dossier's page and
 * start sweep read back. Published versions are written to procedure_versions first, then here.
 */
export class ProcedureVersions {
  private byKey = new Map<string, ProcedureRules>();
  private latest = new Map<string, ProcedureRules>();
  /** Lào Cai's profile of each procedure, current and past versions. */
  readonly profiles: ProcedureProfiles;

  /** With a change feed, a version another process publishes is read here too (db/change-feed.ts). */
  constructor(
    private readonly db: Db,
    private readonly changes?: ChangeFeed,
  ) {
    this.profiles = new ProcedureProfiles(db, this);
    changes?.subscribe((c) => {
      if (c.kind === 'procedures') void this.reload().catch(() => {});
    });
  }

  async reload(): Promise<void> {
    await this.profiles.reload();
    const rows = await this.db.select({ code: procedureVersions.code, version: procedureVersions.version, rules: procedureVersions.rules }).from(procedureVersions);
    this.byKey = new Map();
    this.latest = new Map();
    for (const r of rows) this.remember(r.rules);
  }

  /** Makes a committed version known to this process. */
  remember(rules: ProcedureRules) {
    this.byKey.set(key(rules.code, rules.version), rules);
    const now = this.latest.get(rules.code);
    if (!now || now.version < rules.version) this.latest.set(rules.code, rules);
  }

  /** The rules a dossier submitted now pins: the latest published version, else the definition's. */
  current(code: string): ProcedureRules | undefined {
    const def = getProcedure(code);
    return this.latest.get(code) ?? (def ? rulesOf(def) : undefined);
  }

  /** The rules of `code@version`, as pinned by a dossier. */
  at(code: string, version: number): ProcedureRules | undefined {
    const found = this.byKey.get(key(code, version));
    if (found) return found;
    const def = getProcedure(code);
    return def && def.version === version ? rulesOf(def) : undefined;
  }

  /** Versions of a procedure, newest first, as the administrator's history shows them. */
  async history(code: string): Promise<Omit<ProcedureVersionRow, 'rules'>[]> {
    return this.db
      .select({
        code: procedureVersions.code,
        version: procedureVersions.version,
        changes: procedureVersions.changes,
        note: procedureVersions.note,
        publishedBy: procedureVersions.publishedBy,
        publishedAt: procedureVersions.publishedAt,
      })
      .from(procedureVersions)
      .where(eq(procedureVersions.code, code))
      .orderBy(desc(procedureVersions.version));
  }

  /**
   * Publishes `next` as the procedure's new version, one above the latest, with the changes that
   * made it. Serialized per procedure by a row lock, so two administrators never publish the same
   * number. Dossiers in flight keep the version they pinned.
   */
  async publish(next: ProcedureRules, changes: Record<string, unknown>, by: { id: string; note?: string }): Promise<ProcedureRules> {
    const published = await this.db.transaction((tx) => this.publishIn(tx, next, changes, by));
    this.remember(published);
    await this.announce();
    return published;
  }

  /** Tells the other processes that versions or profiles changed, so they reload them. */
  async announce(): Promise<void> {
    await this.changes?.publish({ kind: 'procedures' });
  }

  /**
   * The writes of `publish` inside the caller's transaction (a profile correction publishes the
   * rules it changes with it, api/procedure-profiles.ts); call `remember` once it commits.
   */
  async publishIn(tx: Tx, next: ProcedureRules, changes: Record<string, unknown>, by: { id: string; note?: string }): Promise<ProcedureRules> {
    await tx.execute(sql`select 1 from ${procedures} where ${procedures.code} = ${next.code} for update`);
    const [top] = await tx
      .select({ version: procedureVersions.version })
      .from(procedureVersions)
      .where(eq(procedureVersions.code, next.code))
      .orderBy(desc(procedureVersions.version))
      .limit(1);
    const rules: ProcedureRules = { ...next, version: (top?.version ?? next.version - 1) + 1 };
    await tx.insert(procedureVersions).values({ code: rules.code, version: rules.version, rules, changes, note: by.note ?? null, publishedBy: by.id });
    await tx
      .update(procedures)
      .set({ version: rules.version, fee: rules.fee.counter, workingDays: rules.deadline.workingDays, calendarDays: rules.deadline.calendarDays ?? null })
      .where(and(eq(procedures.code, rules.code)));
    return rules;
  }
}

/** A transaction of the database handle (publishing and a profile correction share one). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

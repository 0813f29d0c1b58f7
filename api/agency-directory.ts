import type { ChangeFeed } from '../db/change-feed';
import type { Db } from '../db/client';
import { agencies, type AgencyRow } from '../db/schema';

/**
 * The agency tree in memory: ~120 rows for a province, read on every authorization decision
 * (subtrees for supervisors, target checks for forward). Reloaded after an admin edits it.
 */
export class AgencyDirectory {
  private byCode = new Map<string, AgencyRow>();
  private children = new Map<string, string[]>();
  /** Moves on at every reload: what was derived from the tree (a user's subtree, their ability) is stale when it differs. */
  version = 0;

  /** With a change feed, an edit made through another process is read here too (db/change-feed.ts). */
  constructor(
    private readonly db: Db,
    private readonly changes?: ChangeFeed,
  ) {
    changes?.subscribe((c) => {
      if (c.kind === 'agencies') void this.reload().catch(() => {});
    });
  }

  /** After an edit: reloads here and tells the other processes. */
  async changed(): Promise<void> {
    await this.reload();
    await this.changes?.publish({ kind: 'agencies' });
  }

  async reload(): Promise<void> {
    const rows = await this.db.select().from(agencies);
    this.byCode = new Map(rows.map((r) => [r.code, r]));
    this.children = new Map();
    for (const r of rows) {
      if (!r.parentCode) continue;
      this.children.set(r.parentCode, [...(this.children.get(r.parentCode) ?? []), r.code]);
    }
    this.version++;
  }

  get(code: string): AgencyRow | undefined {
    return this.byCode.get(code);
  }

  all(): AgencyRow[] {
    return [...this.byCode.values()];
  }

  /** The agencies directly under `code`. */
  childrenOf(code: string): AgencyRow[] {
    return (this.children.get(code) ?? []).map((c) => this.byCode.get(c)!);
  }

  /** The agency and all its descendants. */
  subtree(code: string | null): string[] {
    if (!code || !this.byCode.has(code)) return [];
    const out: string[] = [];
    const stack = [code];
    while (stack.length) {
      const c = stack.pop()!;
      out.push(c);
      stack.push(...(this.children.get(c) ?? []));
    }
    return out;
  }
}

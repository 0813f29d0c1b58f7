/**
 * Remembers an async result per key for `ttlMs`. Concurrent callers of a key that is missing or
 * expired share one computation (single flight), so twenty supervisors opening the dashboard at
 * once cost one query, not twenty. A failed computation is forgotten at once, never served.
 * Oldest keys are dropped beyond `maxEntries`.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { at: number; value: Promise<V> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, compute: () => Promise<V>): Promise<V> {
    const t = this.now();
    const hit = this.entries.get(key);
    if (hit && t - hit.at < this.ttlMs) return hit.value;
    const value = compute();
    this.entries.delete(key); // re-inserted last: Map order is the eviction order
    this.entries.set(key, { at: t, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    for (const old of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(old);
    }
    return value;
  }

  /** Drops a key at once, so that the next `get` computes afresh (e.g. after a write). */
  forget(key: string): void {
    this.entries.delete(key);
  }
}

import { and, asc, eq, inArray, lt, lte, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Logger } from 'pino';
import type { Db } from '../db/client';
import { outbox, type OutboxRow } from '../db/schema';
import { DeliveryError, type Adapter } from './adapter';
import type { Channel } from './messages';

export interface DispatcherOptions {
  db: Db;
  /** PostgreSQL: claims with FOR UPDATE SKIP LOCKED (several dispatchers may run); PGlite: one connection, a plain select. */
  kind: 'postgres' | 'pglite';
  /** The configured channels; messages of any other channel stay pending, untouched. */
  adapters: Partial<Record<Channel, Adapter>>;
  log: Logger;
  pollMs?: number;
  batch?: number;
  maxAttempts?: number;
  backoffMs?: number;
  backoffMaxMs?: number;
  /**
   * How long a claimed message is reserved for the dispatcher that claimed it. If that process
   * dies mid-delivery, the message is due again after the lease (and redelivered: receivers
   * dedupe by Idempotency-Key). Must exceed the adapters' timeout.
   */
  leaseMs?: number;
  /** How long `stop()` lets in-flight deliveries finish before aborting them. */
  stopGraceMs?: number;
  random?: () => number;
}

export interface DispatcherStats {
  sent: number;
  failed: number;
  dead: number;
  polls: number;
}

/** Exponential back-off with jitter: base·2^(attempt−1), capped, times a random factor in [0.5, 1). */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp * (0.5 + random() * 0.5));
}

/**
 * Delivers the outbox: claims due pending messages, hands each to its channel's adapter, marks
 * it sent, or reschedules it with back-off and, after `maxAttempts`, moves it to the dead
 * letters. Per dossier and channel, message n+1 is not claimed while message n is pending
 * (waiting for a retry included), so receivers see a dossier's events in order. Runs beside
 * the worker: a slow or absent receiver delays messages, never a workflow.
 */
export class Dispatcher {
  readonly stats: DispatcherStats = { sent: 0, failed: 0, dead: 0, polls: 0 };
  private readonly channels: Channel[];
  private readonly o: Required<Omit<DispatcherOptions, 'adapters' | 'log' | 'db' | 'kind'>>;
  private stopping = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private abort = new AbortController();

  constructor(private readonly opts: DispatcherOptions) {
    this.channels = (Object.keys(opts.adapters) as Channel[]).filter((c) => opts.adapters[c]);
    this.o = {
      pollMs: opts.pollMs ?? 1000,
      batch: opts.batch ?? 50,
      maxAttempts: opts.maxAttempts ?? 12,
      backoffMs: opts.backoffMs ?? 5000,
      backoffMaxMs: opts.backoffMaxMs ?? 3_600_000,
      leaseMs: opts.leaseMs ?? 60_000,
      stopGraceMs: opts.stopGraceMs ?? 5000,
      random: opts.random ?? Math.random,
    };
  }

  get configuredChannels(): readonly Channel[] {
    return this.channels;
  }

  start(): this {
    if (this.loop || this.channels.length === 0) return this;
    this.loop = this.run();
    return this;
  }

  /** Stops polling, lets in-flight deliveries finish (aborting them after the grace period), and records their outcome. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    if (!this.loop) return this.closeAdapters();
    const grace = setTimeout(() => this.abort.abort(), this.o.stopGraceMs);
    try {
      await this.loop;
    } finally {
      clearTimeout(grace);
      await this.closeAdapters();
    }
  }

  private async closeAdapters() {
    await Promise.all(Object.values(this.opts.adapters).map(async (a) => a?.close?.().catch(() => {})));
  }

  private async run() {
    while (!this.stopping) {
      let n = 0;
      try {
        n = await this.runOnce();
      } catch (err) {
        this.opts.log.error({ err }, 'outbox dispatcher: poll failed');
      }
      // A full or productive batch: poll again at once (a dossier's next message may be due now).
      if (n === 0 && !this.stopping) await this.sleep(this.o.pollMs);
    }
  }

  private sleep(ms: number) {
    return new Promise<void>((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        resolve();
      }
      this.wake = done;
    });
  }

  /** One poll: claims a batch and delivers it. Returns the number of messages handled. */
  async runOnce(): Promise<number> {
    this.stats.polls++;
    const batch = await this.claim();
    await Promise.all(batch.map((m) => this.deliver(m)));
    return batch.length;
  }

  /**
   * Claims due messages by moving their next attempt a lease ahead (and counting the attempt),
   * so a concurrent dispatcher skips them and a crashed one's claim expires by itself.
   */
  private async claim(): Promise<OutboxRow[]> {
    const { db, kind } = this.opts;
    const earlier = alias(outbox, 'earlier');
    return db.transaction(async (tx) => {
      const due = tx
        .select({ id: outbox.id })
        .from(outbox)
        .where(
          and(
            eq(outbox.status, 'pending'),
            lte(outbox.nextAttemptAt, sql`now()`),
            inArray(outbox.channel, this.channels),
            notExists(
              tx
                .select({ one: sql`1` })
                .from(earlier)
                .where(
                  and(
                    eq(earlier.dossierCode, outbox.dossierCode),
                    eq(earlier.channel, outbox.channel),
                    eq(earlier.status, 'pending'),
                    lt(earlier.eventSeq, outbox.eventSeq),
                  ),
                ),
            ),
          ),
        )
        .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
        .limit(this.o.batch);
      const rows = kind === 'postgres' ? await due.for('update', { of: outbox, skipLocked: true }) : await due;
      if (rows.length === 0) return [];
      return tx
        .update(outbox)
        .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: sql`now() + ${`${this.o.leaseMs} milliseconds`}::interval` })
        .where(inArray(outbox.id, rows.map((r) => r.id)))
        .returning();
    });
  }

  private async deliver(m: OutboxRow) {
    const { db, log } = this.opts;
    const adapter = this.opts.adapters[m.channel as Channel]!;
    try {
      await adapter.send(m, this.abort.signal);
    } catch (err) {
      const e = err instanceof DeliveryError ? err : new DeliveryError((err as Error).message ?? String(err));
      const interrupted = this.abort.signal.aborted;
      const dead = !interrupted && (e.permanent || m.attempts >= this.o.maxAttempts);
      const delay = interrupted ? 0 : backoffDelay(m.attempts, this.o.backoffMs, this.o.backoffMaxMs, this.o.random);
      await db
        .update(outbox)
        .set({
          status: dead ? 'dead' : 'pending',
          lastError: e.message.slice(0, 500),
          nextAttemptAt: sql`now() + ${`${delay} milliseconds`}::interval`,
        })
        .where(and(eq(outbox.id, m.id), eq(outbox.status, 'pending')));
      if (dead) this.stats.dead++;
      else this.stats.failed++;
      log[dead ? 'error' : 'warn']({ id: m.id, attempts: m.attempts, error: e.message, dead }, 'outbox delivery failed');
      return;
    }
    await db
      .update(outbox)
      .set({ status: 'sent', sentAt: sql`now()`, lastError: null })
      .where(and(eq(outbox.id, m.id), eq(outbox.status, 'pending')));
    this.stats.sent++;
  }
}

import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { dossiers } from '../db/schema';
import { rate, type Summary } from '../domain/stats';

/** Statuses that close a dossier with a decision: the on-time rate is taken over these. */
const DECIDED: readonly string[] = ['DELIVERED', 'REJECTED'];

/** Per status sums, from which every figure of the summary follows (the query's own row type). */
export type StatusSums = Awaited<ReturnType<typeof getStatusSums>>[number];

/**
 * One pass over the dossiers `where` selects (scope and period), grouped by status; an
 * index-only scan of dossiers_created_at_stats_idx reads every column used here.
 */
export async function getStatusSums(db: Db, where: SQL | undefined) {
  const d = dossiers;
  const rows = await db
    .select({
      status: d.status,
      count: sql<number>`count(*)::int`,
      // Classified dossiers count by their class (an apology never makes a late one on time,
      // docs/decision-766.md); refusals and dossiers finished before the class was kept by dates.
      onTime: sql<number>`count(*) filter (where coalesce(${d.timeliness} in ('early', 'on-time'), ${d.finishedAt} <= ${d.dueAt}))::int`,
      online: sql<number>`count(*) filter (where ${d.channel} = 'online')::int`,
      paid: sql<number>`count(*) filter (where ${d.paid})::int`,
      paidOnline: sql<number>`count(*) filter (where ${d.paidOnline})::int`,
      // Sum and number of (finished_at - received_at) in days, where both are known.
      daysSum: sql<string | null>`sum(extract(epoch from (${d.finishedAt} - ${d.receivedAt})) / 86400)`,
      daysN: sql<number>`count(${d.finishedAt} - ${d.receivedAt})::int`,
      ratingSum: sql<string | null>`sum(${d.rating})`,
      ratingN: sql<number>`count(${d.rating})::int`,
    })
    .from(d)
    .where(where)
    .groupBy(d.status);
  return rows.map((r) => ({ ...r, daysSum: Number(r.daysSum ?? 0), ratingSum: Number(r.ratingSum ?? 0) }));
}

/** The supervisor's figures from the per-status sums (pure). */
export function summarise(sums: StatusSums[], asOf: Date): Summary {
  const total = (pick: (s: StatusSums) => number, only?: (s: StatusSums) => boolean) =>
    sums.filter((s) => !only || only(s)).reduce((n, s) => n + pick(s), 0);
  const decided = (s: StatusSums) => DECIDED.includes(s.status);
  const delivered = (s: StatusSums) => s.status === 'DELIVERED';
  const all = total((s) => s.count);
  const finished = total((s) => s.count, decided);
  return {
    total: all,
    finished,
    onTimeRate: rate(total((s) => s.onTime, decided), finished),
    onlineRate: rate(total((s) => s.online), all),
    onlinePaymentRate: rate(total((s) => s.paidOnline), total((s) => s.paid)),
    avgProcessingDays: rate(total((s) => s.daysSum, delivered), total((s) => s.daysN, delivered)),
    satisfaction: rate(total((s) => s.ratingSum), total((s) => s.ratingN)),
    byStatus: sums.map((s) => ({ status: s.status, count: s.count })),
    asOf: asOf.toISOString(),
  };
}

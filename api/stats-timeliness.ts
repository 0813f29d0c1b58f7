import { and, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { dossierEvents, dossiers } from '../db/schema';
import type { Timeliness } from '../domain/lifecycle/timeliness';
import { rate, type Indicator, type Split, type Summary, type TimelinessStats } from '../domain/stats';

export type { Indicator, Split, TimelinessStats };

export interface ClassCount {
  agencyCode: string;
  procedureCode: string;
  timeliness: Timeliness;
  count: number;
}

/** Classified dossiers `where` selects, counted by deciding agency, procedure and class. */
export async function getClassCounts(db: Db, where: SQL | undefined): Promise<ClassCount[]> {
  const d = dossiers;
  const rows = await db
    .select({
      agencyCode: sql<string>`coalesce(${d.resultAgencyCode}, ${d.agencyCode})`,
      procedureCode: d.procedureCode,
      timeliness: d.timeliness,
      count: sql<number>`count(*)::int`,
    })
    .from(d)
    .where(and(where, isNotNull(d.timeliness)))
    .groupBy(sql`1`, d.procedureCode, d.timeliness);
  return rows as ClassCount[];
}

/** Delivered dossiers `where` selects, and those whose result went out online (an electronic result). */
export async function getResultDelivery(db: Db, where: SQL | undefined): Promise<{ delivered: number; online: number }> {
  const [row] = await db
    .select({
      delivered: sql<number>`count(*)::int`,
      online: sql<number>`count(*) filter (where ${dossierEvents.data}->>'method' = 'online')::int`,
    })
    .from(dossierEvents)
    .innerJoin(dossiers, eq(dossiers.code, dossierEvents.dossierCode))
    .where(and(where, eq(dossierEvents.type, 'deliver')));
  return row ?? { delivered: 0, online: 0 };
}

function split(rows: ClassCount[]): Split {
  const n = (t: Timeliness) => rows.filter((r) => r.timeliness === t).reduce((s, r) => s + r.count, 0);
  const early = n('early');
  const onTime = n('on-time');
  const late = n('late');
  return { early, onTime, late, onTimeRate: rate(early + onTime, early + onTime + late) };
}

function groupBy<K extends 'agencyCode' | 'procedureCode'>(rows: ClassCount[], key: K): [string, Split][] {
  const keys = [...new Set(rows.map((r) => r[key]))];
  return keys
    .map((k) => [k, split(rows.filter((r) => r[key] === k))] as [string, Split])
    .sort((a, b) => b[1].late - a[1].late || a[0].localeCompare(b[0]));
}

/**
 * The supervisor's timeliness figures and Decision 766's indicator groups (pure). Only what the
 * projection records is scored; the other groups say what is missing (docs/decision-766.md).
 */
export function timelinessStats(
  rows: ClassCount[],
  summary: Pick<Summary, 'onlineRate' | 'onlinePaymentRate' | 'satisfaction'>,
  results: { delivered: number; online: number },
  names: { agency: (code: string) => string; procedure: (code: string) => string },
  asOf: Date,
): TimelinessStats {
  const total = split(rows);
  return {
    total,
    byAgency: groupBy(rows, 'agencyCode').map(([agencyCode, s]) => ({ agencyCode, agencyName: names.agency(agencyCode), ...s })),
    byProcedure: groupBy(rows, 'procedureCode').map(([procedureCode, s]) => ({ procedureCode, procedureName: names.procedure(procedureCode), ...s })),
    indicators: [
      { group: 'transparency', measures: [], missing: 'publication of procedures and of each dossier’s progress on the public portals is not recorded per dossier' },
      { group: 'progress', measures: [{ key: 'onTimeRate', rate: total.onTimeRate }], missing: null },
      {
        group: 'online-services',
        measures: [
          { key: 'onlineSubmissionRate', rate: summary.onlineRate },
          { key: 'onlinePaymentRate', rate: summary.onlinePaymentRate },
        ],
        missing: null,
      },
      {
        group: 'satisfaction',
        measures: [{ key: 'ratingRate', rate: summary.satisfaction === null ? null : summary.satisfaction / 5 }],
        missing: 'only the citizens’ own ratings are kept; no survey or complaint-handling data',
      },
      {
        group: 'digitisation',
        measures: [{ key: 'onlineResultRate', rate: rate(results.online, results.delivered) }],
        missing: 'whether submitted documents were digitised and reused is not recorded; results delivered online stand for electronic results',
      },
    ],
    asOf: asOf.toISOString(),
  };
}

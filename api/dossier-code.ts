import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { dossierSequences } from '../db/schema';

const VN_OFFSET_MS = 7 * 3_600_000;

/** YYMMDD of the day in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
export function vnDay(ms: number): string {
  const d = new Date(ms + VN_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCFullYear() % 100)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}`;
}

/** `{agencyCode}-{YYMMDD}-{NNNN}`: the next number of the agency's daily sequence, atomically. */
export async function nextDossierCode(db: Pick<Db, 'insert'>, agencyCode: string, now: number): Promise<string> {
  const day = vnDay(now);
  const [row] = await db
    .insert(dossierSequences)
    .values({ agencyCode, day, last: 1 })
    .onConflictDoUpdate({ target: [dossierSequences.agencyCode, dossierSequences.day], set: { last: sql`${dossierSequences.last} + 1` } })
    .returning({ last: dossierSequences.last });
  if (row!.last > 9999) throw new Error(`agency ${agencyCode} passed 9999 dossiers on ${day}`);
  return `${agencyCode}-${day}-${String(row!.last).padStart(4, '0')}`;
}

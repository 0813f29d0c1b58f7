import { createHmac } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { prepared } from '../db/prepared';
import { dossierSequences, submissions } from '../db/schema';

const VN_OFFSET_MS = 7 * 3_600_000;

/** YYMMDD of the day in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
export function vnDay(ms: number): string {
  const d = new Date(ms + VN_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCFullYear() % 100)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}`;
}

/** The key of the suffix permutation: DOSSIER_CODE_KEY, else derived from JWT_SECRET (never the secret itself). */
export const dossierCodeKey = (env: { DOSSIER_CODE_KEY?: string; JWT_SECRET: string }) =>
  createHmac('sha256', env.DOSSIER_CODE_KEY ?? env.JWT_SECRET).update('motcua dossier code suffix').digest();

const ROUNDS = 4;

/** One pass of a 4-round Feistel network over 0..9999 (two base-100 halves), keyed per agency and day. */
function feistel(key: Buffer, tweak: string, x: number): number {
  let l = Math.floor(x / 100);
  let r = x % 100;
  for (let i = 0; i < ROUNDS; i++) {
    const f = createHmac('sha256', key).update(`${tweak}|${i}|${r}`).digest().readUInt32BE(0) % 100;
    [l, r] = [r, (l + f) % 100];
  }
  return l * 100 + r;
}

/**
 * The n-th suffix (1..9999) of an agency's day, scattered: a keyed permutation of 1..9999
 * (Feistel, cycle-walking past 0), so codes stay `NNNN` and unique while the next or previous
 * dossier's code cannot be worked out from one's own (docs/security.md, "Dossier codes").
 */
export function suffixOf(key: Buffer, agencyCode: string, day: string, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new RangeError(`sequence ${n} is outside 1..9999`);
  const tweak = `${agencyCode}|${day}`;
  let y = feistel(key, tweak, n);
  while (y === 0) y = feistel(key, tweak, y);
  return y;
}

/**
 * `{agencyCode}-{YYMMDD}-{NNNN}`, the national format, from the next number of the agency's
 * daily sequence (atomically), its NNNN scattered by `suffixOf` when a key is given.
 */
export async function nextDossierCode(db: Pick<Db, 'insert' | 'select'>, agencyCode: string, now: number, key?: Buffer): Promise<string> {
  return claimDossierCode(db, agencyCode, now, key, async (code) => {
    const [taken] = await db.select({ code: submissions.dossierCode }).from(submissions).where(eq(submissions.dossierCode, code));
    return !taken;
  });
}

/**
 * As nextDossierCode, with `take` claiming the code: it answers false when the code is already
 * someone's, and the next number is tried. The submission claims its code by inserting its row
 * (ON CONFLICT DO NOTHING), so the check and the write are one statement.
 */
export async function claimDossierCode(db: Pick<Db, 'insert'>, agencyCode: string, now: number, key: Buffer | undefined, take: (code: string) => Promise<boolean>): Promise<string> {
  const day = vnDay(now);
  for (;;) {
    const next = db
      .insert(dossierSequences)
      .values({ agencyCode, day, last: 1 })
      .onConflictDoUpdate({ target: [dossierSequences.agencyCode, dossierSequences.day], set: { last: sql`${dossierSequences.last} + 1` } })
      .returning({ last: dossierSequences.last });
    const [row] = await prepared(next, 'dossier_sequence_next');
    if (row!.last > 9999) throw new Error(`agency ${agencyCode} passed 9999 dossiers on ${day}`);
    const n = key ? suffixOf(key, agencyCode, day, row!.last) : row!.last;
    const code = `${agencyCode}-${day}-${String(n).padStart(4, '0')}`;
    // On the day scattering is switched on (or its key changes), a number may land on a code the
    // plain sequence already gave out: take the next one.
    if (await take(code)) return code;
  }
}

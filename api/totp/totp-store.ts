import { randomBytes } from 'node:crypto';
import { and, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { userTotp } from '../../db/schema';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { open, seal } from './secret-box';
import { matchStep } from './totp';

export interface TotpStatus {
  /** Sign-in asks for a code. */
  enabled: boolean;
  /** A secret was handed out and waits for its first code. */
  pending: boolean;
  recoveryCodesLeft: number;
}

/** How a code was accepted: from the authenticator app, or by spending a recovery code. */
export type CodeCheck = { ok: true; via: 'totp' | 'recovery' } | { ok: false };

/**
 * An officer's TOTP enrolment in the database (db/schema/user-totp.ts). Plain functions of the
 * user id; the routes decide who may call them and answer the HTTP errors.
 */
export class TotpStore {
  constructor(
    private readonly db: Db,
    private readonly key: Buffer,
    private readonly now: () => number = Date.now,
  ) {}

  async status(userId: string): Promise<TotpStatus> {
    const [row] = await this.db.select().from(userTotp).where(eq(userTotp.userId, userId));
    return { enabled: Boolean(row?.enabledAt), pending: Boolean(row && !row.enabledAt), recoveryCodesLeft: row?.enabledAt ? row.recoveryHashes.length : 0 };
  }

  /**
   * A new secret (160 bits, RFC 4226's recommendation) for the user, replacing an unconfirmed
   * one; null when TOTP is already on (it must be disabled first, with a code).
   */
  async enrol(userId: string): Promise<Buffer | null> {
    const secret = randomBytes(20);
    const sealed = seal(this.key, secret, userId);
    const [row] = await this.db
      .insert(userTotp)
      .values({ userId, secret: sealed })
      .onConflictDoUpdate({ target: userTotp.userId, set: { secret: sealed, lastStep: 0, recoveryHashes: [], createdAt: sql`now()` }, setWhere: isNull(userTotp.enabledAt) })
      .returning({ userId: userTotp.userId });
    return row ? secret : null;
  }

  /** The first good code turns TOTP on and answers the recovery codes (shown once; only hashes are kept). */
  async activate(userId: string, code: string): Promise<string[] | 'not-enrolled' | 'invalid'> {
    const [row] = await this.db.select().from(userTotp).where(and(eq(userTotp.userId, userId), isNull(userTotp.enabledAt)));
    if (!row) return 'not-enrolled';
    const step = matchStep(open(this.key, row.secret, userId), code.trim(), this.now());
    if (step === null) return 'invalid';
    const codes = newRecoveryCodes();
    const [done] = await this.db
      .update(userTotp)
      .set({ enabledAt: sql`now()`, lastStep: step, recoveryHashes: codes.map(hashRecoveryCode) })
      .where(and(eq(userTotp.userId, userId), isNull(userTotp.enabledAt), eq(userTotp.secret, row.secret)))
      .returning({ userId: userTotp.userId });
    return done ? codes : 'invalid';
  }

  async isEnabled(userId: string): Promise<boolean> {
    return (await this.status(userId)).enabled;
  }

  /**
   * A sign-in's (or a disabling's) second factor: six digits from the app, each step once only
   * (the update succeeds for one request even when two race with the same code), or a recovery
   * code, removed as it is used.
   */
  async check(userId: string, code: string): Promise<CodeCheck> {
    const typed = code.trim();
    const enabled = and(eq(userTotp.userId, userId), isNotNull(userTotp.enabledAt));
    if (/^\d{6}$/.test(typed)) {
      const [row] = await this.db.select({ secret: userTotp.secret }).from(userTotp).where(enabled);
      if (!row) return { ok: false };
      const step = matchStep(open(this.key, row.secret, userId), typed, this.now());
      if (step === null) return { ok: false };
      const [used] = await this.db.update(userTotp).set({ lastStep: step }).where(and(enabled, lt(userTotp.lastStep, step))).returning({ userId: userTotp.userId });
      return used ? { ok: true, via: 'totp' } : { ok: false };
    }
    if (!looksLikeRecoveryCode(typed)) return { ok: false };
    const hash = hashRecoveryCode(typed);
    const [spent] = await this.db
      .update(userTotp)
      .set({ recoveryHashes: sql`array_remove(${userTotp.recoveryHashes}, ${hash})` })
      .where(and(enabled, sql`${hash} = any(${userTotp.recoveryHashes})`))
      .returning({ userId: userTotp.userId });
    return spent ? { ok: true, via: 'recovery' } : { ok: false };
  }

  /** Forgets the user's TOTP (disabled by them, or reset by an administrator); false when there was none. */
  async remove(userId: string): Promise<boolean> {
    const rows = await this.db.delete(userTotp).where(eq(userTotp.userId, userId)).returning({ userId: userTotp.userId });
    return rows.length > 0;
  }
}

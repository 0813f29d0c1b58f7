import { randomBytes, randomUUID } from 'node:crypto';
import * as argon2 from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users, type UserRow } from '../db/schema';
import type { IssuerIdentity } from './oidc-client';

export type CitizenLink =
  | { ok: true; user: UserRow; created: boolean }
  /** The personal ID number belongs to an officer's or a deactivated account: no session. */
  | { ok: false; reason: 'not-a-citizen' | 'deactivated'; userId: string };

/**
 * The citizen the issuer vouched for, by personal ID number: the account that already carries it
 * (seeded, or created at an earlier sign-in) is linked, never duplicated; otherwise a citizen
 * account is created. Officers keep password sign-in: an identity that matches an officer's
 * account opens nothing. The new account's password is random and never told to anyone, so it
 * signs in through the issuer only.
 */
export async function linkCitizen(db: Db, who: IssuerIdentity): Promise<CitizenLink> {
  const existing = await byPersonalId(db, who.personalId);
  if (existing) return judge(existing, false);
  const passwordHash = await argon2.hash(randomBytes(32).toString('base64url'));
  const [created] = await db
    .insert(users)
    .values({ id: `u-${randomUUID()}`, username: `dinhdanh.${who.personalId}`, fullName: who.name, role: 'citizen', agencyCode: null, personalId: who.personalId, passwordHash })
    .onConflictDoNothing()
    .returning();
  // Two first sign-ins at once: the other one created it.
  if (!created) return judge((await byPersonalId(db, who.personalId))!, false);
  return { ok: true, user: created, created: true };
}

async function byPersonalId(db: Db, personalId: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.personalId, personalId));
  return row;
}

function judge(row: UserRow, created: boolean): CitizenLink {
  if (row.role !== 'citizen') return { ok: false, reason: 'not-a-citizen', userId: row.id };
  if (row.deactivatedAt) return { ok: false, reason: 'deactivated', userId: row.id };
  return { ok: true, user: row, created };
}

import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { consentCodes, type ConsentCodeRow } from '../db/schema';
import { consentCodeSms } from '../integrations/sms-texts';
import { queueDirectSms } from './direct-sms';
import { conflict, HttpProblem, notFound } from './problem';

/** A code is typed within 10 minutes of being sent (docs/assisted-filing.md). */
export const CODE_TTL_MS = 10 * 60_000;
/** Wrong codes a consent request takes before it is dead (a new one must be sent). */
export const MAX_FAILED_ATTEMPTS = 5;
/** Once checked, the consent covers a submission made within the hour (the form takes a while). */
export const CONSENT_USE_MS = 60 * 60_000;

export const codeKey = (env: { JWT_SECRET: string }) => createHmac('sha256', env.JWT_SECRET).update('motcua consent codes').digest();

/** Keyed, so a leaked table does not give the 6-digit codes away to a brute force of 10⁶ hashes. */
const hashOf = (key: Buffer, id: string, code: string) => createHmac('sha256', key).update(`${id}:${code}`).digest('hex');

export interface ConsentRequest {
  helperUserId: string;
  helperName: string;
  communeName: string;
  citizen: { idNumber: string; phone: string };
}

/** Sends a fresh 6-digit code to the citizen's phone through the outbox; the code itself is never stored. */
export async function sendConsentCode(db: Db, key: Buffer, req: ConsentRequest, now = Date.now()): Promise<ConsentCodeRow> {
  const id = `cc-${randomUUID()}`;
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(consentCodes)
      .values({
        id,
        helperUserId: req.helperUserId,
        citizenIdNumber: req.citizen.idNumber,
        citizenPhone: req.citizen.phone,
        codeHash: hashOf(key, id, code),
        expiresAt: new Date(now + CODE_TTL_MS),
      })
      .returning();
    const text = consentCodeSms({ code, helperName: req.helperName, communeName: req.communeName, minutes: CODE_TTL_MS / 60_000 });
    await queueDirectSms(tx, `consent:${id}`, req.citizen.phone, text, 'consent-code');
    return row!;
  });
}

/**
 * Checks the code the citizen read out. A wrong code counts against the request (the route's rate
 * limiter also bounds tries per helper); the right one marks the consent given. Only the helper
 * who asked may check it: anyone else's id answers 404.
 */
export async function verifyConsentCode(db: Db, key: Buffer, helperUserId: string, id: string, code: string, now = Date.now()): Promise<ConsentCodeRow> {
  const [row] = await db.select().from(consentCodes).where(and(eq(consentCodes.id, id), eq(consentCodes.helperUserId, helperUserId)));
  if (!row) throw notFound(`consent code request ${id}`);
  if (row.dossierCode) throw conflict('consent-code-used', `this consent was already used for dossier ${row.dossierCode}`);
  if (row.verifiedAt) return row;
  if (row.failedAttempts >= MAX_FAILED_ATTEMPTS) throw new HttpProblem(410, 'consent-code-locked', 'Gone', 'too many wrong codes: send a new code');
  if (row.expiresAt.getTime() <= now) throw new HttpProblem(410, 'consent-code-expired', 'Gone', 'the code has expired: send a new code');
  const expected = Buffer.from(row.codeHash, 'hex');
  const given = Buffer.from(hashOf(key, id, code), 'hex');
  if (!timingSafeEqual(expected, given)) {
    const [after] = await db
      .update(consentCodes)
      .set({ failedAttempts: sql`${consentCodes.failedAttempts} + 1` })
      .where(eq(consentCodes.id, id))
      .returning({ failed: consentCodes.failedAttempts });
    const left = Math.max(0, MAX_FAILED_ATTEMPTS - after!.failed);
    throw new HttpProblem(422, 'consent-code-wrong', 'Wrong code', `the code does not match; ${left} tries left`, { attemptsLeft: left });
  }
  const [verified] = await db.update(consentCodes).set({ verifiedAt: new Date(now) }).where(eq(consentCodes.id, id)).returning();
  return verified!;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Spends a checked consent on the dossier being submitted, in the submission's transaction: it
 * must be the helper's, checked within the last hour, unspent, and given by the applicant named
 * (same ID number and phone). A second submission with the same consent finds it spent.
 */
export async function spendConsentCode(tx: Tx, helperUserId: string, id: string, applicant: { idNumber: string; phone: string }, dossierCode: string, now = Date.now()): Promise<ConsentCodeRow> {
  const [row] = await tx
    .update(consentCodes)
    .set({ dossierCode })
    .where(
      and(
        eq(consentCodes.id, id),
        eq(consentCodes.helperUserId, helperUserId),
        isNotNull(consentCodes.verifiedAt),
        gt(consentCodes.verifiedAt, new Date(now - CONSENT_USE_MS)),
        isNull(consentCodes.dossierCode),
        eq(consentCodes.citizenIdNumber, applicant.idNumber),
        eq(consentCodes.citizenPhone, applicant.phone),
      ),
    )
    .returning();
  if (!row) {
    throw new HttpProblem(422, 'consent-missing', 'Consent not on record', 'no checked, unused consent of this applicant (same ID number and phone) within the last hour: send and check a consent code first');
  }
  return row;
}

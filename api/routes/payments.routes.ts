import { createHmac, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { dossiers, payments } from '../../db/schema';
import { paymentSignal } from '../../workflows/messages';
import type { AppContext } from '../context';
import { paymentView } from '../payment-qr';
import { readableDossier } from '../readable-dossier';
import { requireUser } from '../middleware/auth';
import { conflict, fromZod, HttpProblem, notFound, unprocessable } from '../problem';

declare module 'express-serve-static-core' {
  interface Request {
    /** The request body exactly as received (set by the JSON parser's `verify` hook in app.ts). */
    rawBody?: Buffer;
  }
}

/** `sha256=<hex>` of the HMAC-SHA256 of the raw body: the gateway's X-Signature header. */
export function signPaymentBody(secret: string, rawBody: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** Constant-time check of an X-Signature header against the raw body. */
export function verifyPaymentSignature(secret: string, rawBody: Buffer | undefined, header: string | undefined): boolean {
  if (!rawBody || !header) return false;
  const m = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!m) return false;
  const given = Buffer.from(m[1]!.toLowerCase(), 'hex');
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const paymentCallbackSchema = z
  .object({
    dossierCode: z.string().min(1).max(64),
    amount: z.number().int().positive(),
    transactionId: z.string().trim().min(1).max(128),
    paidAt: z.iso.datetime({ offset: true }),
  })
  .strict();

/** A gateway's clock may run a little ahead of ours; a confirmation from the future is forged or broken. */
export const PAID_AT_SKEW_MS = 5 * 60_000;
/** Gateways retry for days, not months: an older confirmation is refused for a person to look at. */
export const PAID_AT_MAX_AGE_MS = 90 * 86_400_000;

const badSignature = () => new HttpProblem(401, 'invalid-signature', 'Unauthorized', 'missing or invalid X-Signature');

export function paymentRoutes(ctx: AppContext): Router {
  const r = Router();
  const db = ctx.dbh.db;

  const readable = (req: Request, code: string) => readableDossier(db, req, code);

  /** The fee as a VietQR payload and a PNG of it, for the citizen's banking app. */
  r.get('/dossiers/:code/payment', requireUser, async (req, res) => {
    const row = await readable(req, String(req.params.code));
    if (row.fee <= 0) throw conflict('no-fee', `dossier ${row.code} has no fee to pay`);
    // A QR shown when nothing is due is money the office must later refund.
    if (row.status !== 'AWAITING_PAYMENT' || row.paid) throw conflict('not-awaiting-payment', `dossier ${row.code} is ${row.status}: no payment is due now`);
    res.json(await paymentView(ctx.env, row));
  });

  /**
   * The gateway's confirmation. Signature first (nothing is read or written for a forged one),
   * then the payment is stored once per transaction id and the workflow is told; a repeat is
   * answered `duplicate` and signalled again, which the workflow ignores by transaction id.
   */
  r.post('/payments/callback', async (req, res) => {
    if (!verifyPaymentSignature(ctx.env.PAYMENT_WEBHOOK_SECRET, req.rawBody, req.get('x-signature'))) throw badSignature();
    const body = paymentCallbackSchema.safeParse(req.body);
    if (!body.success) throw fromZod(body.error);
    const n = body.data;
    const paidAt = new Date(n.paidAt);
    const now = Date.now();
    if (paidAt.getTime() > now + PAID_AT_SKEW_MS) throw unprocessable(`paidAt ${n.paidAt} is in the future`);
    if (paidAt.getTime() < now - PAID_AT_MAX_AGE_MS) throw unprocessable(`paidAt ${n.paidAt} is more than ${PAID_AT_MAX_AGE_MS / 86_400_000} days ago`);
    const [row] = await db.select().from(dossiers).where(eq(dossiers.code, n.dossierCode));
    if (!row) throw notFound(`dossier ${n.dossierCode}`);
    if (row.fee <= 0 || n.amount !== row.fee) throw unprocessable(`the fee of ${row.code} is ${row.fee} VND, not ${n.amount} VND`);
    const inserted = await db
      .insert(payments)
      .values({ transactionId: n.transactionId, dossierCode: row.code, amount: n.amount, method: 'gateway', paidAt })
      .onConflictDoNothing({ target: payments.transactionId })
      .returning({ transactionId: payments.transactionId });
    if (inserted.length === 0) {
      const [prev] = await db.select().from(payments).where(eq(payments.transactionId, n.transactionId));
      if (prev && (prev.dossierCode !== row.code || prev.amount !== n.amount)) {
        throw conflict('transaction-reused', `transaction ${n.transactionId} was already recorded for another payment`);
      }
    }
    try {
      await ctx.temporal.workflow
        .getHandle(row.code)
        .signal(paymentSignal, { transactionId: n.transactionId, amount: n.amount, paidAt: paidAt.toISOString() });
    } catch (err) {
      // A closed dossier cannot take the notice; the stored payment stays for the counter to refund.
      if (!isWorkflowGone(err)) throw err;
      ctx.log.warn({ dossier: row.code, transactionId: n.transactionId }, 'payment for a closed dossier recorded, not signalled');
    }
    // Money for a dossier not waiting for it is never "accepted": the workflow records it as
    // ignored and the desk sees it as `refundDue` on the dossier (api/refunds.ts).
    const due = row.status === 'AWAITING_PAYMENT' && !row.paid && row.finishedAt === null;
    if (!due && inserted.length > 0) ctx.log.warn({ dossier: row.code, status: row.status, transactionId: n.transactionId }, 'payment for a dossier not awaiting one: to refund');
    if (inserted.length === 0) return void res.json({ status: 'duplicate' });
    res.json(due ? { status: 'accepted' } : { status: 'refund-due', refundDue: n.amount });
  });
  return r;
}

function isWorkflowGone(err: unknown): boolean {
  const name = (err as Error)?.name ?? '';
  return name === 'WorkflowNotFoundError' || /workflow execution already completed/i.test((err as Error)?.message ?? '');
}

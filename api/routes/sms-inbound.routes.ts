import { eq } from 'drizzle-orm';
import { Router } from 'express';
import { z } from 'zod';
import { dossiers, smsInbound } from '../../db/schema';
import { parseSmsLookup } from '../../domain/sms-lookup';
import { stripSeparators } from '../../domain/text';
import { statusHelpSms, statusReplySms, statusUnknownSms } from '../../integrations/sms-texts';
import type { AppContext } from '../context';
import { queueDirectSms } from '../direct-sms';
import { RateLimiter, tooMany } from '../middleware/rate-limit';
import { fromZod, HttpProblem } from '../problem';
import { verifyPaymentSignature as verifySignature } from './payments.routes';

/**
 * The SMS gateway's inbound callback, as gateways shape it: who sent it, what it says, the
 * gateway's message id. Signed like the payment callback: `X-Sms-Signature: sha256=<hex>`, the
 * HMAC-SHA256 of the raw body with SMS_INBOUND_SECRET.
 */
export const smsInboundSchema = z.object({
  from: z.string().trim().transform(stripSeparators).pipe(z.string().regex(/^\+?\d{3,15}$/, 'a phone number')),
  text: z.string().max(1000),
  messageId: z.string().trim().regex(/^[\w.:@-]{1,128}$/, '1–128 letters, digits, . : @ _ -'),
});

/** Lookups one phone may make per 10 minutes: a reply costs an SMS. */
export const LOOKUPS_PER_SENDER = 5;

/**
 * Status lookup by SMS for remote communes (docs/assisted-filing.md): "TRACUU <code>" is answered
 * by SMS, through the outbox, with the dossier's status and due date and nothing personal; an
 * unknown code or an unreadable message gets a reply that says how to ask. Each gateway message
 * is answered once, whatever the gateway's retries.
 */
export function smsInboundRoutes(ctx: AppContext): Router {
  const r = Router();
  const db = ctx.dbh.db;
  const perSender = new RateLimiter(db, 'sms-inbound', LOOKUPS_PER_SENDER, 10 * 60_000);

  r.post('/sms/inbound', async (req, res) => {
    if (!verifySignature(ctx.env.SMS_INBOUND_SECRET, req.rawBody, req.get('x-sms-signature'))) {
      throw new HttpProblem(401, 'invalid-signature', 'Unauthorized', 'missing or invalid X-Sms-Signature');
    }
    const body = smsInboundSchema.safeParse(req.body);
    if (!body.success) throw fromZod(body.error);
    const { from, text, messageId } = body.data;
    const answered = async () => (await db.select().from(smsInbound).where(eq(smsInbound.messageId, messageId)))[0];
    const seen = await answered();
    if (seen) return res.json({ messageId, outcome: seen.outcome, replyId: seen.replyId, duplicate: true });
    const wait = await perSender.hit(from);
    if (wait > 0) {
      res.set('Retry-After', String(wait));
      throw tooMany(wait);
    }
    const { outcome, reply } = await answer(text);
    const recorded = await db.transaction(async (tx) => {
      const [row] = await tx.insert(smsInbound).values({ messageId, sender: from, replyId: '', outcome }).onConflictDoNothing().returning();
      // The same message arriving twice at once: the other request answers it.
      if (!row) return undefined;
      const replyId = await queueDirectSms(tx, `sms-in:${messageId}`, from, reply, outcome === 'status' ? 'status-reply' : outcome === 'unknown-code' ? 'status-unknown' : 'status-help');
      await tx.update(smsInbound).set({ replyId }).where(eq(smsInbound.messageId, messageId));
      return replyId;
    });
    if (recorded === undefined) {
      const other = (await answered())!;
      return res.json({ messageId, outcome: other.outcome, replyId: other.replyId, duplicate: true });
    }
    ctx.log.info({ audit: 'sms.lookup', messageId, outcome }, 'inbound SMS answered');
    res.json({ messageId, outcome, replyId: recorded, duplicate: false });
  });

  async function answer(text: string): Promise<{ outcome: 'status' | 'unknown-code' | 'help'; reply: string }> {
    const asked = parseSmsLookup(text);
    if (asked.kind === 'help') return { outcome: 'help', reply: statusHelpSms() };
    const [row] = await db
      .select({ code: dossiers.code, status: dossiers.status, dueAt: dossiers.dueAt, finishedAt: dossiers.finishedAt })
      .from(dossiers)
      .where(eq(dossiers.code, asked.code));
    if (!row) return { outcome: 'unknown-code', reply: statusUnknownSms(asked.code) };
    return { outcome: 'status', reply: statusReplySms({ code: row.code, status: row.status, dueAt: row.dueAt?.getTime() ?? null, finished: row.finishedAt !== null }) };
  }
  return r;
}

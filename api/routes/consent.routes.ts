import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { getProcedure } from '../../procedures';
import { idNumberSchema, phoneSchema } from '../../domain/applicant';
import { mask } from '../../domain/personal-data';
import { inSentence } from '../assisted-filing';
import type { AppContext } from '../context';
import { codeKey, sendConsentCode, verifyConsentCode } from '../consent-codes';
import { renderConsentForm } from '../documents/consent-form';
import { requireUser } from '../middleware/auth';
import { RateLimiter, rateLimit, tooMany } from '../middleware/rate-limit';
import { forbidden, fromZod } from '../problem';

/**
 * A citizen's consent to assisted filing, asked by a helper (docs/assisted-filing.md): an SMS code
 * sent to the citizen's phone and checked when the citizen reads it out, or a consent form printed
 * for the citizen to sign (then uploaded as an attachment of the submission).
 */
export const consentCodeRequestSchema = z.object({
  citizen: z.object({ idNumber: idNumberSchema, phone: phoneSchema }),
});
export const consentCodeVerifySchema = z.object({ code: z.string().trim().regex(/^\d{6}$/, 'Mã xác nhận gồm 6 chữ số') });
export const consentFormQuerySchema = z.object({
  fullName: z.string().trim().max(100).optional(),
  idNumber: idNumberSchema.optional(),
  phone: phoneSchema.optional(),
  procedureCode: z.string().max(40).optional(),
});

/** Codes a helper may have sent per 10 minutes, and to one phone (no SMS bombing through a helper's account). */
export const CODES_PER_HELPER = 10;
export const CODES_PER_PHONE = 3;
/** Code checks a helper may make per 10 minutes (each request also dies after 5 wrong codes). */
export const CHECKS_PER_HELPER = 20;
const WINDOW_MS = 10 * 60_000;

export function consentRoutes(ctx: AppContext): Router {
  const r = Router();
  const db = ctx.dbh.db;
  const key = codeKey(ctx.env);
  const perHelper = new RateLimiter(db, 'consent-send', CODES_PER_HELPER, WINDOW_MS);
  const perPhone = new RateLimiter(db, 'consent-phone', CODES_PER_PHONE, WINDOW_MS);
  const checks = new RateLimiter(db, 'consent-check', CHECKS_PER_HELPER, WINDOW_MS);
  const helperOnly: RequestHandler = (req, _res, next) => next(req.ability!.can('create', 'Consent') ? undefined : forbidden("only a community helper asks for a citizen's consent"));
  const commune = (code: string | null) => ctx.agencies.get(code ?? '');

  r.post('/consent-codes', requireUser, helperOnly, rateLimit(perHelper, (req) => req.user!.id), async (req, res, next) => {
    const body = consentCodeRequestSchema.safeParse(req.body);
    if (!body.success) throw fromZod(body.error);
    const { citizen } = body.data;
    // Per phone too: one citizen is not sent a burst of codes, whoever asks.
    const wait = await perPhone.hit(citizen.phone);
    if (wait > 0) {
      res.set('Retry-After', String(wait));
      return next(tooMany(wait));
    }
    const user = req.user!;
    const row = await sendConsentCode(db, key, { helperUserId: user.id, helperName: user.fullName, communeName: inSentence(commune(user.agencyCode)?.name ?? ''), citizen });
    ctx.log.info({ audit: 'consent.code-sent', actor: user.id, target: row.id }, `helper ${user.username} sent a consent code`);
    res.status(201).location(`/api/consent-codes/${row.id}`).json({ id: row.id, phone: mask(row.citizenPhone), expiresAt: row.expiresAt.toISOString() });
  });

  r.post('/consent-codes/:id/verify', requireUser, helperOnly, rateLimit(checks, (req) => req.user!.id), async (req, res) => {
    const body = consentCodeVerifySchema.safeParse(req.body);
    if (!body.success) throw fromZod(body.error);
    const id = String(req.params.id);
    const row = await verifyConsentCode(db, key, req.user!.id, id, body.data.code).catch((err: unknown) => {
      ctx.log.info({ audit: 'consent.code-refused', actor: req.user!.id, target: id, reason: (err as { code?: string }).code }, 'consent code refused');
      throw err;
    });
    ctx.log.info({ audit: 'consent.code-verified', actor: req.user!.id, target: id }, 'consent given by SMS code');
    res.json({ id: row.id, verifiedAt: row.verifiedAt!.toISOString(), citizen: { idNumber: row.citizenIdNumber, phone: row.citizenPhone } });
  });

  r.get('/consent-form', requireUser, helperOnly, async (req, res) => {
    const q = consentFormQuerySchema.safeParse(req.query);
    if (!q.success) throw fromZod(q.error);
    const user = req.user!;
    const agency = commune(user.agencyCode);
    const name = agency?.name ?? '';
    const procedure = q.data.procedureCode ? getProcedure(q.data.procedureCode) : undefined;
    const pdf = await renderConsentForm({
      helperName: user.fullName,
      communeName: inSentence(name),
      agencyName: name,
      citizen: { fullName: q.data.fullName, idNumber: q.data.idNumber, phone: q.data.phone },
      procedureName: procedure?.name.vi,
      issuedAt: new Date().toISOString(),
    });
    res.type('application/pdf').set('Content-Disposition', 'inline; filename="giay-dong-y-nop-ho.pdf"').send(pdf);
  });
  return r;
}

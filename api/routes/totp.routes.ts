import { eq } from 'drizzle-orm';
import { Router, type Request, type Response } from 'express';
import QRCode from 'qrcode';
import { z } from 'zod';
import { users } from '../../db/schema';
import type { AppContext } from '../context';
import { requireUser } from '../middleware/auth';
import { tooMany } from '../middleware/rate-limit';
import { conflict, forbidden, fromZod, notFound } from '../problem';
import { totpOf } from '../totp/totp-context';
import { totpInvalid } from '../totp/totp-problems';
import { base32Encode, otpauthUri } from '../totp/totp';

/** A code from the authenticator app (6 digits) or a recovery code (XXXXX-XXXXX). */
export const totpCodeSchema = z.object({ code: z.string().trim().min(6).max(20) });

/** The name authenticator apps list the account under. */
export const TOTP_ISSUER = 'Một cửa';

/**
 * Officers' optional second factor (issue 15 §3; docs/security.md, "Officer sign-in"): enrol
 * (a secret and its QR, shown this once), confirm with a first code (which answers the recovery
 * codes), see the state, disable with a code; the administrator resets it for an officer who
 * lost their phone. Every change is audited; every code typed counts against TOTP_ATTEMPTS.
 */
export function totpRoutes(ctx: AppContext): Router {
  const r = Router();
  const { store, attempts } = totpOf(ctx);
  const audit = (req: Request, action: string, target: string, details: Record<string, unknown> = {}) =>
    ctx.log.info({ audit: `totp.${action}`, actor: req.user!.id, target, ...details }, `${req.user!.username}: totp.${action} ${target}`);
  /** Citizens sign in through the identity issuer, whose own factors apply. */
  const officer = (req: Request) => {
    if (req.user!.role === 'citizen') throw forbidden('TOTP is for officers’ password sign-in');
    return req.user!;
  };
  /** The code of the body, once the caller's attempts allow another one. */
  const codeOf = async (req: Request, res: Response) => {
    const body = totpCodeSchema.safeParse(req.body);
    if (!body.success) throw fromZod(body.error);
    const wait = await attempts.hit(req.user!.id);
    if (wait > 0) {
      res.set('Retry-After', String(wait));
      throw tooMany(wait);
    }
    return body.data.code;
  };

  r.get('/auth/totp', requireUser, async (req, res) => {
    res.json(await store.status(officer(req).id));
  });

  r.post('/auth/totp/enrol', requireUser, async (req, res) => {
    const u = officer(req);
    const secret = await store.enrol(u.id);
    if (!secret) throw conflict('totp-enabled', 'TOTP is already on: disable it first, with a code');
    const uri = otpauthUri(TOTP_ISSUER, u.username, secret);
    const qrPng = await QRCode.toDataURL(uri, { type: 'image/png', errorCorrectionLevel: 'M', margin: 2, width: 240 });
    audit(req, 'enrol', u.id);
    res.json({ secret: base32Encode(secret), uri, qrPng });
  });

  r.post('/auth/totp/activate', requireUser, async (req, res) => {
    const u = officer(req);
    const result = await store.activate(u.id, await codeOf(req, res));
    if (result === 'not-enrolled') throw conflict('totp-not-enrolled', 'enrol first: there is no secret waiting for its first code');
    if (result === 'invalid') throw totpInvalid();
    audit(req, 'activate', u.id);
    res.json({ enabled: true, recoveryCodes: result });
  });

  r.post('/auth/totp/disable', requireUser, async (req, res) => {
    const u = officer(req);
    if (!(await store.isEnabled(u.id))) throw conflict('totp-not-enabled', 'TOTP is not on');
    const check = await store.check(u.id, await codeOf(req, res));
    if (!check.ok) throw totpInvalid();
    await store.remove(u.id);
    audit(req, 'disable', u.id, { via: check.via });
    res.json({ enabled: false });
  });

  /** The administrator's reset, for an officer who lost their phone and their recovery codes. */
  r.delete('/users/:id/totp', requireUser, async (req, res) => {
    if (!req.ability!.can('manage', 'User')) throw forbidden('only an administrator resets a user’s TOTP');
    const id = String(req.params.id);
    const [user] = await ctx.dbh.db.select({ id: users.id }).from(users).where(eq(users.id, id));
    if (!user) throw notFound(`user ${id}`);
    const had = await store.remove(id);
    audit(req, 'reset', id, { had });
    res.json({ enabled: false });
  });
  return r;
}

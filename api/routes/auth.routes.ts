import { packRules } from '@casl/ability/extra';
import { eq } from 'drizzle-orm';
import { Router } from 'express';
import { z } from 'zod';
import { users } from '../../db/schema';
import type { AppContext } from '../context';
import { defineAbilityFor } from '../../domain/ability';
import { LoginThrottle, DEFAULT_LIMITS } from '../login-throttle';
import { abilityUser, issueToken, requireUser, type SessionUser } from '../middleware/auth';
import { tooMany } from '../middleware/rate-limit';
import { dummyHash, verifyPassword } from '../password-verify';
import { fromZod, unauthorized } from '../problem';
import { sessionsOf } from '../sessions';
import { totpOf } from '../totp/totp-context';
import { totpInvalid, totpRequired } from '../totp/totp-problems';

export const loginSchema = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
  /** An officer with TOTP on: the authenticator app's 6 digits, or one of their recovery codes. */
  code: z.string().trim().min(1).max(20).optional(),
});

export function authRoutes(ctx: AppContext): Router {
  const r = Router();
  const sessions = sessionsOf(ctx);
  const totp = totpOf(ctx);
  const throttle = new LoginThrottle(ctx.dbh.db, {
    ...DEFAULT_LIMITS,
    account: ctx.env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    ip: ctx.env.LOGIN_MAX_FAILURES_PER_IP,
    global: ctx.env.LOGIN_MAX_FAILURES_GLOBAL,
  });
  // Hashed now, so that the first unknown username does not pay for it (and stand out by it).
  void dummyHash();

  /**
   * A locked account, address or system refuses every attempt before any password is looked at;
   * otherwise the password is verified (against a dummy hash for an unknown username), and a
   * wrong one, an unknown user or a deactivated one all answer the same 401 and count a failure.
   * An officer with TOTP on then needs a code: none answers 401 `totp-required` (the client asks
   * for it and sends all three again); a wrong one 401 `totp-invalid`, counted like a wrong password.
   */
  r.post('/auth/login', async (req, res) => {
    const body = loginSchema.safeParse(req.body);
    if (!body.success) throw fromZod(body.error);
    const keys = throttle.keys(body.data.username, req.ip);
    const refuse = (wait: number) => {
      res.set('Retry-After', String(wait));
      return tooMany(wait);
    };
    const locked = await throttle.lockedFor(keys);
    if (locked > 0) {
      ctx.log.warn({ username: body.data.username, ip: req.ip, retryAfter: locked }, 'sign-in refused: locked');
      throw refuse(locked);
    }
    const [row] = await ctx.dbh.db.select().from(users).where(eq(users.username, body.data.username));
    const ok = await verifyPassword(row?.passwordHash, body.data.password);
    if (!row || !ok || row.deactivatedAt) {
      const lock = await throttle.fail(keys);
      ctx.log.warn({ username: body.data.username, ip: req.ip, deactivated: Boolean(row?.deactivatedAt && ok) }, 'failed sign-in');
      if (lock > 0) throw refuse(lock);
      throw unauthorized('wrong username or password');
    }
    if (await totp.store.isEnabled(row.id)) {
      if (!body.data.code) throw totpRequired();
      const wait = await totp.attempts.hit(row.id);
      if (wait > 0) throw refuse(wait);
      const check = await totp.store.check(row.id, body.data.code);
      if (!check.ok) {
        const lock = await throttle.fail(keys);
        ctx.log.warn({ username: body.data.username, ip: req.ip }, 'failed sign-in: wrong TOTP code');
        if (lock > 0) throw refuse(lock);
        throw totpInvalid(401);
      }
      if (check.via === 'recovery') ctx.log.info({ audit: 'totp.recovery-used', actor: row.id, target: row.id }, `${row.username}: signed in with a recovery code`);
    }
    await throttle.succeeded(keys);
    const user: SessionUser = { id: row.id, username: row.username, fullName: row.fullName, role: row.role, agencyCode: row.agencyCode };
    const token = await issueToken(ctx, user, row.tokenVersion);
    req.user = user;
    res.json({ token, user: publicUser(ctx, user), rules: rulesFor(ctx, user) });
  });

  /** Ends every session of the caller: each of their tokens, on every device, stops working. */
  r.post('/auth/logout', requireUser, async (req, res) => {
    await sessions.revoke(req.user!.id);
    ctx.log.info({ audit: 'session.logout', actor: req.user!.id }, 'signed out; tokens revoked');
    res.json({ loggedOut: true });
  });

  r.get('/me', requireUser, (req, res) => {
    res.json({ user: publicUser(ctx, req.user!), rules: packRules(req.ability!.rules) });
  });
  return r;
}

function publicUser(ctx: AppContext, u: SessionUser) {
  const agency = u.agencyCode ? ctx.agencies.get(u.agencyCode) : undefined;
  return { ...u, agency: agency ? { code: agency.code, name: agency.name, kind: agency.kind } : null };
}

function rulesFor(ctx: AppContext, u: SessionUser) {
  return packRules(defineAbilityFor(abilityUser(ctx, u)).rules);
}

import { packRules } from '@casl/ability/extra';
import * as argon2 from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import { Router } from 'express';
import { z } from 'zod';
import { users } from '../../db/schema';
import type { AppContext } from '../context';
import { defineAbilityFor } from '../../domain/ability';
import { abilityUser, issueToken, requireUser, type SessionUser } from '../middleware/auth';
import { RateLimiter, tooMany } from '../middleware/rate-limit';
import { fromZod, unauthorized } from '../problem';

export const loginSchema = z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) });

/** 5 failed sign-ins per username and address in 15 minutes, then 429. */
const failures = new RateLimiter(5, 15 * 60_000);

export function authRoutes(ctx: AppContext): Router {
  const r = Router();
  r.post('/auth/login', async (req, res) => {
    const body = loginSchema.safeParse(req.body);
    if (!body.success) throw fromZod(body.error);
    const key = `${body.data.username}|${req.ip}`;
    const [row] = await ctx.dbh.db.select().from(users).where(eq(users.username, body.data.username));
    const ok = row ? await argon2.verify(row.passwordHash, body.data.password) : false;
    if (!row || !ok) {
      const wait = failures.hit(key);
      ctx.log.warn({ username: body.data.username, ip: req.ip }, 'failed sign-in');
      if (wait > 0) {
        res.set('Retry-After', String(wait));
        throw tooMany(wait);
      }
      throw unauthorized('wrong username or password');
    }
    failures.reset(key);
    const user: SessionUser = { id: row.id, username: row.username, fullName: row.fullName, role: row.role, agencyCode: row.agencyCode };
    const token = await issueToken(ctx, user);
    req.user = user;
    res.json({ token, user: publicUser(ctx, user), rules: rulesFor(ctx, user) });
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

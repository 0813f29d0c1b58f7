import type { RequestHandler } from 'express';
import { jwtVerify, SignJWT } from 'jose';
import { defineAbilityFor, type AbilityUser, type AppAbility } from '../../domain/ability';
import { roleSchema, type Actor, type Role } from '../../domain/roles';
import type { AppContext } from '../context';
import { unauthorized } from '../problem';

export interface SessionUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  agencyCode: string | null;
}

declare module 'express-serve-static-core' {
  interface Request {
    user?: SessionUser;
    ability?: AppAbility;
  }
}

const TOKEN_TTL = '8h';
const key = (secret: string) => new TextEncoder().encode(secret);

export async function issueToken(ctx: AppContext, u: SessionUser): Promise<string> {
  return new SignJWT({ username: u.username, name: u.fullName, role: u.role, agency: u.agencyCode })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(u.id)
    .setIssuedAt()
    .setExpirationTime(TOKEN_TTL)
    .sign(key(ctx.env.JWT_SECRET));
}

export function abilityUser(ctx: AppContext, u: SessionUser): AbilityUser {
  return { id: u.id, role: u.role, agencyCode: u.agencyCode, subtree: ctx.agencies.subtree(u.agencyCode) };
}

export const actorOf = (u: SessionUser): Actor => ({ id: u.id, role: u.role, agencyCode: u.agencyCode, name: u.fullName });

/** Reads a Bearer token when present; routes that need a user call `requireUser`. */
export function authenticate(ctx: AppContext): RequestHandler {
  return async (req, _res, next) => {
    const header = req.get('authorization');
    if (!header) return next();
    const token = header.replace(/^Bearer\s+/i, '');
    try {
      const { payload } = await jwtVerify(token, key(ctx.env.JWT_SECRET), { algorithms: ['HS256'] });
      const role = roleSchema.parse(payload.role);
      req.user = {
        id: String(payload.sub),
        username: String(payload.username),
        fullName: String(payload.name),
        role,
        agencyCode: (payload.agency as string | null) ?? null,
      };
      req.ability = defineAbilityFor(abilityUser(ctx, req.user));
      next();
    } catch {
      next(unauthorized('the session token is invalid or expired; sign in again'));
    }
  };
}

export const requireUser: RequestHandler = (req, _res, next) => (req.user ? next() : next(unauthorized()));

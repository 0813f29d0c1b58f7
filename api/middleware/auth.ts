import type { RequestHandler } from 'express';
import { SignJWT } from 'jose';
import { defineAbilityFor, type AbilityUser, type AppAbility } from '../../domain/ability';
import type { Actor, Role } from '../../domain/roles';
import type { AppContext } from '../context';
import { unauthorized, type HttpProblem } from '../problem';
import { sessionsOf, type SessionRow } from '../sessions';
import { VerifiedTokens } from '../verified-tokens';

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
    /** Why the token that came with the request was refused: `requireUser` answers it. */
    authProblem?: HttpProblem;
  }
}

const TOKEN_TTL = '8h';
const key = (secret: string) => new TextEncoder().encode(secret);

/** The claims are for the client's display; authorization reads the user's row (`ver` must match it). */
export async function issueToken(ctx: AppContext, u: SessionUser, tokenVersion: number): Promise<string> {
  return new SignJWT({ username: u.username, name: u.fullName, role: u.role, agency: u.agencyCode, ver: tokenVersion })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(u.id)
    .setIssuedAt()
    .setExpirationTime(TOKEN_TTL)
    .sign(key(ctx.env.JWT_SECRET));
}

export function abilityUser(ctx: AppContext, u: SessionUser): AbilityUser {
  return { id: u.id, role: u.role, agencyCode: u.agencyCode, subtree: ctx.agencies.subtree(u.agencyCode) };
}

/**
 * One ability per session row and agency tree: the row object is the one the session store
 * caches (a new object after any change to the user), and the tree's version moves on at every
 * reload, so a shared ability is never older than what a fresh build would read.
 */
const abilities = new WeakMap<SessionRow, { treeVersion: number; ability: AppAbility }>();
function abilityOf(ctx: AppContext, row: SessionRow, u: SessionUser): AppAbility {
  const hit = abilities.get(row);
  if (hit && hit.treeVersion === ctx.agencies.version) return hit.ability;
  const ability = defineAbilityFor(abilityUser(ctx, u));
  abilities.set(row, { treeVersion: ctx.agencies.version, ability });
  return ability;
}

export const actorOf = (u: SessionUser): Actor => ({ id: u.id, role: u.role, agencyCode: u.agencyCode, name: u.fullName });

/**
 * Reads a Bearer token when present; routes that need a user call `requireUser`. Its signature is
 * checked once per process (api/verified-tokens.ts); the rest on every request. A token is good
 * while its `ver` is its user's current token_version and the user is active; the role and agency
 * are those of the row now, not those the token was issued with. A refused token makes the request
 * anonymous, with the reason kept for `requireUser`: a public route (the OpenAPI document, the
 * public dossier lookup, sign-in itself) still answers a client that holds a revoked token.
 */
export function authenticate(ctx: AppContext): RequestHandler {
  const sessions = sessionsOf(ctx);
  const tokens = new VerifiedTokens(ctx.env.JWT_SECRET);
  return async (req, _res, next) => {
    const header = req.get('authorization');
    if (!header) return next();
    const refuse = (detail: string) => {
      req.authProblem = unauthorized(detail);
      next();
    };
    const token = header.replace(/^Bearer\s+/i, '');
    let sub: string;
    let ver: unknown;
    try {
      ({ sub, ver } = await tokens.verify(token));
    } catch {
      return refuse('the session token is invalid or expired; sign in again');
    }
    // A database failure here is a 5xx of its own, not a 401.
    const row = await sessions.current(sub);
    if (!row) return refuse('the account of this session no longer exists; sign in again');
    if (!row.active) return refuse('the account of this session is deactivated');
    if (ver !== row.tokenVersion) return refuse('the session was revoked (signed out, or the role, agency or password changed); sign in again');
    req.user = { id: row.id, username: row.username, fullName: row.fullName, role: row.role, agencyCode: row.agencyCode };
    req.ability = abilityOf(ctx, row, req.user);
    next();
  };
}

export const requireUser: RequestHandler = (req, _res, next) => (req.user ? next() : next(req.authProblem ?? unauthorized()));

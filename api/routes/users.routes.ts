import { randomUUID } from 'node:crypto';
import * as argon2 from '@node-rs/argon2';
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { users } from '../../db/schema';
import { AGENCY_OF_ROLE } from '../../domain/role-policy';
import { roleSchema, type Role } from '../../domain/roles';
import type { AppContext } from '../context';
import { parseListParams, sendList } from '../list-params';
import { requireUser } from '../middleware/auth';
import { passwordIssue, passwordSchema as password } from '../password-policy';
import { badRequest, conflict, forbidden, fromZod, notFound } from '../problem';
import { userScope } from '../scope';
import { nextTokenVersion, sessionsOf } from '../sessions';

/** A user as the admin creates it; the password is hashed and never leaves the server again. */
export const userCreateSchema = z.object({
  username: z.string().trim().regex(/^[A-Za-z0-9._-]{3,64}$/, '3–64 letters, digits, . _ -'),
  password,
  fullName: z.string().trim().min(2).max(100),
  role: roleSchema,
  agencyCode: z.string().trim().min(1).nullable(),
  phone: z.string().trim().max(20).nullish(),
});
/** PUT: any subset; a password given replaces the old one. */
export const userUpdateSchema = userCreateSchema.partial();

const listFilter = z
  .object({
    role: z.union([roleSchema, z.array(roleSchema)]).optional(),
    agencyCode: z.string().optional(),
    q: z.string().max(100).optional(),
    id: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .strict();

/** Every column but the password hash: the only shape a user ever leaves in. */
const PUBLIC = {
  id: users.id,
  username: users.username,
  fullName: users.fullName,
  role: users.role,
  agencyCode: users.agencyCode,
  phone: users.phone,
  createdAt: users.createdAt,
  /** False once deactivated: the user can no longer sign in and their tokens are refused. */
  active: sql<boolean>`${users.deactivatedAt} is null`,
  deactivatedAt: users.deactivatedAt,
} as const;
const SORTABLE = { username: users.username, fullName: users.fullName, role: users.role, agencyCode: users.agencyCode, createdAt: users.createdAt } as const;
/** The list's `filter` and `sort` as the OpenAPI document describes them. */
export const userListParams = { filter: listFilter, sort: Object.keys(SORTABLE) };

export function userRoutes(ctx: AppContext): Router {
  const r = Router();
  const db = ctx.dbh.db;
  const sessions = sessionsOf(ctx);
  /** Every change an administrator makes to a user, as a structured line: who did what to whom. */
  const audit = (req: Request, action: string, target: string, details: Record<string, unknown> = {}) =>
    ctx.log.info({ audit: `user.${action}`, actor: req.user!.id, target, ...details }, `admin ${req.user!.username}: user.${action} ${target}`);

  /**
   * Admins see everyone; officers see the people of their agency (to assign work), supervisors
   * those of their subtree (domain/ability.ts). Anyone else: 403.
   */
  function readScope(req: Request): SQL | undefined {
    const ability = req.ability!;
    if (!ability.can('read', 'User')) throw forbidden('only officers and administrators read users');
    return userScope(ability);
  }
  const mayManage = (req: Request) => {
    if (!req.ability!.can('manage', 'User')) throw forbidden('only an administrator manages users');
  };

  r.get('/users', requireUser, async (req, res) => {
    const scope = readScope(req);
    const p = parseListParams(req, listFilter, Object.keys(SORTABLE), { field: 'username', order: 'ASC' });
    const where = and(scope, ...filters(p.filter));
    const order = p.sort.order === 'ASC' ? asc : desc;
    const [rows, [count]] = await Promise.all([
      db.select(PUBLIC).from(users).where(where).orderBy(order(SORTABLE[p.sort.field as keyof typeof SORTABLE]), asc(users.id)).limit(p.limit).offset(p.offset),
      db.select({ n: sql<number>`count(*)::int` }).from(users).where(where),
    ]);
    sendList(res, 'users', p.offset, rows, count?.n ?? 0);
  });

  r.get('/users/:id', requireUser, async (req, res) => {
    const scope = readScope(req);
    const [row] = await db.select(PUBLIC).from(users).where(and(scope, eq(users.id, String(req.params.id))));
    if (!row) throw notFound(`user ${req.params.id}`);
    res.json(row);
  });

  r.post('/users', requireUser, async (req, res) => {
    mayManage(req);
    const body = userCreateSchema.safeParse(req.body);
    if (!body.success) throw fromZod(body.error);
    const { password: plain, ...rest } = body.data;
    checkPassword(plain, rest.username);
    checkAgency(ctx, rest.role, rest.agencyCode);
    const passwordHash = await argon2.hash(plain);
    const [row] = await db
      .insert(users)
      .values({ ...rest, phone: rest.phone ?? null, id: `u-${randomUUID()}`, passwordHash })
      .onConflictDoNothing({ target: users.username })
      .returning(PUBLIC);
    if (!row) throw conflict('duplicate', `username ${rest.username} is taken`);
    audit(req, 'create', row.id, { role: row.role, agencyCode: row.agencyCode });
    res.status(201).location(`/api/users/${row.id}`).json(row);
  });

  r.put('/users/:id', requireUser, async (req, res) => {
    mayManage(req);
    const id = String(req.params.id);
    const body = userUpdateSchema.safeParse(req.body);
    if (!body.success) throw fromZod(body.error);
    const [current] = await db.select(PUBLIC).from(users).where(eq(users.id, id));
    if (!current) throw notFound(`user ${id}`);
    const { password: plain, ...rest } = body.data;
    const next = { ...current, ...rest };
    checkAgency(ctx, next.role, next.agencyCode);
    if (rest.username && rest.username !== current.username) {
      const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.username, rest.username));
      if (taken) throw conflict('duplicate', `username ${rest.username} is taken`);
    }
    if (plain) checkPassword(plain, next.username);
    // A new role, agency or password ends the user's sessions: their tokens carried the old ones.
    const revoke = (['role', 'agencyCode'] as const).some((k) => next[k] !== current[k]) || plain !== undefined;
    const set = {
      username: next.username,
      fullName: next.fullName,
      role: next.role,
      agencyCode: next.agencyCode,
      phone: next.phone ?? null,
      ...(plain ? { passwordHash: await argon2.hash(plain) } : {}),
      ...(revoke ? { tokenVersion: nextTokenVersion } : {}),
    };
    const [row] = await db.update(users).set(set).where(eq(users.id, id)).returning(PUBLIC);
    await sessions.forget(id);
    const changed = Object.keys(rest).filter((k) => rest[k as keyof typeof rest] !== current[k as keyof typeof current]);
    audit(req, 'update', id, { changed: plain ? [...changed, 'password'] : changed, sessionsRevoked: revoke });
    res.json(row);
  });

  /** Deactivation: the user cannot sign in any more and every token they hold stops working at once. */
  r.post('/users/:id/deactivate', requireUser, async (req, res) => {
    mayManage(req);
    const id = String(req.params.id);
    if (id === req.user!.id) throw conflict('self', 'an administrator cannot deactivate their own account');
    const [row] = await db
      .update(users)
      .set({ deactivatedAt: sql`coalesce(${users.deactivatedAt}, now())`, tokenVersion: nextTokenVersion })
      .where(eq(users.id, id))
      .returning(PUBLIC);
    if (!row) throw notFound(`user ${id}`);
    await sessions.forget(id);
    audit(req, 'deactivate', id);
    res.json(row);
  });

  /** The user may sign in again (tokens from before stay revoked). */
  r.post('/users/:id/reactivate', requireUser, async (req, res) => {
    mayManage(req);
    const id = String(req.params.id);
    const [row] = await db.update(users).set({ deactivatedAt: null }).where(eq(users.id, id)).returning(PUBLIC);
    if (!row) throw notFound(`user ${id}`);
    await sessions.forget(id);
    audit(req, 'reactivate', id);
    res.json(row);
  });
  return r;
}

/** The rule on the pair (the rest is in the schema): a password must not contain its username. */
function checkPassword(password: string, username: string) {
  const issue = passwordIssue(password, username);
  if (issue) throw badRequest(`password: ${issue}`, { errors: [{ field: 'password', message: issue }] });
}

/** Citizens belong to no agency; officers belong to an existing one. */
function checkAgency(ctx: AppContext, role: Role, agencyCode: string | null) {
  const fail = (message: string) => badRequest(`agencyCode: ${message}`, { errors: [{ field: 'agencyCode', message }] });
  const rule = AGENCY_OF_ROLE[role];
  if (rule === 'none') {
    if (agencyCode !== null) throw fail(`a ${role} belongs to no agency`);
    return;
  }
  if (agencyCode === null) {
    if (rule === 'optional') return;
    throw fail(`a ${role} belongs to an agency`);
  }
  const agency = ctx.agencies.get(agencyCode);
  if (!agency) throw fail(`agency ${agencyCode} does not exist`);
  // A helper volunteers in a commune's community digital technology team (docs/assisted-filing.md).
  if (role === 'helper' && agency.kind !== 'commune') throw fail('a helper belongs to a commune');
}

function filters(f: z.infer<typeof listFilter>): SQL[] {
  const out: SQL[] = [];
  if (f.role) out.push(Array.isArray(f.role) ? inArray(users.role, f.role) : eq(users.role, f.role));
  if (f.agencyCode) out.push(eq(users.agencyCode, f.agencyCode));
  if (f.id !== undefined) out.push(inArray(users.id, [f.id].flat()));
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '\\$&')}%`;
    out.push(or(ilike(users.username, like), ilike(users.fullName, like))!);
  }
  return out;
}

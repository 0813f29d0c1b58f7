import { eq } from 'drizzle-orm';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { AGENCY_KINDS, agencies, type AgencyRow } from '../../db/schema';
import { foldVietnamese } from '../../domain/text';
import type { AppContext } from '../context';
import { parseListParams, sendList } from '../list-params';
import { requireUser } from '../middleware/auth';
import { badRequest, conflict, forbidden, fromZod, notFound } from '../problem';

export const agencyKindSchema = z.enum(AGENCY_KINDS);

/** An agency as the admin writes it (POST; PUT takes the same, `code` optional and unchangeable). */
export const agencyBodySchema = z.object({
  code: z.string().trim().regex(/^[A-Za-z0-9._-]{1,32}$/, 'letters, digits, . _ - (at most 32)'),
  name: z.string().trim().min(2).max(200),
  nameEn: z.string().trim().max(200).nullish(),
  kind: agencyKindSchema,
  parentCode: z.string().trim().min(1).nullable(),
});
export const agencyUpdateSchema = agencyBodySchema.partial({ code: true });
type AgencyBody = z.infer<typeof agencyBodySchema>;

const listFilter = z
  .object({
    kind: agencyKindSchema.optional(),
    parentCode: z.string().optional(),
    q: z.string().max(100).optional(),
    id: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .strict();

const SORTABLE = ['code', 'name', 'kind', 'parentCode'] as const;
/** The list's `filter` and `sort` as the OpenAPI document describes them. */
export const agencyListParams = { filter: listFilter, sort: SORTABLE };

/** react-admin needs an `id`; for agencies it is the code. */
export const agencyView = (a: AgencyRow) => ({ id: a.code, code: a.code, name: a.name, nameEn: a.nameEn, kind: a.kind, parentCode: a.parentCode });

export function agencyRoutes(ctx: AppContext): Router {
  const r = Router();
  const db = ctx.dbh.db;

  const mayRead = (req: Request) => {
    if (!req.ability!.can('read', 'Agency')) throw forbidden('only officers and administrators read the agency tree');
  };
  const mayManage = (req: Request) => {
    if (!req.ability!.can('manage', 'Agency')) throw forbidden('only an administrator edits the agency tree');
  };

  r.get('/agencies', requireUser, async (req, res) => {
    mayRead(req);
    const p = parseListParams(req, listFilter, SORTABLE, { field: 'code', order: 'ASC' });
    const f = p.filter;
    const ids = f.id === undefined ? undefined : new Set([f.id].flat());
    const words = f.q ? foldVietnamese(f.q).split(' ').filter(Boolean) : [];
    const hits = (await db.select().from(agencies)).filter((a) => {
      if (ids && !ids.has(a.code)) return false;
      if (f.kind && a.kind !== f.kind) return false;
      if (f.parentCode && a.parentCode !== f.parentCode) return false;
      const key = foldVietnamese(`${a.code} ${a.name} ${a.nameEn ?? ''}`);
      return words.every((w) => key.includes(w));
    });
    const field = p.sort.field as (typeof SORTABLE)[number];
    const sign = p.sort.order === 'ASC' ? 1 : -1;
    hits.sort((a, b) => sign * String(a[field] ?? '').localeCompare(String(b[field] ?? ''), 'vi'));
    sendList(res, 'agencies', p.offset, hits.slice(p.offset, p.offset + p.limit).map(agencyView), hits.length);
  });

  r.get('/agencies/:code', requireUser, async (req, res) => {
    mayRead(req);
    const [row] = await db.select().from(agencies).where(eq(agencies.code, String(req.params.code)));
    if (!row) throw notFound(`agency ${req.params.code}`);
    res.json(agencyView(row));
  });

  r.post('/agencies', requireUser, async (req, res) => {
    mayManage(req);
    const body = agencyBodySchema.safeParse(req.body);
    if (!body.success) throw fromZod(body.error);
    checkPlacement(ctx, body.data);
    const [row] = await db
      .insert(agencies)
      .values({ ...body.data, nameEn: body.data.nameEn ?? null })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict('duplicate', `agency ${body.data.code} already exists`);
    await ctx.agencies.changed();
    res.status(201).location(`/api/agencies/${row.code}`).json(agencyView(row));
  });

  r.put('/agencies/:code', requireUser, async (req, res) => {
    mayManage(req);
    const code = String(req.params.code);
    const body = agencyUpdateSchema.safeParse(req.body);
    if (!body.success) throw fromZod(body.error);
    if (body.data.code !== undefined && body.data.code !== code) {
      throw badRequest('an agency code cannot change (dossiers and users refer to it)', { errors: [{ field: 'code', message: 'cannot change' }] });
    }
    if (!ctx.agencies.get(code)) await ctx.agencies.reload();
    if (!ctx.agencies.get(code)) throw notFound(`agency ${code}`);
    const next = { ...body.data, code };
    checkPlacement(ctx, next);
    const [row] = await db
      .update(agencies)
      .set({ name: next.name, nameEn: next.nameEn ?? null, kind: next.kind, parentCode: next.parentCode })
      .where(eq(agencies.code, code))
      .returning();
    if (!row) throw notFound(`agency ${code}`);
    await ctx.agencies.changed();
    res.json(agencyView(row));
  });
  return r;
}

/**
 * The agency tree (domain/ability.ts scopes by it): a province at the root, departments and
 * communes directly under it, a commune's police unit under its commune.
 */
function checkPlacement(ctx: AppContext, a: AgencyBody) {
  const fail = (message: string) => badRequest(`parentCode: ${message}`, { errors: [{ field: 'parentCode', message }] });
  if (a.kind === 'province') {
    if (a.parentCode !== null) throw fail('a province has no parent');
    return;
  }
  const parentKind = a.kind === 'police' ? 'commune' : 'province';
  if (a.parentCode === null) throw fail(`a ${a.kind} needs a parent ${parentKind}`);
  const parent = ctx.agencies.get(a.parentCode);
  if (!parent) throw fail(`agency ${a.parentCode} does not exist`);
  if (parent.kind !== parentKind) throw fail(`agency ${a.parentCode} is not a ${parentKind}`);
  if (ctx.agencies.subtree(a.code).includes(a.parentCode)) throw fail('an agency cannot sit under itself');
}

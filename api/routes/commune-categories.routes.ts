import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { communeCategories, communeCategoryChanges, type CommuneCategoryRow } from '../../db/schema';
import { COMMUNE_CATEGORIES } from '../../domain/deadline-choice';
import type { AppContext } from '../context';
import { parseListParams, sendList } from '../list-params';
import { requireUser } from '../middleware/auth';
import { badRequest, conflict, forbidden, fromZod, notFound } from '../problem';

/** Listing a commune: its category, and the decision that puts it there (kept with who and when). */
export const communeCategoryBodySchema = z
  .object({
    agencyCode: z.string().trim().min(1).max(64),
    category: z.enum(COMMUNE_CATEGORIES).default('especially-difficult'),
    source: z.string().trim().min(3).max(300),
  })
  .strict();

const listFilter = z
  .object({
    category: z.enum(COMMUNE_CATEGORIES).optional(),
    id: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .strict();
const SORTABLE = { agencyCode: communeCategories.agencyCode, updatedAt: communeCategories.updatedAt } as const;
/** The list's `filter` and `sort` as the OpenAPI document describes them. */
export const communeCategoryListParams = { filter: listFilter, sort: Object.keys(SORTABLE) };

/**
 * The administrator's list of communes with especially difficult conditions (docs/calendar.md).
 * Calendar reference data, with the holidays' rights: officers read it, the administrator edits
 * it. Every change is logged for audit and kept, insert-only, in commune_category_changes.
 */
export function communeCategoryRoutes(ctx: AppContext): Router {
  const r = Router();
  const db = ctx.dbh.db;
  const mayManage = (req: Request) => {
    if (!req.ability!.can('manage', 'Holiday')) throw forbidden('only an administrator edits the list of communes');
  };
  const view = (row: CommuneCategoryRow) => ({
    id: row.agencyCode,
    ...row,
    agencyName: ctx.agencies.get(row.agencyCode)?.name ?? null,
    updatedAt: row.updatedAt.toISOString(),
  });
  const audit = (req: Request, change: string, agencyCode: string, details: Record<string, unknown>) =>
    ctx.log.info({ audit: `commune-category.${change}`, actor: req.user!.id, target: agencyCode, ...details }, `admin ${req.user!.username}: commune-category.${change} ${agencyCode}`);

  r.get('/commune-categories', requireUser, async (req, res) => {
    if (!req.ability!.can('read', 'Holiday')) throw forbidden('only officers and administrators read the list of communes');
    const p = parseListParams(req, listFilter, Object.keys(SORTABLE), { field: 'agencyCode', order: 'ASC' });
    const where: SQL[] = [];
    if (p.filter.category) where.push(eq(communeCategories.category, p.filter.category));
    const ids = p.filter.id === undefined ? undefined : new Set([p.filter.id].flat());
    const order = p.sort.order === 'ASC' ? asc : desc;
    const rows = (await db.select().from(communeCategories).where(and(...where)).orderBy(order(SORTABLE[p.sort.field as keyof typeof SORTABLE]), asc(communeCategories.agencyCode))).filter(
      (x) => !ids || ids.has(x.agencyCode),
    );
    sendList(res, 'commune-categories', p.offset, rows.slice(p.offset, p.offset + p.limit).map(view), rows.length);
  });

  r.post('/commune-categories', requireUser, async (req, res) => {
    mayManage(req);
    const body = communeCategoryBodySchema.safeParse(req.body);
    if (!body.success) throw fromZod(body.error);
    const { agencyCode, category, source } = body.data;
    if (ctx.agencies.get(agencyCode)?.kind !== 'commune') {
      throw badRequest(`agency ${agencyCode} is not a commune`, { errors: [{ field: 'agencyCode', message: 'not a commune' }] });
    }
    const row = await db.transaction(async (tx) => {
      const [added] = await tx.insert(communeCategories).values({ agencyCode, category, source, updatedBy: req.user!.id }).onConflictDoNothing().returning();
      if (!added) return undefined;
      await tx.insert(communeCategoryChanges).values({ agencyCode, change: 'listed', category, source, changedBy: req.user!.id });
      return added;
    });
    if (!row) throw conflict('duplicate', `${agencyCode} is already listed; remove it first`);
    audit(req, 'listed', agencyCode, { category, source });
    res.status(201).location(`/api/commune-categories/${agencyCode}`).json(view(row));
  });

  r.delete('/commune-categories/:agencyCode', requireUser, async (req, res) => {
    mayManage(req);
    const agencyCode = String(req.params.agencyCode);
    const row = await db.transaction(async (tx) => {
      const [removed] = await tx.delete(communeCategories).where(eq(communeCategories.agencyCode, agencyCode)).returning();
      if (!removed) return undefined;
      await tx.insert(communeCategoryChanges).values({ agencyCode, change: 'removed', category: removed.category, source: removed.source, changedBy: req.user!.id });
      return removed;
    });
    if (!row) throw notFound(`commune ${agencyCode} on the list`);
    audit(req, 'removed', agencyCode, { category: row.category });
    res.json(view(row));
  });
  return r;
}

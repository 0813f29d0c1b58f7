import { and, asc, desc, eq, like, type SQL } from 'drizzle-orm';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { holidays } from '../../db/schema';
import type { AppContext } from '../context';
import { parseListParams, sendList } from '../list-params';
import { requireUser } from '../middleware/auth';
import { conflict, forbidden, fromZod, notFound } from '../problem';

/** An override of the computed calendar: an announced extra day off, or a swapped working day. */
export const holidayBodySchema = z.object({
  date: z.iso.date(),
  kind: z.enum(['off', 'working']),
  note: z.string().trim().max(300).default(''),
});

const listFilter = z
  .object({
    year: z.number().int().min(2000).max(2200).optional(),
    kind: z.enum(['off', 'working']).optional(),
    id: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .strict();

const SORTABLE = { date: holidays.date, kind: holidays.kind } as const;
/** The list's `filter` and `sort` as the OpenAPI document describes them. */
export const holidayListParams = { filter: listFilter, sort: Object.keys(SORTABLE) };
type HolidayRow = typeof holidays.$inferSelect;
const holidayView = (h: HolidayRow) => ({ id: h.date, ...h });

export function holidayRoutes(ctx: AppContext): Router {
  const r = Router();
  const db = ctx.dbh.db;
  const mayManage = (req: Request) => {
    if (!req.ability!.can('manage', 'Holiday')) throw forbidden('only an administrator edits the calendar');
  };

  r.get('/holidays', requireUser, async (req, res) => {
    if (!req.ability!.can('read', 'Holiday')) throw forbidden('only officers and administrators read the calendar overrides');
    const p = parseListParams(req, listFilter, Object.keys(SORTABLE), { field: 'date', order: 'ASC' });
    const where: SQL[] = [];
    if (p.filter.year) where.push(like(holidays.date, `${p.filter.year}-%`));
    if (p.filter.kind) where.push(eq(holidays.kind, p.filter.kind));
    const ids = p.filter.id === undefined ? undefined : new Set([p.filter.id].flat());
    const order = p.sort.order === 'ASC' ? asc : desc;
    const rows = (await db.select().from(holidays).where(and(...where)).orderBy(order(SORTABLE[p.sort.field as keyof typeof SORTABLE]), asc(holidays.date))).filter(
      (h) => !ids || ids.has(h.date),
    );
    sendList(res, 'holidays', p.offset, rows.slice(p.offset, p.offset + p.limit).map(holidayView), rows.length);
  });

  r.post('/holidays', requireUser, async (req, res) => {
    mayManage(req);
    const body = holidayBodySchema.safeParse(req.body);
    if (!body.success) throw fromZod(body.error);
    const [row] = await db.insert(holidays).values(body.data).onConflictDoNothing().returning();
    if (!row) throw conflict('duplicate', `${body.data.date} already has an override; delete it first`);
    res.status(201).location(`/api/holidays/${row.date}`).json(holidayView(row));
  });

  r.delete('/holidays/:date', requireUser, async (req, res) => {
    mayManage(req);
    const [row] = await db.delete(holidays).where(eq(holidays.date, String(req.params.date))).returning();
    if (!row) throw notFound(`holiday override ${req.params.date}`);
    res.json(holidayView(row));
  });
  return r;
}

import type { Request, Response } from 'express';
import { z } from 'zod';
import { cleanNested } from './middleware/text-input';
import { badRequest, fromZod } from './problem';

/** react-admin simple-rest list parameters: `filter={json}&range=[0,24]&sort=["field","ASC"]`. */
export interface ListParams<F> {
  filter: F;
  offset: number;
  limit: number;
  sort: { field: string; order: 'ASC' | 'DESC' };
}

const MAX_PAGE = 500;
// Built once: constructing a zod schema costs more than parsing with it (it was a tenth of a
// list request's CPU when built per request; docs/scaling.md).
const rangeSchema = z.tuple([z.number().int().min(0), z.number().int().min(0)]);
const sortSchema = z.tuple([z.string(), z.enum(['ASC', 'DESC', 'asc', 'desc'])]);

function json(req: Request, name: string): unknown {
  const raw = req.query[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw badRequest(`${name} must be given once, as JSON`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw badRequest(`${name} is not valid JSON`);
  }
  // The query string was checked as one string; the text inside its JSON is checked here.
  return cleanNested(parsed, name);
}

export function parseListParams<F extends z.ZodType>(
  req: Request,
  filterSchema: F,
  sortable: readonly string[],
  defaultSort: ListParams<unknown>['sort'],
): ListParams<z.infer<F>> {
  const filter = filterSchema.safeParse(json(req, 'filter') ?? {});
  if (!filter.success) throw fromZod(filter.error, 'filter');
  const range = rangeSchema.safeParse(json(req, 'range') ?? [0, 24]);
  if (!range.success || range.data[1] < range.data[0]) throw badRequest('range must be [first, last] with last >= first');
  const limit = Math.min(range.data[1] - range.data[0] + 1, MAX_PAGE);
  const sort = sortSchema.safeParse(json(req, 'sort') ?? [defaultSort.field, defaultSort.order]);
  if (!sort.success || !sortable.includes(sort.data[0])) throw badRequest(`sort must be [field, ASC|DESC] with field in ${sortable.join(', ')}`);
  return {
    filter: filter.data,
    offset: range.data[0],
    limit,
    sort: { field: sort.data[0], order: sort.data[1].toUpperCase() as 'ASC' | 'DESC' },
  };
}

/** Sets `Content-Range: <resource> first-last/total` (exposed by CORS for react-admin). */
export function sendList(res: Response, resource: string, offset: number, items: unknown[], total: number) {
  const last = items.length ? offset + items.length - 1 : offset;
  res.set('Content-Range', `${resource} ${offset}-${last}/${total}`);
  res.json(items);
}

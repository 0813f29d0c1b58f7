import { sql } from 'drizzle-orm';
import { Router } from 'express';
import type { Db } from '../../db/client';
import type { AppContext } from '../context';

/** A share to one decimal of a percent, or null when there is nothing to divide by. */
const share = (n: number, total: number) => (total === 0 ? null : Math.round((n / total) * 1000) / 1000);

/**
 * The province's headline figures (issue 12 §2), computed from the procedures as offered — the
 * coded ones and the catalogue with Lào Cai's current profile (the procedures row mirrors its latest
 * version, api/procedure-profiles.ts; docs/procedures.md): how many
 * run online (fully or partly), how many the commune decides, the full online process by level,
 * and the share synced with the National Public Service Portal. Nothing about dossiers or people.
 */
export async function publicStats(db: Db) {
  const r = (await db.execute(sql`
    select count(*)::int as total,
           count(*) filter (where online_level = 'full')::int as full,
           count(*) filter (where online_level = 'partial')::int as partial,
           count(*) filter (where level = 'commune')::int as commune,
           count(*) filter (where level = 'commune' and online_level <> 'counter')::int as commune_online,
           count(*) filter (where level = 'commune' and online_level = 'full')::int as commune_full,
           count(*) filter (where level = 'province' and online_level = 'full')::int as province_full,
           count(*) filter (where portal_integrated)::int as synced
    from procedures`)) as unknown as Row[] | { rows: Row[] };
  const x = (Array.isArray(r) ? r : r.rows)[0]!;
  const online = x.full + x.partial;
  return {
    procedures: x.total,
    online: { full: x.full, partial: x.partial, total: online, rate: share(online, x.total) },
    commune: { total: x.commune, online: x.commune_online, rate: share(x.commune, x.total) },
    fullProcessByLevel: { commune: x.commune_full, province: x.province_full },
    nationalPortal: { synced: x.synced, rate: share(x.synced, x.total) },
  };
}
interface Row {
  total: number;
  full: number;
  partial: number;
  commune: number;
  commune_online: number;
  commune_full: number;
  province_full: number;
  synced: number;
}

/** Mounted before authentication: anyone may read the figures (they change only when procedures do). */
export function publicStatsRoutes(ctx: Pick<AppContext, 'dbh'>): Router {
  const r = Router();
  r.get('/stats/public', async (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300').json(await publicStats(ctx.dbh.db));
  });
  return r;
}

import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicStatsResponse } from '../../api/openapi-responses';
import { publicStatsRoutes } from '../../api/routes/public-stats.routes';
import type { DbHandle } from '../../db/client';
import { allProcedures } from '../../procedures';
import { openCatalogueDb } from '../support/catalogue-db';

/** The headline figures against a count made here from the definitions, not from SQL. */
describe('GET /api/stats/public', () => {
  let dbh: DbHandle;
  const app = express();

  beforeAll(async () => {
    ({ dbh } = await openCatalogueDb());
    app.use('/api', publicStatsRoutes({ dbh }));
  });
  afterAll(async () => dbh?.close());

  it('answers anyone, in the documented shape, with the figures of the procedures as offered', async () => {
    const res = await request(app).get('/api/stats/public').expect(200);
    const body = publicStatsResponse.parse(res.body);
    const all = allProcedures();
    const full = all.filter((p) => p.fullProcessOnline);
    const partial = all.filter((p) => !p.fullProcessOnline && p.portalIntegrated);
    expect(body.procedures).toBe(all.length);
    expect(body.procedures).toBeGreaterThan(1500);
    expect(body.online).toMatchObject({ full: full.length, partial: partial.length, total: full.length + partial.length });
    expect(body.commune.total).toBe(all.filter((p) => p.level === 'commune').length);
    expect(body.commune.online).toBe(all.filter((p) => p.level === 'commune' && p.portalIntegrated).length);
    expect(body.fullProcessByLevel).toEqual({ commune: full.filter((p) => p.level === 'commune').length, province: full.filter((p) => p.level === 'province').length });
    expect(body.nationalPortal.synced).toBe(all.filter((p) => p.portalIntegrated).length);
    expect(body.nationalPortal.rate).toBeCloseTo(body.nationalPortal.synced / body.procedures, 3);
    expect(res.headers['cache-control']).toContain('public');
  });
});

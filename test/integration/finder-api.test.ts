import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedureFieldResponse } from '../../api/openapi-responses';
import { errorHandler } from '../../api/middleware/errors';
import type { ProcedureVersions } from '../../api/procedure-versions';
import { procedureRoutes } from '../../api/routes/procedures.routes';
import type { DbHandle } from '../../db/client';
import { createLogger } from '../../runtime/logger';
import { openCatalogueDb } from '../support/catalogue-db';

/** What the portal finder asks: ranked words, filters, server pages with their total, the fields. */
describe('the finder through GET /api/procedures', () => {
  let dbh: DbHandle;
  const app = express();
  const totalOf = (res: request.Response) => Number(String(res.headers['content-range']).split('/')[1]);

  beforeAll(async () => {
    let procedures: ProcedureVersions;
    ({ dbh, procedures } = await openCatalogueDb());
    const log = createLogger('silent');
    app.use('/api', procedureRoutes({ dbh, procedures, log }));
    app.use(errorHandler(log));
  });
  afterAll(async () => dbh?.close());

  it('pages a ranked search on the server, the pages adding up to the total', async () => {
    const first = await request(app).get('/api/procedures').query({ q: 'đăng ký kết hôn', range: '[0,9]' }).expect(200);
    expect(first.body).toHaveLength(10);
    expect(first.body[0].code).toBe('1.000894');
    const total = totalOf(first);
    expect(total).toBeGreaterThan(10);
    const second = await request(app).get('/api/procedures').query({ q: 'đăng ký kết hôn', range: '[10,19]' }).expect(200);
    expect(second.headers['content-range']).toBe(`procedures 10-${10 + second.body.length - 1}/${total}`);
    const codes = [...first.body, ...second.body].map((p: { code: string }) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('filters by level and online level, with the words and without', async () => {
    const province = await request(app).get('/api/procedures').query({ q: 'cấp đổi thẻ căn cước', level: 'province', range: '[0,4]' }).expect(200);
    expect(province.body[0].code).toBe('2.001195');
    expect(province.body.every((p: { level: string }) => p.level === 'province')).toBe(true);
    const full = await request(app).get('/api/procedures').query({ onlineLevel: 'full', field: 'Hộ tịch', range: '[0,49]' }).expect(200);
    expect(full.body.length).toBeGreaterThan(0);
    expect(full.body.every((p: { fullProcessOnline: boolean; field: { vi: string } }) => p.fullProcessOnline && p.field.vi === 'Hộ tịch')).toBe(true);
  });

  it('ranks the commune’s version first unless the province is preferred', async () => {
    const top = async (prefer?: string) => (await request(app).get('/api/procedures').query({ q: 'cấp đổi thẻ căn cước', range: '[0,1]', ...(prefer ? { prefer } : {}) }).expect(200)).body.map((p: { code: string }) => p.code);
    expect(await top()).toEqual(['1.014063', '2.001195']);
    expect(await top('province')).toEqual(['2.001195', '1.014063']);
  });

  it('lists the fields, the citizens’ common ones first', async () => {
    const res = await request(app).get('/api/procedure-fields').expect(200);
    const fields = res.body.map((f: unknown) => procedureFieldResponse.parse(f));
    expect(fields.length).toBeGreaterThan(50);
    expect(fields.slice(0, 12).map((f: { field: string }) => f.field)).toContain('Hộ tịch');
    expect(fields.reduce((s: number, f: { procedures: number }) => s + f.procedures, 0)).toBeGreaterThan(1500);
  });

  it('refuses a malformed range as a problem, never a 500', async () => {
    const res = await request(app).get('/api/procedures').query({ q: 'khai sinh', range: '[5,1]' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { procedureProfileResponse, publicStatsResponse } from '../../api/openapi-responses';
import { allProcedures, isCoded } from '../../procedures';
import { profileOfDefinition } from '../../procedures/lao-cai/profile';
import type { System } from '../../runtime/system';
import { login, startTestSystem } from '../support/system';

const ADMIN_PASSWORD = process.env.MOTCUA_ADMIN_PASSWORD ?? 'admin';
const COMMUNE = '02647';
const applicant = { fullName: 'Lò Văn Pao', idNumber: '010203009876', phone: '0912000222' };

/**
 * Lào Cai's profile of a procedure, corrected by the administrator (docs/procedures.md): versioned
 * with who, when, what and why; refused for an agency that cannot decide it; the public figures
 * follow it; a new dossier is decided where the current profile says, a dossier in flight where
 * it was submitted. Every correction is undone at the end: the files after this one share the
 * database and count the profile as the registry states it.
 */
describe('Lào Cai’s profile, corrected and versioned', () => {
  let system: System;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const api = () => request(system.server);
  const generic = allProcedures().filter((p) => !isCoded(p.code) && p.level === 'commune');
  // From the end of the registry: away from the catalogue suite's sample, which starts nothing here.
  const counterOnly = generic.filter((p) => !p.portalIntegrated).at(-1)!;
  const decided = generic.filter((p) => p.deadline.workingDays !== null && !p.stages.some((s) => s.name === 'pay') && p.code !== counterOnly.code).at(-1)!;
  const undo: { code: string; body: object }[] = [];

  beforeAll(async () => {
    system = await startTestSystem();
    tokens.admin = await login(system, 'admin', ADMIN_PASSWORD);
    for (const u of ['laocai.desk', 'tinh.supervisor']) tokens[u] = await login(system, u);
  }, 240_000);
  afterAll(async () => {
    for (const u of undo.reverse()) await api().post(`/api/procedures/${u.code}/profile`).set(as('admin')).send(u.body);
    await system?.stop();
  });

  it('shows the administrator the seeded default as version 1, with the departments that may decide; nobody else', async () => {
    const res = await api().get(`/api/procedures/${counterOnly.code}/profile`).set(as('admin')).expect(200);
    const body = procedureProfileResponse.parse(res.body);
    expect(body).toMatchObject({ code: counterOnly.code, version: 1, level: 'commune', departmentCode: null, onlineLevel: 'counter', portalIntegrated: false, changes: null });
    expect(body.history).toHaveLength(1);
    expect(body.departments!.map((d) => d.code)).toContain('H38.STP');
    expect(body.departments!.map((d) => d.code)).not.toContain(COMMUNE);
    await api().get(`/api/procedures/${counterOnly.code}/profile`).set(as('tinh.supervisor')).expect(403);
    await api().post(`/api/procedures/${counterOnly.code}/profile`).set(as('laocai.desk')).send({ onlineLevel: 'full' }).expect(403);
    await api().get('/api/procedures/9.999999/profile').set(as('admin')).expect(404);
  });

  it('refuses an agency that does not exist or cannot decide at that level (422), and a body that changes nothing (400)', async () => {
    const post = (body: object) => api().post(`/api/procedures/${decided.code}/profile`).set(as('admin')).send(body);
    for (const body of [
      { level: 'province', departmentCode: 'H38.KHONGCO' }, // no such agency
      { level: 'province', departmentCode: COMMUNE }, // a commune cannot decide a province-level procedure
      { level: 'province', departmentCode: 'H38' }, // nor the province itself
      { level: 'province' }, // a department is needed
      { departmentCode: 'H38.STP' }, // a commune-level procedure has none
      { onlineLevel: profileOfDefinition(decided).onlineLevel }, // already so
    ]) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await post({})).status).toBe(400);
    expect((await post({ onlineLevel: 'online' })).status).toBe(400);
    const history = (await api().get(`/api/procedures/${decided.code}/profile`).set(as('admin'))).body.history;
    expect(history).toHaveLength(1);
  });

  it('recomputes the public figures from the current profile', async () => {
    const before = publicStatsResponse.parse((await api().get('/api/stats/public').expect(200)).body);
    const preview = await api().post(`/api/procedures/${counterOnly.code}/profile?dryRun=1`).set(as('admin')).send({ onlineLevel: 'full', portalIntegrated: true });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ dryRun: true, version: 2, changes: { onlineLevel: { from: 'counter', to: 'full' }, portalIntegrated: { from: false, to: true } }, rules: null });
    expect(publicStatsResponse.parse((await api().get('/api/stats/public')).body)).toEqual(before);

    const info = vi.spyOn(system.log, 'info');
    const saved = await api().post(`/api/procedures/${counterOnly.code}/profile`).set(as('admin')).send({ onlineLevel: 'full', portalIntegrated: true, note: 'Đã kết nối Cổng Dịch vụ công quốc gia' });
    expect(saved.status).toBe(201);
    expect(info).toHaveBeenCalledWith(expect.objectContaining({ audit: 'procedure-profile', code: counterOnly.code, version: 2, by: 'u-admin', changes: expect.objectContaining({ onlineLevel: { from: 'counter', to: 'full' } }) }), expect.any(String));
    info.mockRestore();
    undo.push({ code: counterOnly.code, body: { onlineLevel: 'counter', portalIntegrated: false, note: 'hoàn lại sau kiểm thử' } });
    expect(procedureProfileResponse.parse(saved.body)).toMatchObject({ version: 2, onlineLevel: 'full', portalIntegrated: true, changedBy: 'u-admin', note: 'Đã kết nối Cổng Dịch vụ công quốc gia', rules: null });

    const after = publicStatsResponse.parse((await api().get('/api/stats/public')).body);
    expect(after.online.full).toBe(before.online.full + 1);
    expect(after.online.total).toBe(before.online.total + 1);
    expect(after.commune.online).toBe(before.commune.online + 1);
    expect(after.fullProcessByLevel.commune).toBe(before.fullProcessByLevel.commune + 1);
    expect(after.nationalPortal.synced).toBe(before.nationalPortal.synced + 1);
    // The finder and the procedure's page say the same.
    const shown = (await api().get(`/api/procedures/${counterOnly.code}`)).body;
    expect(shown).toMatchObject({ onlineLevel: 'full', fullProcessOnline: true, portalIntegrated: true });
    const listed = await api().get('/api/procedures').query({ filter: JSON.stringify({ onlineLevel: 'full', code: [counterOnly.code] }) });
    expect(listed.body.map((p: { code: string }) => p.code)).toEqual([counterOnly.code]);
    const history = (await api().get(`/api/procedures/${counterOnly.code}/profile`).set(as('admin'))).body.history;
    expect(history.map((h: { version: number }) => h.version)).toEqual([2, 1]);
    expect(history[0]).toMatchObject({ changedBy: 'u-admin', changes: { onlineLevel: { from: 'counter', to: 'full' } } });
    expect(Date.parse(history[0].changedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('sends new dossiers to the department the profile now names; a dossier in flight stays with the commune', async () => {
    const { example, version } = (await api().get(`/api/procedures/${decided.code}`)).body;
    const submit = async (key: string) => {
      const res = await api().post('/api/dossiers').set(as('laocai.desk')).set('Idempotency-Key', key).send({ procedureCode: decided.code, agencyCode: COMMUNE, channel: 'counter', applicant, form: example });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as { code: string; procedureVersion: number; allowedActions: string[] };
    };
    const inFlight = await submit(`profile-a-${Date.now()}`);
    expect(inFlight.procedureVersion).toBe(version);

    const preview = await api().post(`/api/procedures/${decided.code}/profile?dryRun=1`).set(as('admin')).send({ level: 'province', departmentCode: 'H38.STP' });
    expect(preview.status).toBe(200);
    expect(preview.body.rules).toMatchObject({ version: version + 1, level: 'province', handoff: { departmentCode: 'H38.STP' } });
    expect((await api().get(`/api/procedures/${decided.code}`)).body.version).toBe(version);

    const saved = await api().post(`/api/procedures/${decided.code}/profile`).set(as('admin')).send({ level: 'province', departmentCode: 'H38.STP', note: 'Sở Tư pháp giải quyết' });
    expect(saved.status).toBe(201);
    undo.push({ code: decided.code, body: { level: 'commune', note: 'hoàn lại sau kiểm thử' } });
    expect(saved.body.rules).toMatchObject({ version: version + 1, level: 'province', handoff: { departmentCode: 'H38.STP', shareWorkingDays: expect.any(Number) } });
    const page = (await api().get(`/api/procedures/${decided.code}`)).body;
    expect(page).toMatchObject({ version: version + 1, level: 'province', handoff: { departmentCode: 'H38.STP' } });
    expect(page.history[0]).toMatchObject({ version: version + 1, publishedBy: 'u-admin', changes: { profile: { level: { from: 'commune', to: 'province' } } } });

    const fresh = await submit(`profile-b-${Date.now()}`);
    expect(fresh.procedureVersion).toBe(version + 1);
    // Received at the commune, the new dossier is to be forwarded to the department; the old one is decided where it is.
    const received = async (code: string) => {
      // A counter submission may already be received; either way the dossier is then at the desk.
      await api().post(`/api/dossiers/${code}/actions/receive`).set(as('laocai.desk')).send({});
      return (await api().get(`/api/dossiers/${code}`).set(as('laocai.desk'))).body;
    };
    const a = await received(inFlight.code);
    const b = await received(fresh.code);
    expect(a.procedureVersion).toBe(version);
    expect(a.allowedActions).not.toContain('forward');
    expect(b.allowedActions).toContain('forward');
    await api().post(`/api/dossiers/${fresh.code}/actions/forward`).set(as('laocai.desk')).send({ agencyCode: 'H38.STP' }).expect(200);
  });
});

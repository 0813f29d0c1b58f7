import type { Browser } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { System } from '../../runtime/system';
import { login, startTestSystem } from '../support/system';
import { act, baseUrl, launch, openFromList, screenshot, signIn, statusIs } from './support';

/** Queues by role, and what an officer reads when a colleague acted first (issue 18 §3–§4). */
describe('each role opens on its own queue, in words', () => {
  let system: System;
  let browser: Browser;
  const tokens: Record<string, string> = {};
  let birth: Record<string, unknown>;
  let land: Record<string, unknown>;

  const http = () => request(system.server);
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  async function submit(user: string, body: Record<string, unknown>) {
    const res = await http().post('/api/dossiers').set(as(user)).send(body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.code as string;
  }
  async function api(user: string, code: string, action: string, body: object = {}) {
    const res = await http().post(`/api/dossiers/${code}/actions/${action}`).set(as(user)).send(body);
    expect(res.status, `${user} ${action}: ${JSON.stringify(res.body)}`).toBe(200);
  }
  const online = (fullName: string, idNumber: string) => ({
    procedureCode: '1.001193',
    agencyCode: '02647',
    channel: 'online',
    applicant: { fullName, idNumber, phone: '0911000111' },
    form: birth,
  });

  beforeAll(async () => {
    [system, browser] = await Promise.all([startTestSystem(), launch()]);
    for (const u of ['citizen', 'laocai.desk', 'laocai.specialist', 'batxat.desk', 'snnmt.leader', 'snnmt.specialist']) tokens[u] = await login(system, u);
    birth = (await http().get('/api/procedures/1.001193')).body.example;
    land = (await http().get('/api/procedures/1.013831')).body.example;
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('the desk opens on online submissions to receive; a colleague who acted first is said, in Vietnamese, and the page reloads', async () => {
    const code = await submit('citizen', online('Vừ Thị Ly', '010203661100'));
    const desk = await signIn(browser, system, 'laocai.desk');
    const queue = desk.getByTestId('my-work');
    await queue.locator('tr', { hasText: code }).waitFor();
    // Waiting for the office: blue, not the red of an error.
    expect(await queue.locator('tr', { hasText: code }).locator('[data-status="SUBMITTED"]').getAttribute('data-tone')).toBe('info');
    await screenshot(desk, 'q-1-desk-to-receive');
    await openFromList(desk, code);

    // A second desk officer (another tab) receives it first.
    await api('laocai.desk', code, 'receive');
    await act(desk, 'receive');
    await desk.getByText('Đồng nghiệp vừa xử lý hồ sơ này trước bạn').waitFor();
    await statusIs(desk, 'RECEIVED');
    expect(await desk.getByText(/is not allowed in status/).count()).toBe(0);
    await screenshot(desk, 'q-2-conflict-refreshed');
  });

  it('the leader opens on what awaits their approval; the assignee picker shows username, role and workload', async () => {
    const waiting = await submit('citizen', online('Thào Thị Súa', '010203661101'));
    const fresh = await submit('citizen', online('Sùng A Dính', '010203661102'));
    await api('laocai.desk', waiting, 'receive');
    await api('laocai.desk', waiting, 'assign', { assigneeId: 'u-laocai.specialist' });
    await api('laocai.specialist', waiting, 'verify');
    await api('laocai.desk', fresh, 'receive');

    const leader = await signIn(browser, system, 'laocai.leader');
    const queue = leader.getByTestId('my-work');
    await queue.locator('tr', { hasText: waiting }).waitFor();
    expect(await queue.locator('tr', { hasText: fresh }).count()).toBe(0);
    await screenshot(leader, 'q-3-leader-awaiting-approval');

    await leader.locator('[data-queue="agency"]').click();
    await openFromList(leader, fresh);
    await leader.locator('[data-testid="dossier-actions"] [data-action="assign"]').click();
    const dialog = leader.getByTestId('dialog-assign');
    await dialog.getByRole('combobox').first().click();
    // Trần Văn Minh holds at least `waiting`, assigned above.
    await leader.getByRole('option', { name: /Trần Văn Minh \(laocai\.specialist\) · Chuyên viên · [1-9]\d* hồ sơ đang xử lý/ }).waitFor();
    await screenshot(leader, 'q-4-assignee-picker');
  });

  it('the commune sees what it forwarded; the department that returned a dossier stays on its page', async () => {
    const code = await submit('batxat.desk', { procedureCode: '1.013831', agencyCode: '02683', channel: 'counter', applicant: { fullName: 'Hà Văn Tú', idNumber: '010203661103', phone: '0911000222' }, form: land });
    await api('batxat.desk', code, 'forward', { agencyCode: 'H38.SNNMT' });

    const desk = await signIn(browser, system, 'batxat.desk');
    await desk.locator('[data-queue="forwarded"]').click();
    const row = desk.getByTestId('my-work').locator('tr', { hasText: code });
    await row.getByText('Sở Nông nghiệp và Môi trường').waitFor();
    await screenshot(desk, 'q-5-commune-forwarded');

    await api('snnmt.leader', code, 'assign', { assigneeId: 'u-snnmt.specialist' });
    await api('snnmt.specialist', code, 'verify');
    // Version 2 waits for the financial obligations before the decision (the tax stage).
    await api('snnmt.specialist', code, 'send-to-tax', { slipNo: 'PCTT-Q5' });
    await api('snnmt.specialist', code, 'record-tax-payment', { exemption: 'miễn lệ phí trước bạ (thừa kế)' });
    await api('snnmt.leader', code, 'approve');
    const dept = await signIn(browser, system, 'snnmt.leader');
    await dept.goto(`${baseUrl(system)}/admin/#/dossiers/${code}/show`);
    await statusIs(dept, 'RESULT_READY');
    await act(dept, 'return');
    // Still the dossier, read only now — not "Mục không tồn tại".
    await dept.locator('[data-testid="dossier-code"]', { hasText: code }).waitFor();
    await dept.getByTestId('timeline').locator('[data-event="return"]').waitFor();
    expect(await dept.getByText('Mục không tồn tại').count()).toBe(0);
    expect(await dept.getByTestId('dossier-actions').count()).toBe(0);
    await screenshot(dept, 'q-6-department-after-return');

    // Back at the commune: off the forwarded tab, in the agency's work, dates as on paper.
    await desk.reload();
    await desk.locator('[data-queue="agency"]').click();
    await desk.getByTestId('my-work').locator('tr', { hasText: code }).waitFor();
    await desk.getByRole('menuitem', { name: 'Hồ sơ' }).click();
    await desk.getByTestId('my-work').waitFor({ state: 'detached' });
    const listed = desk.locator('tr', { hasText: code });
    await listed.waitFor();
    expect(await listed.textContent()).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  });
});

import type { Browser } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { System } from '../../runtime/system';
import { login, startTestSystem } from '../support/system';
import { baseUrl, fillSubmitForm, launch, screenshot, signIn } from './support';

const BIRTH_PROOF = 'Giấy chứng sinh hoặc văn bản của người làm chứng';

/**
 * Issue 15 §4: the signed result delivered online is in the citizen's «Kho dữ liệu của tôi» in the
 * portal, and is taken from there for a required document of a new dossier instead of an upload.
 */
describe('the citizen’s document store in the portal', () => {
  let system: System;
  let browser: Browser;
  let delivered = '';
  const tokens: Record<string, string> = {};
  const http = () => request(system.server);
  const as = (u: string) => ({ Authorization: `Bearer ${tokens[u]}` });

  beforeAll(async () => {
    [system, browser] = await Promise.all([startTestSystem(), launch()]);
    for (const u of ['citizen', 'laocai.desk', 'laocai.specialist', 'laocai.leader']) tokens[u] = await login(system, u);
    const example = (await http().get('/api/procedures/1.001193')).body.example;
    const applicant = { fullName: 'Sùng Thị Dua', idNumber: '010186000123', phone: '0912345678' };
    const created = await http().post('/api/dossiers').set(as('citizen')).send({ procedureCode: '1.001193', agencyCode: '02647', channel: 'online', applicant, form: example });
    expect(created.status).toBe(201);
    delivered = created.body.code;
    const act = async (u: string, action: string, body: object = {}) => expect((await http().post(`/api/dossiers/${delivered}/actions/${action}`).set(as(u)).send(body)).status).toBe(200);
    await act('laocai.desk', 'receive');
    await act('laocai.desk', 'assign', { assigneeId: 'u-laocai.specialist' });
    await act('laocai.specialist', 'verify', { note: 'đủ điều kiện' });
    await act('laocai.leader', 'approve', { note: 'Đã đăng ký khai sinh' });
    await act('laocai.desk', 'deliver', { method: 'online' });
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('shows the delivered result in «Kho dữ liệu của tôi» and reuses it in a new dossier', async () => {
    const context = await browser.newContext({ viewport: { width: 1080, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const portal = await context.newPage();
    portal.setDefaultTimeout(20_000);
    portal.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await portal.goto(`${baseUrl(system)}/kho-du-lieu`);
    await portal.locator('#username').fill('citizen');
    await portal.locator('#password').fill('motcua123');
    await portal.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await portal.getByRole('heading', { name: 'Kho dữ liệu của tôi' }).waitFor();
    const item = portal.getByTestId('my-documents').locator('li', { hasText: delivered });
    await item.waitFor();
    expect(await item.textContent()).toContain('Kết quả');
    await screenshot(portal, 'citizen-store-1-list');

    // Its download is the signed PDF, fetched with the citizen's token.
    const [tab] = await Promise.all([context.waitForEvent('page'), item.getByRole('button', { name: 'Tải về' }).click()]);
    await tab.waitForLoadState();
    expect(tab.url()).toMatch(/^blob:/);
    await tab.close();

    // A new dossier: the birth proof taken from the store, nothing uploaded.
    await portal.goto(`${baseUrl(system)}/nop-ho-so/1.001193`);
    await portal.getByRole('button', { name: /Đăng xuất/ }).waitFor();
    const { body: birth } = await http().get('/api/procedures/1.001193');
    await fillSubmitForm(portal, birth.example as Record<string, string>, { idNumber: '010186000123', phone: '0912345678' });
    const picker = portal.getByTestId('store-picker');
    const row = picker.locator('li', { hasText: delivered });
    await row.getByRole('combobox').selectOption(BIRTH_PROOF);
    await row.getByRole('button', { name: 'Dùng giấy tờ này' }).click();
    await row.getByText('Đã đính kèm từ kho dữ liệu').waitFor();
    await screenshot(portal, 'citizen-store-2-picked');
    await portal.getByRole('button', { name: 'Tiếp tục: kiểm tra lại' }).click();
    await portal.getByRole('heading', { name: 'Kiểm tra lại trước khi nộp' }).waitFor();
    await portal.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    const code = (await portal.getByTestId('dossier-code').textContent())!;
    expect(code).toMatch(/^02647-\d{6}-\d{4}$/);
    await context.close();

    // The desk finds it among the attachments, for the birth proof, marked from the store and its signature valid.
    const view = await http().get(`/api/dossiers/${code}`).set(as('laocai.desk'));
    expect(view.body.attachments).toEqual([
      expect.objectContaining({ requirement: BIRTH_PROOF, fromStore: expect.objectContaining({ kind: 'result', dossierCode: delivered, signatureValid: true }) }),
    ]);
    // And in the back office, on the dossier's checklist: the birth proof received, from the store, signature valid.
    const desk = await signIn(browser, system, 'laocai.desk');
    await desk.goto(`${baseUrl(system)}/admin/#/dossiers/${code}/show`);
    const proof = desk.getByTestId('attachments').locator(`li[data-requirement="${BIRTH_PROOF}"][data-received="true"]`);
    const mark = proof.getByTestId('attachment-from-store');
    await mark.waitFor();
    expect(await mark.getAttribute('data-signature-valid')).toBe('true');
    expect(await mark.textContent()).toContain(`kết quả hồ sơ ${delivered}`);
    await screenshot(desk, 'citizen-store-3-desk');
  });
});

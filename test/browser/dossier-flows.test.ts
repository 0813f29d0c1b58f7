import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { System } from '../../runtime/system';
import { startTestSystem } from '../support/system';
import { act, apiFromPage, choose, launch, openFromList, screenshot, signIn, statusIs } from './support';

const TEMPORAL_UI = 'http://temporal-ui.test:8080';

describe('the back office drives dossiers by clicking', () => {
  let system: System;
  let browser: Browser;

  beforeAll(async () => {
    [system, browser] = await Promise.all([startTestSystem({ TEMPORAL_UI_URL: TEMPORAL_UI }), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('(a) a walk-in dossier: desk receives at the counter, specialist verifies, leader approves, desk delivers', async () => {
    const desk = await signIn(browser, system, 'laocai.desk');
    await desk.getByTestId('my-work').waitFor();
    await desk.getByRole('menuitem', { name: 'Tiếp nhận tại quầy' }).click();

    // Reception: the procedure's form is rendered from its JSON Schema with its Vietnamese labels.
    await desk.getByLabel('Thủ tục').first().fill('khai sinh');
    await desk.getByRole('option', { name: /1\.001193/ }).click();
    await desk.getByTestId('procedure-form').waitFor();
    await desk.getByLabel('Họ, chữ đệm và tên người được khai sinh').waitFor();
    await desk.locator('input[name="applicant.fullName"]').fill('Sùng Thị Dua');
    await desk.locator('input[name="applicant.idNumber"]').fill('010203004567');
    await desk.locator('input[name="applicant.phone"]').fill('0912345678');
    await desk.getByTestId('fill-example').click();
    await desk.locator('input[name="form.childName"]').fill('Giàng Thị Mai');
    await screenshot(desk, 'a-1-reception-form');
    await desk.getByRole('button', { name: 'Lưu' }).click();

    const done = desk.getByTestId('reception-done');
    await done.waitFor();
    const title = await done.getByRole('heading').textContent();
    const code = /(\d{5}-\d{6}-\d{4})/.exec(title ?? '')![1]!;
    await done.locator('[data-document="receipt"]').waitFor();
    const receipt = await apiFromPage(desk, `/dossiers/${code}/documents/receipt`);
    expect(receipt.status).toBe(200);
    expect(receipt.type).toContain('application/pdf');
    await screenshot(desk, 'a-2-received-receipt');
    await done.getByRole('button', { name: 'Mở hồ sơ' }).click();
    await statusIs(desk, 'RECEIVED');
    // The page links to the dossier's workflow in the Temporal Web UI, in a new tab.
    const workflow = desk.getByTestId('temporal-link');
    expect(await workflow.textContent()).toBe('Xem quy trình trên Temporal');
    expect(await workflow.getAttribute('href')).toBe(`${TEMPORAL_UI}/namespaces/default/workflows/${code}`);
    expect(await workflow.getAttribute('target')).toBe('_blank');
    await act(desk, 'assign', (d) => choose(desk, d, 'Trần Văn Minh'));
    await statusIs(desk, 'IN_REVIEW');

    const specialist = await signIn(browser, system, 'laocai.specialist');
    await specialist.getByRole('tab', { name: 'Được giao cho tôi' }).click();
    await openFromList(specialist, code);
    await act(specialist, 'verify', (d) => d.getByLabel('Ghi chú').fill('Hồ sơ đầy đủ'));
    await statusIs(specialist, 'AWAITING_APPROVAL');
    // Buttons are exactly allowedActions: nothing left for the specialist now.
    expect(await specialist.getByTestId('dossier-actions').count()).toBe(0);

    const leader = await signIn(browser, system, 'laocai.leader');
    await openFromList(leader, code);
    await act(leader, 'approve');
    await statusIs(leader, 'RESULT_READY');

    await desk.reload();
    await statusIs(desk, 'RESULT_READY');
    await act(desk, 'deliver');
    await statusIs(desk, 'DELIVERED');
    const timeline = desk.getByTestId('timeline');
    await timeline.locator('[data-event="deliver"]').waitFor();
    const events = await timeline.locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-event')));
    expect(events).toEqual(['submit', 'assign', 'verify', 'approve', 'deliver']);
    await desk.locator('[data-document="result"]').waitFor();
    await screenshot(desk, 'a-3-delivered');
  });

  it('(b) hand-off: the commune desk forwards a province-level dossier, the department decides, the result comes back', async () => {
    const desk = await signIn(browser, system, 'batxat.desk');
    await desk.getByRole('menuitem', { name: 'Tiếp nhận tại quầy' }).click();
    await desk.getByLabel('Thủ tục').first().fill('1.013831');
    await desk.getByRole('option', { name: /1\.013831/ }).click();
    await desk.getByTestId('procedure-form').waitFor();
    await desk.locator('input[name="applicant.fullName"]').fill('Hà Thị Ngọc');
    await desk.locator('input[name="applicant.idNumber"]').fill('010190007890');
    await desk.locator('input[name="applicant.phone"]').fill('0987654321');
    await desk.getByTestId('fill-example').click();
    await desk.getByRole('button', { name: 'Lưu' }).click();
    const done = desk.getByTestId('reception-done');
    const code = /(\d{5}-\d{6}-\d{4})/.exec((await done.getByRole('heading').textContent()) ?? '')![1]!;
    await done.getByRole('button', { name: 'Mở hồ sơ' }).click();

    // Province level: the desk cannot assign, only forward (to the procedure's department by default).
    await statusIs(desk, 'RECEIVED');
    await desk.locator('[data-testid="dossier-actions"] [data-action="forward"]').waitFor();
    const buttons = await desk.locator('[data-testid="dossier-actions"] [data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(buttons).toContain('forward');
    expect(buttons).not.toContain('assign');
    await act(desk, 'forward', async (d) => {
      await d.getByText('Sở Nông nghiệp và Môi trường').waitFor();
    });
    await desk.getByTestId('shares').waitFor();
    await screenshot(desk, 'b-1-forwarded');

    const deptLeader = await signIn(browser, system, 'snnmt.leader');
    // A leader's My work opens on what awaits their approval; the new arrival is at the agency.
    await deptLeader.locator('[data-queue="agency"]').click();
    await deptLeader.getByTestId('my-work').locator('tr', { hasText: code }).waitFor();
    await screenshot(deptLeader, 'b-2-department-my-work');
    await openFromList(deptLeader, code);
    await act(deptLeader, 'assign', (d) => choose(deptLeader, d, 'Hoàng Văn Nam'));

    const deptSpecialist = await signIn(browser, system, 'snnmt.specialist');
    await openFromList(deptSpecialist, code);
    await act(deptSpecialist, 'verify');
    // Version 2: the tax stage, through its dialogs — the slip, the tax office's notice, the receipt.
    await act(deptSpecialist, 'send-to-tax', (d) => d.getByLabel(/Mẫu số 19/).fill('PCTT-2026-000123'));
    await act(deptSpecialist, 'record-tax-notice', async (d) => {
      await d.getByLabel('Số thông báo của cơ quan thuế').fill('TB-2026-004567');
      await d.getByLabel('Số tiền phải nộp (đồng)').fill('12500000');
    });
    await act(deptSpecialist, 'record-tax-payment', (d) => d.getByLabel('Số chứng từ nộp tiền').fill('CT-2026-008910'));
    await deptSpecialist.getByTestId('tax-status').getByText(/Không tính vào thời gian giải quyết/).waitFor();

    await deptLeader.reload();
    await statusIs(deptLeader, 'AWAITING_APPROVAL');
    await act(deptLeader, 'approve');
    await statusIs(deptLeader, 'RESULT_READY');
    await act(deptLeader, 'return');

    // Back at the commune desk: it shows again in My work, ready to deliver.
    await desk.getByRole('menuitem', { name: 'Việc của tôi' }).click();
    await desk.locator('[data-queue="agency"]').click();
    await desk.getByTestId('my-work').locator('tr', { hasText: code }).waitFor();
    await screenshot(desk, 'b-3-returned-my-work');
    await openFromList(desk, code);
    await statusIs(desk, 'RESULT_READY');
    await act(desk, 'deliver');
    await statusIs(desk, 'DELIVERED');
    const agencies = await desk.getByTestId('shares').locator('tbody tr').count();
    expect(agencies).toBe(3);
    await screenshot(desk, 'b-4-delivered');
  });
});

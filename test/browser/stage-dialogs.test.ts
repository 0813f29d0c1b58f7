import { createHash } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { extractText, inflatePdf } from '../support/pdf-text';
import { login } from '../support/system';
import { act as click, baseUrl, browserStack, screenshot, signIn, statusIs } from './support';

/** A one-page PDF, as a scanner hands it over; the tag keeps each file's hash its own. */
const pdf = (tag: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n% ${tag} ${Date.now().toString(36)}\n%%EOF\n`,
  );

/** "YYYY-MM-DDTHH:mm" in Vietnam time, what a datetime-local input of the back office takes. */
const localInput = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 16);

/** The rows of a table on the dossier page, cell by cell, as the officer reads them. */
const rows = (table: Locator) => table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent?.trim() ?? '')));

/** The support's act, saying what the back office notified when a dialog stays open (a refusal). */
async function act(page: Page, action: string, fill?: (dialog: Locator) => Promise<void>) {
  try {
    await click(page, action, fill);
  } catch (e) {
    const said = await page.locator('.MuiSnackbarContent-message, .MuiFormHelperText-root.Mui-error').allTextContents();
    await screenshot(page, `stage-dialogs-failed-${action}`);
    throw new Error(`${action}: ${said.join(' | ') || 'nothing notified'} — ${(e as Error).message}`, { cause: e });
  }
}

/** Reads back a PDF behind the page's own token (the same call the document button makes). */
async function pdfText(page: Page, path: string) {
  const bytes = await page.evaluate(async (p) => {
    const s = JSON.parse(localStorage.getItem('motcua.session') ?? '{}');
    const res = await fetch(`/api${p}`, { headers: { Authorization: `Bearer ${s.token}` } });
    return { status: res.status, type: res.headers.get('content-type') ?? '', b64: btoa(String.fromCharCode(...new Uint8Array(await res.arrayBuffer()))) };
  }, path);
  return { ...bytes, text: bytes.status === 200 ? extractText(inflatePdf(Buffer.from(bytes.b64, 'base64'))).replace(/\s+/g, ' ') : '' };
}

/**
 * The stage kinds' dialogs of the back office (issue #13), clicked by the officers who own them
 * in the real back office: the hand-off route's hops (1.012786), the tax stage with form 19
 * (1.013831), the site inspection with its minutes and the opinions of the agencies asked, each
 * answering with its letter (1.013225). What comes before each stage goes through the API.
 */
describe('the stage dialogs of the back office', () => {
  const stack = browserStack();
  const http = () => request(stack.system.server);
  const tokens: Record<string, string> = {};
  const as = async (user: string) => ({ Authorization: `Bearer ${(tokens[user] ??= await login(stack.system, user))}` });
  const apiAct = async (user: string, code: string, action: string, body: object = {}) => {
    const res = await http().post(`/api/dossiers/${code}/actions/${action}`).set(await as(user)).send(body);
    expect(res.status, `${action} by ${user}: ${JSON.stringify(res.body)}`).toBe(200);
    return res.body;
  };
  const open = async (page: Page, code: string) => {
    await page.goto(`${baseUrl(stack.system)}/admin/#/dossiers/${code}/show`);
    await page.locator('[data-testid="dossier-code"]', { hasText: code }).waitFor();
  };

  it('forwards a 1.012786 dossier along its route: each hop proposed with its share, the due date kept', async () => {
    const form = (await http().get('/api/procedures/1.012786')).body.example;
    const created = await http().post('/api/dossiers').set(await as('laocai.desk'))
      .send({ procedureCode: '1.012786', agencyCode: '02647', applicant: { fullName: 'Nông Văn Khánh', idNumber: '010203001122', phone: '0911222333' }, form });
    expect(created.status).toBe(201);
    const { code, dueAt } = created.body as { code: string; dueAt: string };

    const desk = await signIn(stack.browser, stack.system, 'laocai.desk');
    await open(desk, code);
    // The route (version 3) proposes the land office and its 5 days; the dialog says the due date stays.
    await act(desk, 'forward', async (d) => {
      await d.getByText('Sở Nông nghiệp và Môi trường (Sở, ngành)').waitFor();
      expect(await d.locator('input[name="shareWorkingDays"]').inputValue()).toBe('5');
      await d.getByTestId('hop-due').getByText('không thay đổi khi chuyển').waitFor();
    });
    await desk.getByTestId('shares').getByText('Sở Nông nghiệp và Môi trường').waitFor();

    const land = await signIn(stack.browser, stack.system, 'snnmt.desk');
    await open(land, code);
    await act(land, 'forward', async (d) => {
      await d.getByText('Ủy ban nhân dân phường Lào Cai (Xã, phường)').waitFor();
      expect(await d.locator('input[name="shareWorkingDays"]').inputValue()).toBe('2');
    });

    const leader = await signIn(stack.browser, stack.system, 'laocai.leader');
    await open(leader, code);
    // The route's last hop: back to the land office for its last 2 days.
    await act(leader, 'forward', async (d) => {
      await d.getByText('Sở Nông nghiệp và Môi trường (Sở, ngành)').waitFor();
      expect(await d.locator('input[name="shareWorkingDays"]').inputValue()).toBe('2');
    });
    await leader.getByTestId('shares').locator('tbody tr').nth(3).waitFor();
    const hops = await rows(leader.getByTestId('shares'));
    expect(hops.map((r) => [r[0], r[4]])).toEqual([
      ['Ủy ban nhân dân phường Lào Cai', ''], ['Sở Nông nghiệp và Môi trường', '5'], ['Ủy ban nhân dân phường Lào Cai', '2'], ['Sở Nông nghiệp và Môi trường', '2'],
    ]);
    const after = (await http().get(`/api/dossiers/${code}`).set(await as('laocai.leader'))).body;
    expect(after).toMatchObject({ agencyCode: 'H38.SNNMT', dueAt, handoffRoute: { next: null } });
    await screenshot(leader, 'stage-dialogs-1-hops');
  });

  it('sends a land transfer (1.013831) to tax: form 19 from its data, the clock paused, the notice and the receipt', async () => {
    const form = (await http().get('/api/procedures/1.013831')).body.example;
    const created = await http().post('/api/dossiers').set(await as('batxat.desk'))
      .send({ procedureCode: '1.013831', agencyCode: '02683', channel: 'counter', applicant: { fullName: 'Hà Thị Ngọc', idNumber: '010190007890', phone: '0987654321' }, form });
    expect(created.status).toBe(201);
    const code = created.body.code as string;
    await apiAct('batxat.desk', code, 'forward', { agencyCode: 'H38.SNNMT' });
    await apiAct('snnmt.leader', code, 'assign', { assigneeId: 'u-snnmt.specialist' });
    await apiAct('snnmt.specialist', code, 'verify');

    const specialist = await signIn(stack.browser, stack.system, 'snnmt.specialist');
    await open(specialist, code);
    const tax = specialist.getByTestId('tax-status');
    await tax.getByText('Chưa chuyển sang cơ quan thuế').waitFor();
    expect(await specialist.locator('[data-document="tax-transfer"]').count()).toBe(0);
    await act(specialist, 'send-to-tax', (d) => d.getByLabel(/Mẫu số 19/).fill('PCTT-2026-000123'));
    await tax.getByText(/phiếu PCTT-2026-000123/).waitFor();
    await tax.getByText(/Thời gian giải quyết đang tạm dừng từ/).waitFor();

    // Form 19, linked once the slip is sent, drawn from the dossier's own data.
    const link = specialist.locator('[data-document="tax-transfer"]');
    expect(await link.textContent()).toContain('Mẫu số 19');
    const slip = await pdfText(specialist, (await link.getAttribute('data-href'))!.replace(/^\/api/, ''));
    expect([slip.status, slip.type]).toEqual([200, 'application/pdf']);
    for (const text of ['Mẫu số 19', 'PHIẾU CHUYỂN THÔNG TIN', 'PCTT-2026-000123', 'Hà Thị Ngọc', 'Lê Văn Bình', 'Tổ 12, phường Nam Cường', code]) expect(slip.text).toContain(text);

    const desk = await signIn(stack.browser, stack.system, 'snnmt.desk');
    await open(desk, code);
    await act(desk, 'record-tax-notice', async (d) => {
      await d.getByLabel('Số thông báo của cơ quan thuế').fill('TB-2026-004567');
      await d.getByLabel('Số tiền phải nộp (đồng)').fill('12500000');
    });
    await desk.getByTestId('tax-status').getByText('Thông báo TB-2026-004567: 12.500.000 đ').waitFor();
    await desk.getByTestId('tax-status').getByText(/đang tạm dừng/).waitFor();
    await act(desk, 'record-tax-payment', (d) => d.getByLabel('Số chứng từ nộp tiền').fill('CT-2026-008910'));
    await statusIs(desk, 'AWAITING_APPROVAL');
    const settled = desk.getByTestId('tax-status');
    await settled.getByText('Đã nộp, chứng từ CT-2026-008910').waitFor();
    await settled.getByText(/Không tính vào thời gian giải quyết: [\d,.]+ ngày làm việc/).waitFor();
    expect(await settled.getByText(/đang tạm dừng/).count()).toBe(0);
    await desk.locator('[data-document="tax-transfer"]').waitFor();
    await screenshot(desk, 'stage-dialogs-2-tax');
  });

  it('schedules and records a site inspection of a 1.013225 permit, then each asked agency answers with its letter', async () => {
    const form = (await http().get('/api/procedures/1.013225')).body.example;
    const submitted = await http().post('/api/dossiers').set(await as('citizen'))
      .send({ procedureCode: '1.013225', agencyCode: '02647', channel: 'online', applicant: { fullName: 'Phạm Quang Minh', idNumber: '010186000123', phone: '0912000111' }, form });
    expect(submitted.status).toBe(201);
    const code = submitted.body.code as string;
    await apiAct('laocai.desk', code, 'receive');
    await apiAct('laocai.desk', code, 'assign', { assigneeId: 'u-laocai.specialist' });
    await apiAct('laocai.specialist', code, 'verify');

    const specialist = await signIn(stack.browser, stack.system, 'laocai.specialist');
    await open(specialist, code);
    let visitAt = 0;
    await act(specialist, 'schedule-inspection', async (d) => {
      // Soon, so the test can record the minutes after it: a visit must be in the future when set,
      // and the input takes whole minutes (the browser refuses seconds), so the next one 10 s away.
      visitAt = Math.ceil((Date.now() + 10_000) / 60_000) * 60_000;
      await d.locator('input[type="datetime-local"]').fill(localInput(visitAt));
      await d.getByLabel('Địa điểm').fill('Thửa 278, tờ bản đồ 34, tổ 5, phường Cam Đường');
    });
    const inspection = specialist.getByTestId('inspection');
    await inspection.getByText(/Thửa 278, tờ bản đồ 34/).waitFor();
    // The minutes come after the visit: wait for its time.
    await specialist.waitForTimeout(Math.max(0, visitAt - Date.now() + 1500));
    await act(specialist, 'record-inspection', async (d) => {
      await d.locator('input[type="file"]').setInputFiles({ name: 'bien-ban-kiem-tra.pdf', mimeType: 'application/pdf', buffer: pdf('minutes') });
      await d.getByText('bien-ban-kiem-tra.pdf').waitFor();
      await d.getByLabel('Phù hợp hồ sơ', { exact: true }).check();
      await d.getByLabel('Ghi chú').fill('Hiện trạng phù hợp bản vẽ');
    });
    await inspection.getByText('Biên bản: bien-ban-kiem-tra.pdf — Phù hợp hồ sơ (Hiện trạng phù hợp bản vẽ)').waitFor();

    await act(specialist, 'request-opinions', async (d) => {
      for (const agency of ['Sở Nông nghiệp và Môi trường', 'Sở Tư pháp']) {
        await d.getByRole('combobox').first().click();
        await specialist.getByRole('option', { name: agency, exact: true }).click();
        // The list reads the chosen agencies back and closes; whatever stays open is closed.
        await d.getByRole('button', { name: agency }).or(d.getByText(agency, { exact: true })).first().waitFor();
        if (await specialist.getByRole('listbox').isVisible()) await specialist.keyboard.press('Escape');
      }
      await d.getByLabel(/Nội dung xin ý kiến/).fill('Xin ý kiến về quy hoạch và hành lang an toàn');
    });
    const asked = specialist.getByTestId('consultation');
    await asked.locator('tbody tr').nth(1).waitFor();
    expect((await rows(asked)).map((r) => [r[0], r[2]])).toEqual([
      ['Sở Nông nghiệp và Môi trường', 'Đang chờ trả lời'], ['Sở Tư pháp', 'Đang chờ trả lời'],
    ]);

    // Signed in at the asked agency: the answer, with the signed letter (công văn trả lời).
    const land = await signIn(stack.browser, stack.system, 'snnmt.specialist');
    await open(land, code);
    const buttons = await land.locator('[data-testid="dossier-actions"] [data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(buttons).toEqual(['record-opinion']);
    const letter = pdf('letter');
    await act(land, 'record-opinion', async (d) => {
      await d.getByLabel('Đồng ý có điều kiện', { exact: true }).check();
      await d.getByLabel('Lý do, điều kiện').fill('Lùi công trình 2 m so với chỉ giới đường đỏ');
      await d.locator('input[type="file"]').setInputFiles({ name: 'cong-van-tra-loi.pdf', mimeType: 'application/pdf', buffer: letter });
      await d.getByText('cong-van-tra-loi.pdf').waitFor();
    });
    const answered = land.getByTestId('consultation');
    await answered.getByText(/Đồng ý có điều kiện: Lùi công trình 2 m/).waitFor();
    const letterLink = answered.locator('[data-letter]');
    expect(await letterLink.textContent()).toContain('cong-van-tra-loi.pdf');

    const justice = await signIn(stack.browser, stack.system, 'stp.leader');
    await open(justice, code);
    await act(justice, 'record-opinion', (d) => d.getByLabel('Đồng ý', { exact: true }).check());

    // Back at the holding agency: every answer, the letter downloadable, the dossier on to approval.
    await specialist.reload();
    await statusIs(specialist, 'AWAITING_APPROVAL');
    const table = specialist.getByTestId('consultation');
    await table.getByText(/^Đồng ý \(/).waitFor();
    const answers = await rows(table);
    expect(answers[0]![2]).toMatch(/^Đồng ý có điều kiện: Lùi công trình 2 m so với chỉ giới đường đỏ \(\d\d\/\d\d\/\d{4} \d\d:\d\d\)/);
    expect(answers[0]![2]).toContain('cong-van-tra-loi.pdf');
    expect(answers[1]![2]).toMatch(/^Đồng ý \(\d\d\/\d\d\/\d{4} \d\d:\d\d\)$/);
    const [download] = await Promise.all([specialist.waitForEvent('download'), table.locator('[data-letter]').click()]);
    expect(download.suggestedFilename()).toBe('cong-van-tra-loi.pdf');
    const saved = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of saved) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(letter)).toBe(true);

    // The page's trail says who answered from which agency (not the one holding the dossier).
    const trailAnswers = specialist.getByTestId('timeline').locator('[data-event="record-opinion"]');
    expect(await trailAnswers.nth(0).textContent()).toContain('Hoàng Văn Nam (Chuyên viên) · Sở Nông nghiệp và Môi trường');
    expect(await trailAnswers.nth(1).textContent()).toContain('· Sở Tư pháp');
    // The trail keeps who answered, with the letter as the store knows it.
    const trail = (await http().get(`/api/dossiers/${code}/events`).set(await as('laocai.specialist'))).body as { type: string; actorId: string; actorAgencyCode: string; data: { attachment?: { name: string; sha256?: string } } }[];
    const opinions = trail.filter((e) => e.type === 'record-opinion');
    expect(opinions.map((e) => [e.actorId, e.actorAgencyCode, e.data.attachment?.name ?? null])).toEqual([
      ['u-snnmt.specialist', 'H38.SNNMT', 'cong-van-tra-loi.pdf'], ['u-stp.leader', 'H38.STP', null],
    ]);
    expect(opinions[0]!.data.attachment!.sha256).toBe(createHash('sha256').update(letter).digest('hex'));
    await screenshot(specialist, 'stage-dialogs-3-opinions');
  });
});

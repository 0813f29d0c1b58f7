import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { login } from '../support/system';
import { act, baseUrl, browserStack, fillSubmitForm, screenshot, signIn, statusIs } from './support';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A one-page PDF Chromium's viewer opens; the run id keeps its hash this run's own. */
const pdf = Buffer.from(
  `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
    `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n% ${Date.now().toString(36)}\n%%EOF\n`,
);
/** A 1×1 PNG: a photo of a document, as far as the browser can tell. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const DECLARATION = 'Tờ khai đăng ký khai sinh (hoặc biểu mẫu điện tử)';
const BIRTH_PROOF = 'Giấy chứng sinh hoặc văn bản của người làm chứng';

describe('officers see the files a citizen uploaded', () => {
  const stack = browserStack();
  let code: string;

  beforeAll(async () => {
    // The citizen's side through the API, as the portal calls it: one upload per document.
    const token = await login(stack.system, 'citizen');
    const as = { Authorization: `Bearer ${token}` };
    const http = () => request(stack.system.server);
    const declared = await http().post('/api/attachments').set(as).field('requirement', DECLARATION).attach('file', pdf, { filename: 'to-khai-khai-sinh.pdf', contentType: 'application/pdf' });
    expect(declared.status).toBe(201);
    expect(declared.body[0]).toMatchObject({ requirement: DECLARATION, size: pdf.length });
    const photo = await http().post('/api/attachments').set(as).attach('file', png, { filename: 'anh-giay-to.png', contentType: 'image/png' });
    expect(photo.status).toBe(201);
    const example = (await http().get('/api/procedures/1.001193')).body.example;
    const applicant = { fullName: 'Vàng Thị Súa', idNumber: '010203009876', phone: '0987654321' };
    const submitted = await http()
      .post('/api/dossiers')
      .set(as)
      .send({ procedureCode: '1.001193', agencyCode: '02647', channel: 'online', applicant, form: example, attachments: [declared.body[0].id, photo.body[0].id] });
    expect(submitted.status).toBe(201);
    code = submitted.body.code;
  });

  const openDossier = async (page: Page) => {
    await page.goto(`${baseUrl(stack.system)}/admin/#/dossiers/${code}/show`);
    await page.locator('[data-testid="dossier-code"]', { hasText: code }).waitFor();
    return page.getByTestId('attachments');
  };

  it('a desk officer finds each file against the checklist, previews it and downloads the same bytes', async () => {
    const desk = await signIn(stack.browser, stack.system, 'laocai.desk');
    const list = await openDossier(desk);

    // The checklist: the declaration received (with its file), the birth proof missing, the photo extra.
    const declaration = list.locator(`li[data-requirement="${DECLARATION}"]`);
    await expect.poll(() => declaration.getAttribute('data-received')).toBe('true');
    expect(await declaration.locator('[data-name]').getAttribute('data-name')).toBe('to-khai-khai-sinh.pdf');
    expect(await list.locator(`li[data-requirement="${BIRTH_PROOF}"]`).getAttribute('data-received')).toBe('false');
    expect(await list.locator(`li[data-requirement="${BIRTH_PROOF}"]`).textContent()).toContain('Chưa nộp');
    expect(await list.getByTestId('attachments-extra').locator('[data-name]').getAttribute('data-name')).toBe('anh-giay-to.png');
    await screenshot(desk, 'attachments-1-checklist');

    // The PDF opens in the page, from bytes fetched with the officer's token.
    await declaration.getByTestId('attachment-preview-button').click();
    const frame = desk.getByTestId('attachment-preview-frame');
    await frame.waitFor();
    const src = (await frame.getAttribute('src'))!;
    expect(src).toMatch(/^blob:/);
    const shown = await desk.evaluate(async (u) => {
      const b = await (await fetch(u)).blob();
      return { type: b.type, bytes: [...new Uint8Array(await b.arrayBuffer())] };
    }, src);
    expect(shown.type).toBe('application/pdf');
    expect(sha(Buffer.from(shown.bytes))).toBe(sha(pdf));
    await screenshot(desk, 'attachments-2-pdf-preview');

    // Download from the preview: the saved file is the uploaded one, byte for byte.
    const [download] = await Promise.all([desk.waitForEvent('download'), desk.getByTestId('attachment-preview').getByRole('button', { name: 'Tải về' }).click()]);
    expect(download.suggestedFilename()).toBe('to-khai-khai-sinh.pdf');
    const saved = await readFile((await download.path())!);
    expect(saved.length).toBe(pdf.length);
    expect(sha(saved)).toBe(sha(pdf));
    await desk.getByTestId('attachment-preview').getByRole('button', { name: 'Đóng' }).click();
    await desk.getByTestId('attachment-preview').waitFor({ state: 'detached' });

    // The photo previews as an image the browser decoded.
    await list.getByTestId('attachments-extra').getByTestId('attachment-preview-button').click();
    const image = desk.getByTestId('attachment-preview-image');
    await image.waitFor();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    await desk.getByTestId('attachment-preview').getByRole('button', { name: 'Đóng' }).click();

    // Download straight from the list, too.
    const [photo] = await Promise.all([desk.waitForEvent('download'), list.getByTestId('attachments-extra').getByTestId('attachment-download-button').click()]);
    expect(sha(await readFile((await photo.path())!))).toBe(sha(png));

    // Received at the counter: the list stays after the action.
    await act(desk, 'receive');
    await statusIs(desk, 'RECEIVED');
    await expect.poll(() => declaration.getAttribute('data-received')).toBe('true');

    // The page reads like the paper: dates as dd/MM/yyyy HH:mm, people by name, choices by their words.
    const receive = desk.getByTestId('timeline').locator('[data-event="receive"]');
    await receive.waitFor();
    expect(await receive.textContent()).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} · Nguyễn Thị Lan \(Cán bộ một cửa\)/);
    expect(await desk.getByTestId('timeline').textContent()).not.toContain('u-citizen');
    const receivedAt = desk.locator('.RaLabeled-label', { hasText: 'Ngày tiếp nhận' }).locator('xpath=..');
    expect(await receivedAt.textContent()).toMatch(/Ngày tiếp nhận\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(await desk.getByTestId('form-data').locator('[data-field="sex"]').textContent()).toBe('Nữ');
    expect(await desk.getByTestId('form-data').locator('[data-field="birthDate"]').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    await screenshot(desk, 'attachments-3-received');
  });

  it('a citizen says in the portal which document each file is; the desk finds it ticked', async () => {
    const context = await stack.browser.newContext({ viewport: { width: 1080, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const portal = await context.newPage();
    portal.setDefaultTimeout(20_000);
    await portal.goto(`${baseUrl(stack.system)}/nop-ho-so/1.001193`);
    await portal.locator('#username').fill('citizen');
    await portal.locator('#password').fill('motcua123');
    await portal.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await portal.getByRole('button', { name: /Đăng xuất/ }).waitFor();

    const { body: birth } = await request(stack.system.server).get('/api/procedures/1.001193');
    await fillSubmitForm(portal, birth.example as Record<string, string>, { idNumber: '010203004567', phone: '0912345678' });
    await portal.locator('#files').setInputFiles([
      { name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: pdf },
      { name: 'anh-khac.png', mimeType: 'image/png', buffer: png },
    ]);
    await portal.getByLabel('Giấy tờ «giay-chung-sinh.pdf» là').selectOption(BIRTH_PROOF);
    await screenshot(portal, 'attachments-4-portal-tagged');
    await portal.getByRole('button', { name: 'Tiếp tục: kiểm tra lại' }).click();
    await portal.getByRole('heading', { name: 'Kiểm tra lại trước khi nộp' }).waitFor();
    await portal.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    const portalCode = (await portal.getByTestId('dossier-code').textContent())!;
    expect(portalCode).toMatch(/^02647-\d{6}-\d{4}$/);
    await context.close();

    const desk = await signIn(stack.browser, stack.system, 'laocai.desk');
    await desk.goto(`${baseUrl(stack.system)}/admin/#/dossiers/${portalCode}/show`);
    const list = desk.getByTestId('attachments');
    await list.locator(`li[data-requirement="${BIRTH_PROOF}"][data-received="true"] [data-name="giay-chung-sinh.pdf"]`).waitFor();
    expect(await list.locator(`li[data-requirement="${DECLARATION}"]`).getAttribute('data-received')).toBe('false');
    await list.getByTestId('attachments-extra').locator('[data-name="anh-khac.png"]').waitFor();
  });

  it('the leader of the agency sees the same list', async () => {
    const leader = await signIn(stack.browser, stack.system, 'laocai.leader');
    const list = await openDossier(leader);
    await list.locator(`li[data-requirement="${DECLARATION}"][data-received="true"]`).waitFor();
    await list.getByTestId('attachments-extra').locator('[data-name="anh-giay-to.png"]').waitFor();
  });
});

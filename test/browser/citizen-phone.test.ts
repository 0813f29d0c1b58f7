import { readFileSync } from 'node:fs';
import type { BrowserContextOptions } from 'playwright-core';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import banks from '../../portal/src/data/bank-bins.json';
import { baseUrl, browserStack, portalPage, screenshot, signInOnPortal } from './support';

/**
 * Issue 18 §5–§6: the citizen on a phone (390×844) and the kiosk — each journey the walkthrough
 * found broken, asserted from the browser.
 */
const PHONE = '0912345678';
const PHONE_VIEWPORT = { width: 390, height: 844 };

/** How the portal prints a date: dd/mm/yyyy in Vietnam's time. */
const ddmmyyyy = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' });

/** The pages of a PDF Chromium printed (each page object is `/Type /Page`, the tree `/Type /Pages`). */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

describe('the citizen on a phone, and the kiosk', () => {
  const stack = browserStack(['citizen', 'laocai.desk', 'laocai.specialist']);
  const { as, act } = stack;
  /** A dossier the seeded citizen submitted online (through the API: the portal's form has its own tests). */
  const submit = async (procedureCode: string, tag: string) => {
    const { body: p } = await request(stack.system.server).get(`/api/procedures/${procedureCode}`);
    const res = await request(stack.system.server)
      .post('/api/dossiers')
      .set(as('citizen'))
      .set('Idempotency-Key', `citizen-phone-${Date.now()}-${tag}`)
      .send({ procedureCode, agencyCode: '02647', channel: 'online', applicant: { fullName: 'Sùng Thị Dua', idNumber: '010203004567', phone: PHONE }, form: p.example });
    expect(res.status).toBe(201);
    return res.body.code as string;
  };
  const open = (path: string, options: BrowserContextOptions = {}) =>
    portalPage(stack.browser, stack.system, path, { viewport: PHONE_VIEWPORT, isMobile: true, hasTouch: true, ...options });

  it('signs in from the header on any page and lists «Hồ sơ của tôi», each opening its dossier', async () => {
    const code = await submit('1.001193', 'mine');
    const page = await open('/so-lieu');
    // The sign-in link is in the header of every page, not only behind a submission.
    const signInLink = page.getByRole('navigation').getByRole('link', { name: 'Đăng nhập' });
    await signInLink.click();
    await signInOnPortal(page);
    await page.waitForURL((u) => u.pathname === '/ho-so-cua-toi');
    const row = page.getByTestId('my-dossiers').getByRole('link', { name: new RegExp(code) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Đăng ký khai sinh');
    await screenshot(page, 'citizen-390-my-dossiers');
    await row.click();
    await expect.poll(() => page.getByTestId('dossier-code').textContent()).toBe(code);
    // Back on another page the header now leads to the list.
    await page.getByRole('navigation').getByRole('link', { name: 'Hồ sơ của tôi' }).click();
    await page.getByRole('heading', { name: 'Hồ sơ của tôi' }).waitFor();
    await page.context().close();
  });

  it('tracking shows the fee QR while payment is due, names the bank, and lets the phone save, copy or share it', async () => {
    // Business household: the fee is paid at filing, so reception asks for it.
    const code = await submit('1.001612', 'fee');
    expect((await act('laocai.desk', code, 'receive')).status).toBe('AWAITING_PAYMENT');
    const { body: pay } = await request(stack.system.server).get(`/api/dossiers/${code}/payment`).set(as('citizen'));
    const bank = (banks.banks as Record<string, { short: string; name: string }>)[stack.system.env.PAYMENT_BANK_BIN]!;
    expect(bank, `the test's bank BIN ${stack.system.env.PAYMENT_BANK_BIN} is in the map`).toBeDefined();

    // Not signed in: the code and the phone are enough to see the QR.
    const page = await open(`/tra-cuu?ma=${code}&sdt=${PHONE}`, { permissions: ['clipboard-read', 'clipboard-write'] });
    const qr = page.getByRole('img', { name: /Mã VietQR/ });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toBe(pay.qrPng);
    expect(await page.getByTestId('pay-bank').textContent()).toBe(`${bank.short} — ${bank.name}`);
    expect(await page.getByTestId('pay-account').textContent()).toBe(stack.system.env.PAYMENT_ACCOUNT_NUMBER);
    await screenshot(page, 'citizen-390-track-pay-qr');

    // Save: a real PNG file named after the dossier.
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Lưu ảnh mã QR' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${code}-vietqr.png`);
    expect(readFileSync((await file.path())!).subarray(1, 4).toString()).toBe('PNG');

    // No Web Share here (desktop Linux Chromium): copy the account number or the VietQR text.
    expect(await page.evaluate(() => typeof navigator.share)).toBe('undefined');
    await page.getByRole('button', { name: 'Chép số tài khoản' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(stack.system.env.PAYMENT_ACCOUNT_NUMBER);
    await page.getByRole('button', { name: 'Chép mã VietQR' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(pay.vietqr);
    expect(await page.getByTestId('pay-note').textContent()).toContain('Đã chép mã VietQR');
    await page.context().close();

    // A phone with the share sheet gets the PNG itself to hand to its banking app.
    const context = await stack.browser.newContext({ viewport: PHONE_VIEWPORT, isMobile: true, hasTouch: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    await context.addInitScript(() => {
      const w = window as unknown as { shared: { title?: string; files: { name: string; type: string; size: number }[] } | null };
      w.shared = null;
      Object.assign(navigator, {
        canShare: (d: ShareData) => Array.isArray(d.files),
        share: async (d: ShareData) => {
          w.shared = { title: d.title, files: (d.files ?? []).map((f) => ({ name: f.name, type: f.type, size: f.size })) };
        },
      });
    });
    const phone = await context.newPage();
    await phone.goto(`${baseUrl(stack.system)}/tra-cuu?ma=${code}&sdt=${PHONE}`);
    await phone.getByRole('button', { name: 'Chia sẻ mã QR' }).click();
    await expect.poll(() => phone.evaluate(() => (window as unknown as { shared: unknown }).shared)).toMatchObject({ title: `Nộp phí hồ sơ ${code}`, files: [{ name: `${code}-vietqr.png`, type: 'image/png' }] });
    await context.close();
  });

  it('the receipt’s QR address opens the dossier: the owner sees it, anyone else the lookup with the code filled in', async () => {
    const code = await submit('1.001193', 'receipt-qr');
    await act('laocai.desk', code, 'receive');
    // What the unsigned receipt's QR encodes (api/document-data.ts lookupUrl): /tra-cuu/<code>.
    const routes = readFileSync('api/document-data.ts', 'utf8');
    expect(routes).toContain('/tra-cuu/${row.code}');

    const page = await open(`/tra-cuu/${code}`);
    expect(await page.locator('#track-code').inputValue()).toBe(code);
    // The phone is the second key, asked next.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('track-phone');
    await page.locator('#track-phone').fill(PHONE);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(() => page.getByTestId('track-status').textContent()).toBe('Đã tiếp nhận, đang chờ xử lý');
    await page.getByRole('navigation').getByRole('link', { name: 'Đăng nhập' }).click();
    await signInOnPortal(page);
    await page.goto(`${baseUrl(stack.system)}/tra-cuu/${code}`);
    // A phone keeps the session in sessionStorage: the same address now opens the dossier itself.
    await expect.poll(() => page.getByTestId('dossier-code').textContent()).toBe(code);
    await page.context().close();
  });

  it('states the supplement deadline and the cancellation after it, on the dossier, the tracking page and the list', async () => {
    const code = await submit('1.001193', 'supplement');
    await act('laocai.desk', code, 'receive');
    await act('laocai.desk', code, 'assign', { assigneeId: 'u-laocai.specialist' });
    const asked = await act('laocai.specialist', code, 'request-supplement', { missing: ['Bản sao giấy chứng sinh'] });
    expect(asked.status).toBe('NEEDS_SUPPLEMENT');
    const due = ddmmyyyy(asked.supplementDueAt!);
    const sentence = `Hạn bổ sung: ${due}; quá hạn hồ sơ sẽ bị hủy.`;

    const page = await open(`/tra-cuu?ma=${code}&sdt=${PHONE}`);
    await expect.poll(() => page.getByTestId('supplement-due').first().textContent()).toBe(sentence);
    await page.goto(`${baseUrl(stack.system)}/ho-so/${code}`);
    await signInOnPortal(page);
    const panel = page.locator('form', { has: page.getByRole('heading', { name: 'Bổ sung hồ sơ' }) });
    await expect.poll(() => panel.getByTestId('supplement-due').textContent()).toBe(sentence);
    await screenshot(page, 'citizen-390-supplement-deadline');
    await page.getByRole('navigation').getByRole('link', { name: 'Hồ sơ của tôi' }).click();
    await page.getByTestId('my-dossiers').getByText(`Hạn bổ sung ${due}`).waitFor();
    // Dates as dd/mm/yyyy, times HH:mm.
    await page.getByTestId('my-dossiers').getByRole('link', { name: new RegExp(code) }).click();
    expect(await page.getByTestId('due').textContent()).toMatch(/^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/);
    await page.context().close();
  });

  it('the kiosk warns before the idle reset, pauses on the guidance sheet, goes back, prints one page, and asks no password', async () => {
    const page = await open('/?kiosk=1&idle=5&warn=3', { viewport: { width: 1080, height: 1920 }, isMobile: false });
    await page.getByRole('button', { name: 'Hộ tịch' }).click();
    const card = page.locator('article', { has: page.getByRole('heading', { name: 'Đăng ký khai sinh', exact: true }) });
    await card.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();

    // No username or password at a kiosk: the checklist to print and how to file instead.
    await page.getByRole('heading', { name: /máy này không hỏi mật khẩu/ }).waitFor();
    expect(await page.locator('#username, #password, input[type=password]').count()).toBe(0);
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Đăng nhập' }).count()).toBe(0);
    const filing = await page.locator('.kiosk-filing').textContent();
    expect(filing).toContain('Trên điện thoại của mình');
    expect(filing).toContain('Tại quầy Một cửa');
    await page.getByRole('button', { name: 'In phiếu hướng dẫn' }).waitFor();
    await screenshot(page, 'kiosk-1080-filing');

    // Reading the sheet is not idling: well past the idle time, no warning and no reset.
    await page.waitForTimeout(6_500);
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/nop-ho-so/1.001193');

    // The printout is one A4 page, as from a desktop.
    expect(pdfPages(await page.pdf({ format: 'A4' }))).toBe(1);
    const desk = await open('/thu-tuc/1.001193', { viewport: { width: 1280, height: 900 }, isMobile: false });
    await desk.getByRole('button', { name: 'In phiếu hướng dẫn' }).waitFor();
    expect(pdfPages(await desk.pdf({ format: 'A4' }))).toBe(1);
    await desk.context().close();

    // «Quay lại» is the kiosk's Back button.
    await page.getByRole('button', { name: 'Quay lại' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await card.waitFor();
    expect(await page.getByRole('button', { name: 'Quay lại' }).count()).toBe(0);

    // Idle on the list: «Bạn còn đó không?» first; «Tiếp tục» keeps the visitor's place.
    await page.evaluate(() => sessionStorage.setItem('motcua.draft.test', 'x'));
    const warning = page.getByRole('alertdialog', { name: 'Bạn còn đó không?' });
    await warning.waitFor({ timeout: 5_000 });
    expect(Number(await page.getByTestId('idle-left').textContent())).toBeGreaterThan(0);
    await warning.getByRole('button', { name: 'Tiếp tục' }).click();
    await warning.waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.evaluate(() => sessionStorage.getItem('motcua.draft.test'))).toBe('x');
    await card.waitFor();

    // Nobody answers: the warning, then the reset (a new document) with nothing left behind.
    await page.evaluate(() => ((window as unknown as { before: boolean }).before = true));
    await warning.waitFor({ timeout: 5_000 });
    await screenshot(page, 'kiosk-1080-idle-warning');
    await page.waitForURL((u) => u.pathname === '/' && u.search === '?kiosk=1&idle=5&warn=3', { timeout: 10_000 });
    await expect.poll(() => page.evaluate(() => (window as unknown as { before?: boolean }).before ?? false), { timeout: 10_000 }).toBe(false);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await card.count()).toBe(0);
    await page.getByRole('heading', { name: 'Tìm thủ tục hành chính' }).waitFor();
    await page.context().close();
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevOidcProvider, type DevOidcProvider } from '../../runtime/oidc-provider';
import type { System } from '../../runtime/system';
import { freePort } from '../../temporal/dev-server';
import { startTestSystem } from '../support/system';
import { launch, screenshot } from './support';

/**
 * Issue 15 §3, done when: "a citizen signs in through the local OIDC provider in the browser suite".
 * Chromium goes from the portal's «Đăng nhập bằng định danh điện tử» to the local provider's pages
 * and back, and lands on «Hồ sơ của tôi» signed in, with no token left in the address.
 */
const SECRET = 'browser-oidc-client-secret';

describe('citizen sign-in through the identity issuer, in Chromium', () => {
  let system: System;
  let idp: DevOidcProvider;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    idp = await startDevOidcProvider({ port: 0, clientId: 'motcua', clientSecret: SECRET, redirectUris: [`${base}/api/auth/oidc/callback`] });
    [system, browser] = await Promise.all([
      startTestSystem({ PORT: String(port), PUBLIC_BASE_URL: base, OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: 'motcua', OIDC_CLIENT_SECRET: SECRET }),
      launch(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await idp?.stop();
  });

  /** At a kiosk's submit page for birth registration: signs the demo citizen in at the issuer and comes back to it. */
  async function kioskSignIn(page: Page) {
    await page.locator('.kiosk-filing').getByRole('link', { name: 'Đăng nhập bằng định danh điện tử' }).click();
    await page.getByLabel('Số định danh cá nhân (12 chữ số)').fill('010186000123');
    await page.getByLabel('Mật khẩu').fill('motcua123');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('button', { name: 'Đồng ý' }).click();
    await page.waitForURL((u) => u.origin === base && u.pathname === '/nop-ho-so/1.001193');
  }

  it('signs the seeded citizen in through the provider and lands on «Hồ sơ của tôi»', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await page.goto(`${base}/dang-nhap`);

    // The issuer is the first choice, above the password form.
    const issuer = page.getByRole('link', { name: 'Đăng nhập bằng định danh điện tử' });
    const password = page.locator('#password');
    expect((await issuer.boundingBox())!.y).toBeLessThan((await password.boundingBox())!.y);
    await issuer.click();

    await page.waitForURL((u) => u.origin === idp.issuer);
    await page.getByLabel('Số định danh cá nhân (12 chữ số)').fill('010186000123');
    await page.getByLabel('Mật khẩu').fill('motcua123');
    await screenshot(page, 'oidc-provider-login');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Đồng ý chia sẻ thông tin' }).waitFor();
    await page.getByRole('button', { name: 'Đồng ý' }).click();

    await page.waitForURL((u) => u.origin === base && u.pathname === '/ho-so-cua-toi');
    // Signed in: the page of the citizen's dossiers (the list, or none yet), not the sign-in form.
    await page.getByRole('heading', { name: 'Hồ sơ của tôi' }).waitFor();
    await page.getByTestId('my-dossiers').or(page.getByText('Ông/Bà chưa nộp hồ sơ nào trực tuyến.')).first().waitFor();
    expect(await page.locator('#password').count()).toBe(0);
    // The token went from the address at once.
    expect(new URL(page.url()).hash).toBe('');
    const stored = await page.evaluate(() => JSON.parse(sessionStorage.getItem('motcua.portal.session') ?? 'null'));
    expect(stored.user).toMatchObject({ id: 'u-citizen', fullName: 'Sùng Thị Dua', role: 'citizen' });
    await screenshot(page, 'oidc-landed-my-dossiers');
    await context.close();
  });

  it('at the kiosk, «Nộp hồ sơ trực tuyến» signs in through the provider, no password of motcua’s, and comes back to the form', async () => {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${base}/nop-ho-so/1.001193?kiosk=1`);
    await page.getByRole('heading', { name: /máy này không hỏi mật khẩu/ }).waitFor();
    expect(await page.locator('#username, #password').count()).toBe(0);
    await kioskSignIn(page);
    expect(new URL(page.url()).searchParams.get('kiosk')).toBe('1');
    await page.getByRole('heading', { name: /^Nộp hồ sơ: Đăng ký khai sinh/ }).waitFor();
    expect(new URL(page.url()).hash).toBe('');
    // A kiosk keeps the session in memory only: nothing in the shared browser's storage.
    expect(await page.evaluate(() => sessionStorage.getItem('motcua.portal.session'))).toBeNull();
    await screenshot(page, 'oidc-kiosk-form');
    await context.close();
  });

  it('signs out at the provider too: the next sign-in asks for the personal ID number and password again', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const signInThroughIssuer = async () => {
      await page.goto(`${base}/dang-nhap`);
      await page.getByRole('link', { name: 'Đăng nhập bằng định danh điện tử' }).click();
    };
    await signInThroughIssuer();
    await page.getByLabel('Số định danh cá nhân (12 chữ số)').fill('010186000123');
    await page.getByLabel('Mật khẩu').fill('motcua123');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('button', { name: 'Đồng ý' }).click();
    await page.waitForURL((u) => u.origin === base && u.pathname === '/ho-so-cua-toi');

    await page.getByRole('button', { name: /Đăng xuất/ }).click();
    await page.waitForURL((u) => u.origin === idp.issuer);
    await page.getByRole('heading', { name: 'Đăng xuất khỏi định danh điện tử?' }).waitFor();
    await screenshot(page, 'oidc-provider-logout');
    await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
    await page.waitForURL((u) => u.origin === base && u.pathname === '/');
    expect(await page.evaluate(() => sessionStorage.getItem('motcua.portal.session'))).toBeNull();

    // The provider's session ended with it: its sign-in page asks again.
    await signInThroughIssuer();
    await page.waitForURL((u) => u.origin === idp.issuer);
    await page.getByLabel('Số định danh cá nhân (12 chữ số)').waitFor();
    await context.close();
  });

  it('at the kiosk, the idle reset ends the provider’s session too: signing in again asks for the credentials', async () => {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const kiosk = 'kiosk=1&idle=6&warn=2';
    await page.goto(`${base}/nop-ho-so/1.001193?${kiosk}`);
    await kioskSignIn(page);
    await page.getByRole('heading', { name: /^Nộp hồ sơ: Đăng ký khai sinh/ }).waitFor();

    // The visitor walks away: the warning, then the reset, by way of the provider's logout, to the kiosk's start.
    const visited: string[] = [];
    page.on('framenavigated', (f) => f === page.mainFrame() && visited.push(f.url()));
    await page.getByRole('alertdialog').waitFor();
    await page.waitForURL((u) => u.origin === base && u.pathname === '/' && u.searchParams.get('kiosk') === '1', { timeout: 30_000 });
    expect(visited.some((u) => u.startsWith(idp.issuer)), `through the provider: ${visited.join(' → ')}`).toBe(true);
    expect(new URL(page.url()).searchParams.get('idle')).toBe('6');
    await screenshot(page, 'oidc-kiosk-after-idle-reset');

    // The next visitor, at the same kiosk: the provider asks for the personal ID number and password
    // (it would have signed the previous citizen straight back in had its session survived).
    await page.goto(`${base}/nop-ho-so/1.001193?${kiosk}`);
    await page.locator('.kiosk-filing').getByRole('link', { name: 'Đăng nhập bằng định danh điện tử' }).click();
    await page.waitForURL((u) => u.origin === idp.issuer);
    await page.getByLabel('Số định danh cá nhân (12 chữ số)').waitFor();
    expect(await page.getByLabel('Mật khẩu').inputValue()).toBe('');
    await context.close();
  });

  it('says in Vietnamese why, when the citizen refuses consent', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${base}/dang-nhap`);
    await page.getByRole('link', { name: 'Đăng nhập bằng định danh điện tử' }).click();
    await page.getByLabel('Số định danh cá nhân (12 chữ số)').fill('010079000456');
    await page.getByLabel('Mật khẩu').fill('motcua123');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('button', { name: 'Từ chối' }).click();
    await page.waitForURL((u) => u.origin === base && u.pathname === '/dang-nhap');
    expect(await page.getByRole('alert').first().textContent()).toContain('không đồng ý chia sẻ thông tin');
    await context.close();
  });
});

import type { Browser } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { System } from '../../runtime/system';
import { login, startTestSystem } from '../support/system';
import { baseUrl, launch, screenshot, signIn } from './support';

const ADMIN_PASSWORD = process.env.MOTCUA_ADMIN_PASSWORD ?? 'admin';
const PASSWORD = 'Sông Hồng chảy mãi';

/**
 * Issue 17 §1–2: the administrator sees who is active and deactivates or reactivates a user;
 * signing out, in the back office, on the portal or by a kiosk's idle reset, ends the session on
 * the server (the token stops working), not just in the browser.
 */
describe('users and sessions in the back office and the portal', () => {
  let system: System;
  let browser: Browser;
  let user: { id: string; username: string };
  let citizen: string;
  const me = (token: string) => request(system.server).get('/api/me').set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    [system, browser] = await Promise.all([startTestSystem(), launch()]);
    const admin = await login(system, 'admin', ADMIN_PASSWORD);
    const username = `ui.${Date.now().toString(36)}`;
    const res = await request(system.server)
      .post('/api/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({ username, password: PASSWORD, fullName: 'Người Thử Giao Diện', role: 'specialist', agencyCode: '02647' });
    expect(res.status).toBe(201);
    user = { id: res.body.id, username };
    citizen = `cd.${Date.now().toString(36)}`;
    const c = await request(system.server)
      .post('/api/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({ username: citizen, password: PASSWORD, fullName: 'Công Dân Thử Phiên', role: 'citizen', agencyCode: null });
    expect(c.status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('deactivates a user after a confirmation, which ends their session, and reactivates them', async () => {
    const token = await login(system, user.username, PASSWORD);
    const page = await signIn(browser, system, 'admin', ADMIN_PASSWORD);
    await page.goto(`${baseUrl(system)}/admin/#/users/${encodeURIComponent(user.id)}`);
    await page.getByText('Đang hoạt động').waitFor();
    // Deactivation is how a user leaves: there is no delete.
    expect(await page.getByRole('button', { name: 'Xóa', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Vô hiệu hóa' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Vô hiệu hóa Người Thử Giao Diện?').waitFor();
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText('Đã vô hiệu hóa', { exact: true }).first().waitFor();
    await screenshot(page, 'user-deactivated');
    expect((await me(token)).status).toBe(401);

    await page.goto(`${baseUrl(system)}/admin/#/users?filter=${encodeURIComponent(JSON.stringify({ q: user.username }))}`);
    await page.locator('tr', { hasText: user.username }).getByText('Đã vô hiệu hóa').waitFor();

    await page.goto(`${baseUrl(system)}/admin/#/users/${encodeURIComponent(user.id)}`);
    await page.getByRole('button', { name: 'Kích hoạt lại' }).click();
    await page.getByText('Đang hoạt động').waitFor();
    expect((await me(await login(system, user.username, PASSWORD))).status).toBe(200);
    await page.context().close();
  });

  it('signs out on the server: the token the browser held stops working', async () => {
    const page = await signIn(browser, system, user.username, PASSWORD);
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('motcua.session') ?? '{}').token as string);
    expect((await me(token)).status).toBe(200);
    await page.getByRole('button', { name: 'Tài khoản' }).click();
    await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
    await page.locator('input[name="username"]').waitFor();
    expect((await me(token)).status).toBe(401);
    await page.context().close();
  });

  it('the portal signs the citizen out on the server by the button; a kiosk never signs anyone in', async () => {
    const context = await browser.newContext({ viewport: { width: 1080, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    /** Signs in on the submission page; the token is read from the sign-in answer (a kiosk keeps it in memory only). */
    const signInAt = async (path: string) => {
      await page.goto(`${baseUrl(system)}${path}`);
      await page.locator('#username').fill(citizen);
      await page.locator('#password').fill(PASSWORD);
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
      await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
      const token = ((await (await answer).json()) as { token: string }).token;
      await page.getByRole('button', { name: /Đăng xuất/ }).waitFor();
      expect((await me(token)).status).toBe(200);
      return token;
    };
    const byButton = await signInAt('/nop-ho-so/1.001193');
    await page.getByRole('button', { name: /Đăng xuất/ }).click();
    await expect.poll(async () => (await me(byButton)).status).toBe(401);

    // A shared kiosk asks no password (issue 18), so no session can be left behind on it.
    for (const path of ['/nop-ho-so/1.001193?kiosk=1', '/ho-so-cua-toi?kiosk=1', '/dang-nhap?kiosk=1']) {
      await page.goto(`${baseUrl(system)}${path}`);
      await page.locator('main h1, main h2, [data-testid="kiosk-no-signin"]').first().waitFor();
      expect(await page.locator('#username, #password').count(), path).toBe(0);
    }
    await context.close();
  });
});

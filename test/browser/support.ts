import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Dossier } from '../../api/contract';
import type { System } from '../../runtime/system';
import { login, startTestSystem } from '../support/system';

/** Debian's chromium (apt), never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export const launch = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: ARGS });

export interface BrowserStack {
  system: System;
  browser: Browser;
  /** The bearer header of one of the users the suite signed in over the API. */
  as: (user: string) => { Authorization: string };
  /** `action` on dossier `code` by `user` over the API (set-up for what the browser then shows), which must succeed. */
  act: (user: string, code: string, action: string, body?: object) => Promise<Dossier>;
}

/**
 * A suite's real stack and browser, started before its tests and stopped after them (read them
 * inside tests), with `users` signed in over the API for the suite's set-up.
 */
export function browserStack(users: readonly string[] = []): BrowserStack {
  const tokens: Record<string, string> = {};
  const stack = {
    as: (user: string) => ({ Authorization: `Bearer ${tokens[user]}` }),
    act: async (user: string, code: string, action: string, body: object = {}) => {
      const res = await request(stack.system.server).post(`/api/dossiers/${code}/actions/${action}`).set(stack.as(user)).send(body);
      expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
      return res.body as Dossier;
    },
  } as BrowserStack;
  beforeAll(async () => {
    [stack.system, stack.browser] = await Promise.all([startTestSystem(), launch()]);
    for (const u of users) tokens[u] = await login(stack.system, u);
  });
  afterAll(async () => {
    await stack.browser?.close();
    await stack.system?.stop();
  });
  return stack;
}

/** An account the administrator (`adminToken`) creates over the API: the set-up of a test about that account. */
export async function createUser(system: System, adminToken: string, user: { username: string; password: string; fullName: string; role: string; agencyCode: string }) {
  const res = await request(system.server).post('/api/users').set('Authorization', `Bearer ${adminToken}`).send(user);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

export const baseUrl = (system: System) => `http://127.0.0.1:${system.port}`;

const SHOTS = path.resolve('test-results');
export async function screenshot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/**
 * A fresh browser context (its own localStorage) and its page, in Vietnamese and Vietnam's time
 * zone; `options` adjust the context. Browser-side failures end up in the test output, where a
 * failing run needs them, tagged with `who`.
 */
async function freshPage(browser: Browser, who: string, options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => console.error(`[${who}] page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && console.error(`[${who}] console: ${m.text()}`));
  return page;
}

/** A fresh back-office page signed in through the login form; `options` adjust the context. */
export async function signIn(browser: Browser, system: System, username: string, password = 'motcua123', options: BrowserContextOptions = {}): Promise<Page> {
  const page = await freshPage(browser, username, options);
  await page.goto(`${baseUrl(system)}/admin/#/login`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('whoami').waitFor();
  return page;
}

/** A fresh portal page at `path`, signed in to nobody, downloads allowed; `options` adjust the context. */
export async function portalPage(browser: Browser, system: System, path = '/', options: BrowserContextOptions = {}): Promise<Page> {
  const page = await freshPage(browser, 'portal', { acceptDownloads: true, ...options });
  await page.goto(`${baseUrl(system)}${path}`);
  return page;
}

/** Signs the seeded citizen in on the portal's sign-in form showing on `page`. */
export async function signInOnPortal(page: Page, username = 'citizen', password = 'motcua123') {
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByRole('button', { name: /Đăng xuất/ }).waitFor();
}

/** Fills the portal's submit page: the applicant's ID number and phone, the commune, and the procedure's example form. */
export async function fillSubmitForm(page: Page, example: Record<string, string>, applicant: { idNumber: string; phone: string }, agencyCode = '02647') {
  await page.locator('#applicant-idNumber').fill(applicant.idNumber);
  await page.locator('#applicant-phone').fill(applicant.phone);
  await page.locator('#agencyCode').selectOption(agencyCode);
  for (const [k, v] of Object.entries(example)) {
    const el = page.locator(`#form-${k}`);
    if ((await el.evaluate((e) => e.tagName)) === 'SELECT') await el.selectOption(v);
    else await el.fill(v);
  }
}

/** Opens a dossier from the current page's list or My work by clicking its row. */
export async function openFromList(page: Page, code: string) {
  await page.locator('tr', { hasText: code }).first().click();
  await page.locator('[data-testid="dossier-code"]', { hasText: code }).waitFor();
}

/** Clicks an action button of the dossier page, lets `fill` complete its dialog, confirms. */
export async function act(page: Page, action: string, fill?: (dialog: Locator) => Promise<void>) {
  await page.locator(`[data-testid="dossier-actions"] [data-action="${action}"]`).click();
  const dialog = page.getByTestId(`dialog-${action}`);
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** Picks `option` in the MUI select inside `scope`. */
export async function choose(page: Page, scope: Locator, option: string) {
  await scope.getByRole('combobox').first().click();
  await page.getByRole('option', { name: option }).click();
}

export async function statusIs(page: Page, status: string) {
  await page.locator(`[data-testid="dossier-code"] ~ [data-status="${status}"]`).waitFor();
}

/** Calls the API as the signed-in browser user (same token), for checks a click cannot show. */
export async function apiFromPage(page: Page, path: string) {
  return page.evaluate(async (p) => {
    const s = JSON.parse(localStorage.getItem('motcua.session') ?? '{}');
    const res = await fetch(`/api${p}`, { headers: { Authorization: `Bearer ${s.token}` } });
    return { status: res.status, type: res.headers.get('content-type') ?? '', size: (await res.arrayBuffer()).byteLength };
  }, path);
}

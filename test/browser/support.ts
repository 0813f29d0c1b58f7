import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { System } from '../../runtime/system';
import { startTestSystem } from '../support/system';

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

/** A suite's real stack and browser, started before its tests and stopped after them (read them inside tests). */
export function browserStack(): { system: System; browser: Browser } {
  const stack = {} as { system: System; browser: Browser };
  beforeAll(async () => {
    [stack.system, stack.browser] = await Promise.all([startTestSystem(), launch()]);
  });
  afterAll(async () => {
    await stack.browser?.close();
    await stack.system?.stop();
  });
  return stack;
}

export const baseUrl = (system: System) => `http://127.0.0.1:${system.port}`;

const SHOTS = path.resolve('test-results');
export async function screenshot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** A fresh browser context (its own localStorage) signed in through the login form; `options` adjust the context. */
export async function signIn(browser: Browser, system: System, username: string, password = 'motcua123', options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  // Browser-side failures end up in the test output, where a failing run needs them.
  page.on('pageerror', (e) => console.error(`[${username}] page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && console.error(`[${username}] console: ${m.text()}`));
  await page.goto(`${baseUrl(system)}/admin/#/login`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('whoami').waitFor();
  return page;
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

import { gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { signPaymentBody } from '../../api/routes/payments.routes';
import { outbox } from '../../db/schema';
import type { SmsPayload } from '../../integrations/messages';
import { login } from '../support/system';
import { axeViolations, blocking, describeViolations } from './axe';
import { baseUrl, browserStack, screenshot } from './support';

const PHONE = '0912000515';

/**
 * Issue 15 §2: the portal in Vietnamese and English (languages as data, portal/src/i18n/), and
 * large text and high contrast on every page, measured: axe finds no serious or critical
 * violation with both on, and no page scrolls sideways on a 360-px phone, at the toggle's size
 * nor at 200% text.
 */
describe('the portal in two languages, with large text and high contrast', () => {
  const stack = browserStack();
  let code = '';

  /** A fresh visitor (its own localStorage); axe is injected as a tag, past the pages' CSP. */
  const visitor = async (width = 1280) => {
    const context = await stack.browser.newContext({ bypassCSP: true, viewport: { width, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    return page;
  };
  const go = (page: Page, path: string) => page.goto(`${baseUrl(stack.system)}${path}`);
  const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);
  /**
   * How far the page reaches past the viewport's right edge, in CSS pixels (0: no sideways scroll),
   * and the innermost elements that stick out, for the failure message.
   */
  const overflow = (page: Page) =>
    page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const out = Array.from(document.querySelectorAll('body *')).filter((e) => e.getBoundingClientRect().right > width + 0.5 && !Array.from(e.children).some((c) => c.getBoundingClientRect().right > width + 0.5));
      const name = (e: Element) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? `.${e.className.trim().replace(/\s+/g, '.')}` : ''} «${(e.textContent ?? '').trim().slice(0, 40)}»`;
      return { px: document.documentElement.scrollWidth - width, what: out.slice(0, 4).map(name).join(', ') };
    });
  const noBlockingViolations = async (page: Page, name: string) => {
    const found = blocking(await axeViolations(page));
    await screenshot(page, `lang-${name}`);
    expect.soft(found, `${name}:\n${describeViolations(found)}`).toEqual([]);
  };

  it('sets up a citizen\'s dossier with a fee paid at filing, received (so it has a due date)', async () => {
    const { system } = stack;
    const [citizen, desk] = [await login(system, 'citizen'), await login(system, 'laocai.desk')];
    // Business household: the fee (150,000 VND online) is paid at filing, before review.
    const { body: household } = await request(system.server).get('/api/procedures/1.001612');
    const created = await request(system.server)
      .post('/api/dossiers')
      .set('Authorization', `Bearer ${citizen}`)
      .set('Idempotency-Key', `lang-${Date.now()}`)
      .send({ procedureCode: '1.001612', agencyCode: '02647', channel: 'online', applicant: { fullName: 'Lý Láo Mẩy', idNumber: '010203000515', phone: PHONE }, form: household.example });
    expect(created.status).toBe(201);
    code = created.body.code;
    const received = await request(system.server).post(`/api/dossiers/${code}/actions/receive`).set('Authorization', `Bearer ${desk}`).send({});
    expect(received.body.status, JSON.stringify(received.body)).toBe('AWAITING_PAYMENT');
    // The gateway's signed notice, as scripts/pay.ts sends it; the clock starts with the payment.
    const raw = JSON.stringify({ dossierCode: code, amount: 150_000, transactionId: `TX-lang-${code}`, paidAt: new Date().toISOString() });
    const paid = await request(system.server).post('/api/payments/callback').set('content-type', 'application/json').set('x-signature', signPaymentBody(system.env.PAYMENT_WEBHOOK_SECRET, raw)).send(raw);
    expect(paid.status).toBe(200);
    await expect.poll(async () => (await request(system.server).get(`/api/dossiers/${code}`).set('Authorization', `Bearer ${desk}`)).body.status).toBe('RECEIVED');
  });

  it('loads only Vietnamese on the first page, within its 100 KB of gzipped JavaScript', async () => {
    const page = await visitor();
    const scripts: { url: string; bytes: number }[] = [];
    page.on('response', async (r) => {
      if (r.request().resourceType() === 'script') scripts.push({ url: r.url(), bytes: gzipSync(await r.body()).length });
    });
    await go(page, '/');
    await page.locator('article h3').first().waitFor();
    const total = scripts.reduce((s, x) => s + x.bytes, 0);
    console.log(`first page JavaScript with the language switch: ${(total / 1024).toFixed(1)} KB gzipped in ${scripts.length} files`);
    expect(total).toBeLessThanOrEqual(100 * 1024);
    expect(scripts.map((s) => s.url).filter((u) => /\/en-[\w-]+\.js$/.test(u))).toEqual([]);
    expect(await lang(page)).toBe('vi');
    await page.context().close();
  });

  it('switches to English in the header: the finder and the dossier page speak English, dates stay dd/mm/yyyy, and the choice is remembered', async () => {
    const page = await visitor();
    await go(page, '/');
    await page.getByRole('heading', { name: 'Tìm thủ tục hành chính' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Find an administrative procedure' }).waitFor();
    expect(await lang(page)).toBe('en');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.locator('#q').getAttribute('placeholder')).toBe('Type what you need…');

    // The API's English where it has it (the coded procedures' names), the portal's words around it.
    await page.locator('#q').fill('khai sinh');
    const card = page.locator('article', { has: page.getByRole('heading', { name: 'Birth registration', exact: true }) });
    await card.waitFor();
    expect(await card.textContent()).toContain('Fully online');
    expect(await card.getByRole('link', { name: 'Guidance and printable sheet' }).count()).toBe(1);
    await screenshot(page, 'lang-en-finder');

    // A reload keeps English (localStorage), before the first paint.
    await page.reload();
    await page.getByRole('heading', { name: 'Find an administrative procedure' }).waitFor();

    await go(page, `/ho-so/${code}`);
    await page.locator('#username').fill('citizen');
    await page.locator('#password').fill('motcua123');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: /Sign out/ }).waitFor();
    await page.getByRole('heading', { name: `Dossier ${code}` }).waitFor();
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('Received, waiting to be processed');
    expect(await page.getByText('VND 150,000 — paid').count()).toBe(1);
    expect(await page.getByTestId('due').textContent()).toMatch(/^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/);
    await screenshot(page, 'lang-en-dossier');

    // And back: the page is Vietnamese again, money in its own format.
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
    expect(await lang(page)).toBe('vi');
    expect(await page.getByText('150.000 đồng — đã nộp').count()).toBe(1);
    await page.context().close();
  });

  it('turns on large text and high contrast from the header on every page: remembered, axe finds nothing serious', async () => {
    const page = await visitor();
    await go(page, '/tra-cuu');
    await page.getByRole('button', { name: 'Chữ lớn' }).click();
    await page.getByRole('button', { name: 'Tương phản cao' }).click();
    const root = () => page.evaluate(() => ({ classes: document.documentElement.className, size: getComputedStyle(document.documentElement).fontSize }));
    expect(await root()).toEqual({ classes: expect.stringMatching(/large-text.*contrast|contrast.*large-text/), size: '25.5px' });

    await go(page, '/');
    await page.locator('article h3').first().waitFor();
    expect((await root()).classes).toMatch(/contrast/);
    expect(await page.getByRole('button', { name: 'Chữ lớn' }).getAttribute('aria-pressed')).toBe('true');
    await noBlockingViolations(page, 'finder-large-contrast');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Find an administrative procedure' }).waitFor();
    await noBlockingViolations(page, 'finder-en-large-contrast');

    await go(page, '/thu-tuc/1.001193');
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    await noBlockingViolations(page, 'guidance-en-large-contrast');

    await go(page, `/tra-cuu?ma=${code}&sdt=${PHONE}`);
    await page.getByTestId('track-status').waitFor();
    expect(await page.getByTestId('track-status').textContent()).toBe('Received, waiting to be processed');
    await noBlockingViolations(page, 'tracking-en-large-contrast');

    // Off again, and the page is as before.
    await page.getByRole('button', { name: 'High contrast' }).click();
    await page.getByRole('button', { name: 'Large text' }).click();
    expect(await root()).toEqual({ classes: '', size: '17px' });
    await page.context().close();
  });

  it('walks a helper\'s «Nộp hộ» in English: the citizen\'s details, the consent by SMS code, then the form', async () => {
    const citizen = { fullName: 'Sùng Thị Dua', idNumber: '010203000516', phone: '0912000516' };
    const page = await visitor();
    await go(page, '/');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Find an administrative procedure' }).waitFor();
    await go(page, '/nop-ho-so/1.001193');
    await page.locator('#username').fill('batxat.helper');
    await page.locator('#password').fill('motcua123');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();

    const step = page.getByTestId('assisted-citizen-step');
    await step.waitFor();
    expect(await step.locator('legend').textContent()).toBe('The citizen you are helping to file');
    await page.locator('#applicant-fullName').fill(citizen.fullName);
    await page.locator('#applicant-idNumber').fill(citizen.idNumber);
    await page.locator('#applicant-phone').fill(citizen.phone);
    await page.getByRole('button', { name: "Continue: ask for the citizen's consent" }).click();

    const consent = page.getByTestId('consent-step');
    await consent.waitFor();
    expect(await consent.locator('legend').textContent()).toBe("The citizen's consent");
    expect(await consent.textContent()).toContain(`Before you file on their behalf, ${citizen.fullName} must consent. Choose one way:`);
    expect(await page.getByRole('radio', { name: `A confirmation code sent by text message to ${citizen.phone}` }).isChecked()).toBe(true);
    await screenshot(page, 'lang-en-assisted-consent');
    await page.getByRole('button', { name: 'Send the confirmation code' }).click();
    await page.getByLabel('Confirmation code (6 digits)').waitFor();
    // The API answers the number masked (all but its last three digits).
    expect(await consent.textContent()).toMatch(/A code has been sent to \*+516\. It is valid for 10 minutes\. Ask the citizen to read out the code in the message\./);
    expect(await page.getByRole('button', { name: 'Send the code again' }).count()).toBe(1);
    const sms = await stack.system.dbh.db.select().from(outbox).where(eq(outbox.channel, 'sms'));
    const text = sms.map((r) => r.payload as SmsPayload).find((m) => m.to === citizen.phone && m.template === 'consent-code')!.text;
    await page.locator('#consent-code').fill(/Ma xac nhan (\d{6})/.exec(text)![1]!);
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await expect.poll(() => page.getByTestId('consent-given').textContent()).toBe('The citizen has consented with a confirmation code sent by text message. Start again');
    await page.getByRole('button', { name: 'Continue: fill in the form' }).click();
    await page.getByTestId('assisted-citizen').waitFor();
    expect(await lang(page)).toBe('en');
    await page.context().close();
  });

  it('a kiosk\'s idle reset forgets the visitor\'s language and display choices', async () => {
    const page = await visitor();
    await go(page, '/?kiosk=1&idle=4&warn=2');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Chữ lớn' }).or(page.getByRole('button', { name: 'Large text' })).click();
    await page.getByRole('heading', { name: 'Find an administrative procedure' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.className)).toMatch(/large-text/);
    // No touch for 4 s: the warning, then the reset reloads the start page for the next visitor.
    await page.getByRole('heading', { name: 'Tìm thủ tục hành chính' }).waitFor({ timeout: 20_000 });
    expect(await lang(page)).toBe('vi');
    expect(await page.evaluate(() => document.documentElement.className)).not.toMatch(/large-text/);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('motcua.portal.')))).toEqual([]);
    await page.context().close();
  });

  it('nothing scrolls sideways on a 360-px phone, with large text and at 200% text, in both languages', async () => {
    const page = await visitor(360);
    await go(page, '/');
    await page.getByRole('button', { name: 'Chữ lớn' }).click();
    await page.getByRole('button', { name: 'Tương phản cao' }).click();
    const pages: [string, (p: Page) => Promise<unknown>][] = [
      ['/', (p) => p.locator('article h3').first().waitFor()],
      ['/thu-tuc/1.001193', (p) => p.locator('.sheet h1').waitFor()],
      [`/tra-cuu?ma=${code}&sdt=${PHONE}`, (p) => p.getByTestId('track-status').waitFor()],
      ['/tu-van?o=new-baby', (p) => p.locator('.advisor h2').first().waitFor()],
      ['/so-lieu', (p) => p.locator('.figures').waitFor()],
    ];
    const wide: string[] = [];
    for (const language of ['vi', 'en']) {
      for (const [path, ready] of pages) {
        await go(page, path);
        await ready(page);
        if ((await lang(page)) !== language) {
          await page.locator(`[data-lang="${language}"]`).click();
          await expect.poll(() => lang(page)).toBe(language);
        }
        for (const size of ['', '34px']) {
          // '' is the toggle's 150%; 34px is 200% of the portal's 17-px text (WCAG 1.4.4 and 1.4.10).
          await page.evaluate((s) => (document.documentElement.style.fontSize = s), size);
          const { px, what } = await overflow(page);
          if (px > 0) wide.push(`${language} ${path} at ${size || 'large text'}: ${px}px too wide (${what})`);
          if (size) await screenshot(page, `lang-360-200-${language}-${path.replace(/\W+/g, '_')}`);
        }
        await page.evaluate(() => (document.documentElement.style.fontSize = ''));
      }
    }
    expect(wide).toEqual([]);
    await page.context().close();
  });
});

import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assistedFilings, outbox } from '../../db/schema';
import type { SmsPayload } from '../../integrations/messages';
import type { System } from '../../runtime/system';
import { login, startTestSystem } from '../support/system';
import { baseUrl, launch, screenshot } from './support';

/** Issue 15 §2 in the portal: «Nộp hộ» — a helper files for a citizen with the citizen's consent by SMS code. */
const CITIZEN = { fullName: 'Giàng Thị Sua', idNumber: '010203334455', phone: '0913334455' };

describe('«Nộp hộ»: a community helper files for a citizen in the portal', () => {
  let system: System;
  let browser: Browser;

  beforeAll(async () => {
    [system, browser] = await Promise.all([startTestSystem(), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('takes the citizen’s details, their consent by SMS code, then the form; the dossier says who helped', async () => {
    const context = await browser.newContext({ viewport: { width: 1080, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await page.goto(`${baseUrl(system)}/nop-ho-so/1.001193`);
    await page.locator('#username').fill('batxat.helper');
    await page.locator('#password').fill('motcua123');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();

    // 1. The citizen's details.
    await page.getByTestId('assisted-citizen-step').waitFor();
    await page.locator('#applicant-fullName').fill(CITIZEN.fullName);
    await page.locator('#applicant-idNumber').fill(CITIZEN.idNumber);
    await page.locator('#applicant-phone').fill(CITIZEN.phone);
    await page.getByRole('button', { name: 'Tiếp tục: xin sự đồng ý' }).click();

    // 2. The consent: a code texted to the citizen, read out to the helper.
    await page.getByTestId('consent-step').waitFor();
    await screenshot(page, 'portal-assisted-consent');
    await page.getByRole('button', { name: 'Gửi mã xác nhận' }).click();
    await page.locator('#consent-code').waitFor();
    const sms = await system.dbh.db.select().from(outbox).where(eq(outbox.channel, 'sms'));
    const text = sms.map((r) => r.payload as SmsPayload).find((m) => m.to === CITIZEN.phone && m.template === 'consent-code')!.text;
    await page.locator('#consent-code').fill(/Ma xac nhan (\d{6})/.exec(text)![1]!);
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByTestId('consent-given').waitFor();
    await page.getByRole('button', { name: 'Tiếp tục: điền tờ khai' }).click();

    // 3. The normal form, at the helper's own commune.
    await page.getByTestId('assisted-citizen').waitFor();
    expect(await page.locator('#agencyCode').inputValue()).toBe('02683');
    const { body: birth } = await request(system.server).get('/api/procedures/1.001193');
    for (const [k, v] of Object.entries(birth.example as Record<string, string>)) {
      const el = page.locator(`#form-${k}`);
      if ((await el.evaluate((e) => e.tagName)) === 'SELECT') await el.selectOption(v);
      else await el.fill(v);
    }
    await page.getByRole('button', { name: 'Tiếp tục: kiểm tra lại' }).click();
    await page.getByRole('heading', { name: 'Kiểm tra lại trước khi nộp' }).waitFor();
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    const code = (await page.getByTestId('dossier-code').textContent())!;
    expect(code).toMatch(/^02683-\d{6}-\d{4}$/);
    await expect.poll(() => page.getByTestId('assisted-by').textContent()).toBe('Nộp với sự hỗ trợ của Thào Thị Mỷ (Tổ công nghệ số cộng đồng xã Bát Xát)');
    await screenshot(page, 'portal-assisted-submitted');

    // On record, and the citizen's: their account was created by personal ID number.
    const [record] = await system.dbh.db.select().from(assistedFilings).where(eq(assistedFilings.dossierCode, code));
    expect(record).toMatchObject({ helperUserId: 'u-batxat.helper', consentMethod: 'sms-code' });
    const token = await login(system, 'batxat.desk');
    const view = await request(system.server).get(`/api/dossiers/${code}`).set({ Authorization: `Bearer ${token}` });
    expect(view.body.applicant).toMatchObject({ fullName: CITIZEN.fullName, idNumber: CITIZEN.idNumber });
    await context.close();
  }, 120_000);
});

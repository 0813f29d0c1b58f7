import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { System } from '../../runtime/system';
import { startTestSystem } from '../support/system';
import { launch, screenshot, signIn } from './support';

/** Counts what an officer's hands do: every click, every key (one per character typed). */
class Hands {
  clicks = 0;
  keys = 0;
  constructor(private page: Page) {}
  async click(l: Locator) {
    this.clicks++;
    await l.click();
  }
  async type(l: Locator, text: string) {
    await this.click(l);
    this.keys += text.length;
    await l.pressSequentially(text);
  }
  async pick(l: Locator, option: string | RegExp) {
    await this.click(l);
    await this.click(this.page.getByRole('option', { name: option }));
  }
}

describe('the counter form (walk-in birth registration, 1.001193)', () => {
  let system: System;
  let browser: Browser;

  beforeAll(async () => {
    [system, browser] = await Promise.all([startTestSystem(), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('BEFORE: a walk-in birth registration on the old form, counted', async () => {
    const desk = await signIn(browser, system, 'batxat.desk');
    const hands = new Hands(desk);
    const t0 = Date.now();
    await hands.click(desk.getByRole('menuitem', { name: 'Tiếp nhận tại quầy' }));
    await hands.type(desk.getByLabel('Thủ tục').first(), 'khai sinh');
    await hands.click(desk.getByRole('option', { name: /1\.001193/ }));
    await desk.getByTestId('procedure-form').waitFor();
    await hands.type(desk.locator('input[name="applicant.fullName"]'), 'Giàng A Sử');
    await hands.type(desk.locator('input[name="applicant.idNumber"]'), '010203004567');
    await hands.type(desk.locator('input[name="applicant.phone"]'), '0912345678');
    await hands.type(desk.locator('input[name="form.childName"]'), 'Giàng Thị Mai');
    await hands.type(desk.locator('input[name="form.birthDate"]'), '20112026');
    const typedDate = await desk.locator('input[name="form.birthDate"]').inputValue();
    await hands.pick(desk.getByLabel('Giới tính'), 'nu');
    await hands.type(desk.locator('input[name="form.birthPlace"]'), 'Trạm y tế xã Bát Xát');
    await hands.type(desk.locator('input[name="form.fatherName"]'), 'Giàng A Sử');
    await hands.type(desk.locator('input[name="form.motherName"]'), 'Lù Thị Hoa');
    await hands.type(desk.locator('input[name="form.declarantIdNumber"]'), '010203004567');
    await hands.pick(desk.getByLabel('Quan hệ với người được khai sinh'), 'cha');
    await screenshot(desk, 'counter-before-form');
    await hands.click(desk.getByRole('button', { name: 'Lưu' }));
    const done = await desk.getByTestId('reception-done').waitFor({ timeout: 15_000 }).then(() => true, () => false);
    const seconds = (Date.now() - t0) / 1000;
    await screenshot(desk, 'counter-before-after-save');
    console.log(`BEFORE counter form: clicks=${hands.clicks} keys=${hands.keys} seconds=${seconds.toFixed(1)} date typed "20112026" -> "${typedDate}" saved=${done}`);
    expect(hands.clicks).toBeGreaterThan(0);
  });
});

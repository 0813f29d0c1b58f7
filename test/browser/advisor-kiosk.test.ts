import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseUrl, browserStack, screenshot } from './support';

/** What the visitor of this session would answer (the facts of test/fixtures/advisor-scenarios.json). */
const FACTS: Record<string, string> = { foreign: 'none', action: 'lost', audience: 'citizen', level: 'any' };

/**
 * The kiosk advisor in the browser, timed (issue 15 §1): from the first tap on a life-event tile
 * to the printed checklist, answering the questions with big buttons. The print dialog cannot
 * open headless: `window.print` is replaced by a recorder, and the page is then rendered as the
 * printer would get it (print media, a PDF) to check what is on paper.
 */
describe('the kiosk advisor, from the first tap to the printed checklist', () => {
  const stack = browserStack();

  it('a visitor who lost their ID card taps «Căn cước, cư trú», answers with big buttons, and gets the checklist, return date and office, and hears it read aloud', async () => {
    const context = await stack.browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    await context.addInitScript(() => {
      const w = window as unknown as { printed?: { at: number; checklist: number; queueNote: boolean } };
      window.print = () => {
        w.printed = {
          at: performance.now(),
          checklist: document.querySelectorAll('[data-testid="advisor-checklist"] li').length,
          queueNote: document.querySelector('[data-testid="queue-note"]') !== null,
        };
      };
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => console.error(`[kiosk] page error: ${e.message}`));
    await page.goto(`${baseUrl(stack.system)}/?kiosk=1&xa=02647`);
    const tile = page.locator('button[data-tile="id-residence"]');
    await tile.waitFor();
    await screenshot(page, 'advisor-kiosk-1080-tiles');

    const t0 = await page.evaluate(() => performance.now());
    await tile.click();
    const questions: string[] = [];
    const guide = page.getByTestId('advisor-guide');
    for (let i = 0; i < 4; i++) {
      const question = page.getByTestId('advisor-question');
      await Promise.race([question.waitFor(), guide.waitFor()]);
      if (!(await question.isVisible())) break;
      expect(i, 'at most three questions').toBeLessThan(3);
      const text = (await question.locator('h2').textContent()) ?? '';
      questions.push(text);
      if (i === 0) await screenshot(page, 'advisor-kiosk-1080-question');
      const id = await question.locator('button').evaluateAll((bs, facts) => {
        const ids = bs.map((b) => b.getAttribute('data-option')!);
        return ids.find((x) => Object.values(facts).includes(x) && x !== 'any') ?? 'any';
      }, FACTS);
      await question.locator(`button[data-option="${id}"]`).click();
      // The next step: another question, or the guidance.
      await page.waitForFunction((before) => document.querySelector('[data-testid="advisor-question"] h2')?.textContent !== before, text);
    }
    await guide.getByRole('heading', { name: 'Cấp lại thẻ căn cước', exact: true }).waitFor();
    await guide.getByTestId('expected-return').waitFor();
    await page.getByRole('button', { name: 'Lấy số thứ tự' }).click();
    const printed = await page.waitForFunction(() => (window as unknown as { printed?: { at: number; checklist: number; queueNote: boolean } }).printed).then((h) => h.jsonValue());
    const seconds = (printed!.at - t0) / 1000;
    console.log(`kiosk session: first tap → printed checklist in ${seconds.toFixed(2)} s, ${questions.length} question(s): ${questions.join(' | ')}`);
    mkdirSync('test-results', { recursive: true });
    writeFileSync(path.join('test-results', 'advisor-kiosk-timing.json'), JSON.stringify({ seconds, questions }, null, 2));

    expect(questions.length).toBeGreaterThanOrEqual(1);
    expect(printed!.checklist).toBeGreaterThan(0);
    expect(printed!.queueNote).toBe(true);
    expect(seconds).toBeLessThan(30);
    // Where to go: the kiosk's own commune office; the return date is a real date.
    await expect.poll(() => guide.getByTestId('office-address').textContent()).toContain('Ủy ban nhân dân phường Lào Cai');
    expect(await guide.getByTestId('expected-return').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4}/);
    await screenshot(page, 'advisor-kiosk-1080-guidance');

    // On paper: the checklist and the note, without the buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await guide.getByTestId('advisor-checklist').isVisible()).toBe(true);
    expect(await page.getByTestId('queue-note').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Lấy số thứ tự' }).isVisible()).toBe(false);
    await page.pdf({ path: path.join('test-results', 'advisor-kiosk-checklist.pdf'), format: 'A4' });
    await page.emulateMedia({ media: 'screen' });

    // «Nghe»: the server's Vietnamese speech is fetched and played.
    const audio = page.waitForResponse((r) => r.url().includes('/guide/audio'));
    await guide.getByRole('button', { name: /Nghe đọc phiếu hướng dẫn/ }).click();
    const res = await audio;
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('audio/wav');
    await expect.poll(() => guide.locator('.listen-button').getAttribute('data-state'), { timeout: 10_000 }).toBe('playing');
    await context.close();
  });
});

import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { System } from '../../runtime/system';
import { login, startTestSystem } from '../support/system';
import { apiFromPage, baseUrl, launch, screenshot, signIn } from './support';

const applicant = { fullName: 'Lò Văn Pả', idNumber: '010203009999', phone: '0911222333' };

describe('supervision and jurisdiction in the back office', () => {
  let system: System;
  let browser: Browser;
  let code: string;

  beforeAll(async () => {
    [system, browser] = await Promise.all([startTestSystem(), launch()]);
    // The dossier under test is set up over HTTP: these tests are about what others see of it.
    const token = await login(system, 'laocai.desk');
    const { body: procedure } = await request(system.server).get('/api/procedures/1.001193');
    const created = await request(system.server)
      .post('/api/dossiers')
      .set('Authorization', `Bearer ${token}`)
      .set('Idempotency-Key', `browser-overdue-${Date.now()}`)
      .send({ procedureCode: '1.001193', agencyCode: '02647', channel: 'counter', applicant, form: procedure.example });
    expect(created.status).toBe(201);
    code = created.body.code;
    expect(created.body.status).toBe('RECEIVED');
    /*
     * Overdue without waiting a working day: we move the PROJECTION's due date into the past with
     * SQL. Lists, the overdue flag and /api/stats all read the projection (README, 'What runs where'), so this is
     * exactly what a supervisor would see; the workflow's own timers are untouched (its
     * escalation stays scheduled for the real due date), which these UI tests do not look at.
     */
    await system.dbh.db.execute(sql`update dossiers set due_at = now() - interval '2 days', stage_due_at = now() - interval '2 days' where code = ${code}`);
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('(c) a supervisor sees the overdue dossier on the dashboard and drills down to it', async () => {
    const page = await signIn(browser, system, 'laocai.supervisor');
    const chart = page.getByTestId('chart-by-agency');
    await chart.getByText(/phường Lào Cai|Lào Cai/).first().waitFor();
    await page.getByTestId('rates').waitFor();
    // Decision 766: the timeliness split and the indicator groups, with what is missing said plainly.
    await page.getByTestId('timeliness').waitFor();
    expect(await page.getByTestId('indicator-progress').textContent()).toContain('Hồ sơ giải quyết trước và đúng hạn');
    expect(await page.getByTestId('indicator-transparency').textContent()).toContain('Chưa có số liệu');
    await screenshot(page, 'c-1-supervisor-dashboard');
    await chart.locator('.recharts-bar-rectangle path, .recharts-bar-rectangle rect, path.recharts-rectangle').first().click();
    await page.waitForURL(/#\/dossiers\?filter=/);
    const filter = JSON.parse(new URL(page.url().replace('#/', '')).searchParams.get('filter')!);
    expect(filter).toEqual({ overdue: true, agencyCode: '02647' });
    const row = page.locator('tr', { hasText: code });
    await row.waitFor();
    await row.locator('[data-testid="due-badge"][data-state="overdue"]').waitFor();
    await screenshot(page, 'c-2-drill-down-list');
    await row.click();
    await page.locator('[data-testid="dossier-code"]', { hasText: code }).waitFor();
    // A supervisor reads but does not act, and does not see personal numbers.
    expect(await page.getByTestId('dossier-actions').count()).toBe(0);
    await screenshot(page, 'c-3-supervisor-dossier');
  });

  it('(d) an officer of another commune can neither find nor open it', async () => {
    const page = await signIn(browser, system, 'batxat.desk');
    await page.getByRole('menuitem', { name: 'Hồ sơ', exact: true }).click();
    await page.getByPlaceholder('Tìm kiếm').fill(code);
    await page.getByText('Không có Hồ sơ nào').or(page.getByText(/không có hồ sơ/i)).first().waitFor();
    expect(await page.locator('tr', { hasText: code }).count()).toBe(0);
    await screenshot(page, 'd-1-search-finds-nothing');

    await page.goto(`${baseUrl(system)}/admin/#/dossiers/${code}/show`);
    await page.getByText('Không tìm thấy').or(page.getByText(/không tồn tại|không tìm thấy/i)).first().waitFor();
    expect(await page.locator('[data-testid="dossier-code"]', { hasText: code }).count()).toBe(0);
    expect(await page.getByText(applicant.fullName).count()).toBe(0);
    expect((await apiFromPage(page, `/dossiers/${code}`)).status).toBe(404);
    await screenshot(page, 'd-2-open-refused');
  });
});

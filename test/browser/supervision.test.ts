import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { login } from '../support/system';
import { apiFromPage, baseUrl, browserStack, createUser, screenshot, signIn } from './support';

const applicant = { fullName: 'Lò Văn Pả', idNumber: '010203009999', phone: '0911222333' };
/** A name a spreadsheet would run as a formula: the CSV must show it as text. */
const FORMULA = '=HYPERLINK("http://x","bấm")';
/** The longest name the API takes, 100 letters without a space; the projection then gets 200 (below). */
const LONG_NAME = 'Hoàng'.repeat(20);
const LONGER_NAME = 'Hoàng'.repeat(40);
/** Today in Vietnam, as the CSV's file name carries it. */
const todayVn = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
/** The list as a supervisor drills into it: overdue dossiers of one agency. */
const DRILLED = `#/dossiers?filter=${encodeURIComponent('{"overdue":true,"agencyCode":"02647"}')}&displayedFilters=${encodeURIComponent('{"overdue":true,"agencyCode":true}')}`;
const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

describe('supervision and jurisdiction in the back office', () => {
  const stack = browserStack();
  let code: string;
  let formulaCode: string;
  let longCode: string;

  beforeAll(async () => {
    // The dossiers under test are set up over HTTP: these tests are about what others see of them.
    const token = await login(stack.system, 'laocai.desk');
    const { body: procedure } = await request(stack.system.server).get('/api/procedures/1.001193');
    const create = async (key: string, person: typeof applicant) => {
      const created = await request(stack.system.server)
        .post('/api/dossiers')
        .set('Authorization', `Bearer ${token}`)
        .set('Idempotency-Key', `browser-${key}-${Date.now()}`)
        .send({ procedureCode: '1.001193', agencyCode: '02647', channel: 'counter', applicant: person, form: procedure.example });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body.status).toBe('RECEIVED');
      return created.body.code as string;
    };
    code = await create('overdue', applicant);
    formulaCode = await create('formula', { ...applicant, fullName: FORMULA });
    longCode = await create('long', { ...applicant, fullName: LONG_NAME });
    // Past the API's 100 characters (a name migrated from an older stack.system, say): the list reads the projection.
    await stack.system.dbh.db.execute(sql`update dossiers set applicant_name = ${LONGER_NAME} where code = ${longCode}`);
    /*
     * Overdue without waiting a working day: we move the PROJECTION's due date into the past with
     * SQL. Lists, the overdue flag and /api/stats all read the projection (README, 'What runs where'), so this is
     * exactly what a supervisor would see; the workflow's own timers are untouched (its
     * escalation stays scheduled for the real due date), which these UI tests do not look at.
     */
    await stack.system.dbh.db.execute(sql`update dossiers set due_at = now() - interval '2 days', stage_due_at = now() - interval '2 days' where code = ${code}`);
  });

  it('(c) a supervisor sees the overdue dossier on the dashboard and drills down to it', async () => {
    const page = await signIn(stack.browser, stack.system, 'laocai.supervisor');
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
    const page = await signIn(stack.browser, stack.system, 'batxat.desk');
    await page.getByRole('menuitem', { name: 'Hồ sơ', exact: true }).click();
    await page.getByPlaceholder('Tìm kiếm').fill(code);
    await page.getByText('Không có Hồ sơ nào').or(page.getByText(/không có hồ sơ/i)).first().waitFor();
    expect(await page.locator('tr', { hasText: code }).count()).toBe(0);
    await screenshot(page, 'd-1-search-finds-nothing');

    await page.goto(`${baseUrl(stack.system)}/admin/#/dossiers/${code}/show`);
    await page.getByText('Không tìm thấy').or(page.getByText(/không tồn tại|không tìm thấy/i)).first().waitFor();
    expect(await page.locator('[data-testid="dossier-code"]', { hasText: code }).count()).toBe(0);
    expect(await page.getByText(applicant.fullName).count()).toBe(0);
    expect((await apiFromPage(page, `/dossiers/${code}`)).status).toBe(404);
    await screenshot(page, 'd-2-open-refused');
  });

  it('(e) a supervisor of a commune with no dossier yet reads why each chart and table is empty, not a bare 0', async () => {
    const admin = await login(stack.system, 'admin', 'admin');
    const password = 'Sông Chảy mùa nước lên';
    await createUser(stack.system, admin, { username: 'baoai.supervisor', password, fullName: 'Vàng Thị Sính', role: 'supervisor', agencyCode: '04750' });
    const page = await signIn(stack.browser, stack.system, 'baoai.supervisor', password);
    await page.getByTestId('stats-dashboard').waitFor();
    for (const chart of ['chart-by-agency', 'chart-by-procedure', 'chart-by-stage']) {
      await expect.poll(() => page.getByTestId(chart).getByTestId('chart-empty').textContent()).toBe('Không có hồ sơ nào quá hạn: mọi hồ sơ đang giải quyết đều còn trong hạn.');
    }
    expect(await page.getByTestId('chart-lost-at').getByTestId('chart-empty').textContent()).toContain('Chưa cơ quan nào để quá phần thời hạn');
    // The period's rates: none, and the reason, with the period in dd/MM/yyyy.
    await expect.poll(() => page.getByTestId('period-empty').textContent()).toMatch(/^Chưa có hồ sơ nào nộp trong kỳ 01\/01\/\d{4} – \d\d\/\d\d\/\d{4}, nên chưa có tỷ lệ nào/);
    // The period is typed as on paper, whatever the browser's locale: digits only, the slashes come by themselves.
    const year = todayVn().slice(0, 4);
    expect(await page.getByTestId('period-from').inputValue()).toBe(`01/01/${year}`);
    await page.getByTestId('period-from').fill('01/01/2020');
    await page.getByTestId('period-to').fill('');
    await page.getByTestId('period-to').pressSequentially('31122020');
    expect(await page.getByTestId('period-to').inputValue()).toBe('31/12/2020');
    await expect.poll(() => page.getByTestId('period-empty').textContent()).toContain('trong kỳ 01/01/2020 – 31/12/2020,');
    await expect.poll(() => page.getByTestId('timeliness-empty').count()).toBe(2);
    expect(await page.getByTestId('timeliness-empty').first().textContent()).toContain('chưa có gì để so với hạn');
    // Nothing drawn, no card whose whole content is a number.
    expect(await page.locator('[data-testid^="chart-"] .recharts-surface').count()).toBe(0);
    for (const text of await page.locator('[data-testid^="chart-"] .MuiCardContent-root').allTextContents()) expect(text.trim()).not.toMatch(/^\d+$/);
    await screenshot(page, 'e-1-empty-dashboard');

    await page.goto(`${baseUrl(stack.system)}/admin/#/dossiers`);
    await expect.poll(() => page.getByTestId('list-empty').textContent()).toContain('Chưa có hồ sơ nào trong phạm vi của bạn');
    await screenshot(page, 'e-2-empty-list');

    // The commune's desk: each empty queue says what would fill it.
    await createUser(stack.system, admin, { username: 'baoai.desk', password, fullName: 'Sùng Văn Chư', role: 'desk-officer', agencyCode: '04750' });
    const officer = await signIn(stack.browser, stack.system, 'baoai.desk', password);
    await expect.poll(() => officer.getByTestId('queue-empty').textContent()).toBe('Không có hồ sơ trực tuyến nào chờ tiếp nhận: hồ sơ người dân nộp trên Cổng dịch vụ công sẽ hiện ở đây.');
    await officer.locator('[data-queue="forwarded"]').click();
    await expect.poll(() => officer.getByTestId('queue-empty').textContent()).toContain('Không có hồ sơ nào đã chuyển liên thông');
    await screenshot(officer, 'e-3-empty-queue');
  });

  it('(f) "Bỏ bộ lọc" clears every filter, the overdue switch included, and the list and its export come back', async () => {
    const page = await signIn(stack.browser, stack.system, 'laocai.supervisor');
    await page.goto(`${baseUrl(stack.system)}/admin/${DRILLED}`);
    await page.locator('tr', { hasText: code }).waitFor();
    const overdueSwitch = page.locator('form input[name="overdue"]');
    expect(await overdueSwitch.isChecked()).toBe(true);
    // A search that finds nothing among the overdue: the list is empty, and says why.
    await page.getByPlaceholder('Tìm kiếm').fill('khong-co-ho-so-nay');
    await expect.poll(() => page.getByTestId('list-empty').textContent()).toContain('Không có hồ sơ nào khớp các bộ lọc đang chọn.');
    expect(await page.getByRole('button', { name: 'Xuất CSV' }).isDisabled()).toBe(true);
    await screenshot(page, 'f-1-filtered-to-nothing');

    await page.getByTestId('list-empty').getByRole('button', { name: 'Bỏ bộ lọc' }).click();
    // Every dossier again, overdue or not, and no filter left in the address or on screen.
    await page.locator('tr', { hasText: formulaCode }).waitFor();
    await page.locator('tr', { hasText: code }).waitFor();
    const filter = () => new URL(page.url().replace('#/', '')).searchParams.get('filter');
    await expect.poll(filter).toBe('{}');
    // Stays cleared: no input brings its value back once the list has settled.
    await page.waitForTimeout(1_000);
    expect(filter()).toBe('{}');
    expect(await overdueSwitch.count()).toBe(0);
    expect(await page.getByPlaceholder('Tìm kiếm').inputValue()).toBe('');
    expect(await page.getByRole('button', { name: 'Xuất CSV' }).isEnabled()).toBe(true);
    await screenshot(page, 'f-2-filters-cleared');
  });

  it('(g) the CSV export is Vietnamese: headers, labels, local times, agency names, defused formulas, a BOM and a dated name', async () => {
    const page = await signIn(stack.browser, stack.system, 'laocai.supervisor');
    await page.goto(`${baseUrl(stack.system)}/admin/#/dossiers`);
    await page.locator('tr', { hasText: code }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`ho-so-${todayVn()}.csv`);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const [header, ...rows] = text.split('\r\n');
    expect(header).toBe('Mã hồ sơ,Mã thủ tục,Thủ tục,Trạng thái,Kênh nộp,Người nộp,Nơi tiếp nhận,Cơ quan đang xử lý,Người xử lý,Ngày tiếp nhận,Hẹn trả,Quá hạn,Ngày kết thúc');
    const row = rows.find((r) => r.startsWith(`${code},`))!;
    expect(row).toMatch(
      new RegExp(`^${code},1\\.001193,Đăng ký khai sinh,Đã tiếp nhận,Tại quầy,Lò Văn Pả,Ủy ban nhân dân phường Lào Cai,Ủy ban nhân dân phường Lào Cai,[^,]*,\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d,\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d,Có,$`),
    );
    // Received today, in Vietnam's calendar (a UTC date would be yesterday's before 07:00).
    expect(row.split(',')[9]!.slice(0, 10)).toBe(todayVn().split('-').reverse().join('/'));
    expect(rows.find((r) => r.startsWith(`${formulaCode},`))).toContain(`,"'=HYPERLINK(""http://x"",""bấm"")",`);
    // No ISO time, status code, channel code or user id anywhere.
    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT\d\d|RECEIVED|,counter,|\bu-[a-z]/);
    await screenshot(page, 'g-1-export');
  });

  it('(h) a 200-character name wraps: the list and the dossier page stay within a 1280-px screen', async () => {
    const page = await signIn(stack.browser, stack.system, 'laocai.supervisor');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${baseUrl(stack.system)}/admin/#/dossiers`);
    const row = page.locator('tr', { hasText: longCode });
    await row.waitFor();
    expect(await row.textContent()).toContain(LONGER_NAME);
    expect(await noHorizontalScroll(page)).toBe(true);
    const table = await page.locator('table').first().boundingBox();
    expect(table!.x + table!.width).toBeLessThanOrEqual(1280);
    await screenshot(page, 'h-1-long-name-list');
    await row.click();
    await page.locator('[data-testid="dossier-code"]', { hasText: longCode }).waitFor();
    await page.getByText(LONGER_NAME).first().waitFor();
    expect(await noHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'h-2-long-name-dossier');
  });
});

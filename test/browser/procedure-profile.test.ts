import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { allProcedures, isCoded } from '../../procedures';
import { login } from '../support/system';
import { baseUrl, browserStack, screenshot, signIn } from './support';

/**
 * The administrator corrects Lào Cai's profile of a procedure on its page in the back office:
 * previewed, saved as a new version, shown in its history (docs/procedures.md). The correction is
 * undone through the API at the end, as the files after this one count the default profile.
 */
describe('the procedure’s profile in the back office', () => {
  const stack = browserStack();
  const p = allProcedures().filter((x) => !isCoded(x.code) && x.level === 'commune' && !x.portalIntegrated).at(-2)!;

  it('previews a correction, saves it as version 2 and lists it in the history', async () => {
    const page = await signIn(stack.browser, stack.system, 'admin', process.env.MOTCUA_ADMIN_PASSWORD ?? 'admin');
    await page.goto(`${baseUrl(stack.system)}/admin/#/procedures/${encodeURIComponent(p.code)}/show`);
    const panel = page.getByTestId('procedure-profile');
    await panel.getByText('Chỉ tại quầy').first().waitFor();
    await panel.getByTestId('edit-profile').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Mức độ trực tuyến' }).click();
    await page.getByRole('option', { name: 'Toàn trình' }).click();
    await dialog.getByLabel('Căn cứ, ghi chú').fill('Đã thanh toán trực tuyến');
    expect(await dialog.getByTestId('profile-confirm').isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Xem trước' }).click();
    const preview = dialog.getByTestId('profile-preview');
    await preview.getByText('Mức độ trực tuyến: Chỉ tại quầy → Toàn trình').waitFor();
    await preview.getByText('Quy tắc giải quyết không đổi.').waitFor();
    await screenshot(page, 'profile-1-preview');
    await dialog.getByTestId('profile-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    const rows = panel.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    await rows.first().getByText('Đã thanh toán trực tuyến').waitFor();
    await panel.getByText('(v2)').waitFor();
    await screenshot(page, 'profile-2-history');

    const token = await login(stack.system, 'admin', process.env.MOTCUA_ADMIN_PASSWORD ?? 'admin');
    const undo = await request(stack.system.server).post(`/api/procedures/${p.code}/profile`).set('Authorization', `Bearer ${token}`).send({ onlineLevel: 'counter', note: 'hoàn lại sau kiểm thử' });
    expect(undo.status).toBe(201);
  });
});

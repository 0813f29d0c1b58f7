import { describe, expect, it } from 'vitest';
import { baseUrl, browserStack, screenshot, signIn } from './support';

const ADMIN_PASSWORD = process.env.MOTCUA_ADMIN_PASSWORD ?? 'admin';

/** The API's field errors in any back-office form: on their field, in Vietnamese, Save still working. */
describe('a refused form in the back office', () => {
  const stack = browserStack();

  it("puts the API's field error on its field in Vietnamese, and saves once corrected", async () => {
    const admin = await signIn(stack.browser, stack.system, 'admin', ADMIN_PASSWORD);
    await admin.goto(`${baseUrl(stack.system)}/admin/#/users/create`);
    const username = admin.locator('input[name="username"]');
    await username.fill('lo thi mai');
    await admin.locator('input[name="fullName"]').fill('Lò Thị Mai');
    await admin.getByLabel('Vai trò').click();
    await admin.getByRole('option', { name: 'Chuyên viên' }).click();
    const agency = admin.getByRole('combobox', { name: 'Cơ quan', exact: true });
    await agency.click();
    await agency.pressSequentially('Bát Xát');
    await admin.getByRole('option', { name: /Bát Xát/ }).first().click();
    await admin.locator('input[name="password"]').fill('mat-khau-dai');
    let posts = 0;
    admin.on('request', (r) => void (r.method() === 'POST' && r.url().endsWith('/api/users') && posts++));
    await admin.getByRole('button', { name: 'Lưu' }).click();
    // zod's English pattern message, worded by its code; nothing raw, nothing "[object Object]".
    await admin.locator('.MuiFormHelperText-root.Mui-error', { hasText: 'Không đúng định dạng' }).waitFor();
    expect(await admin.getByText('[object Object]').count()).toBe(0);
    await screenshot(admin, 'f-1-user-form-refused');
    await username.fill(`lo.thi.mai.${Date.now()}`);
    await admin.getByRole('button', { name: 'Lưu' }).click();
    // Saved: back on the list, where the new officer is.
    await admin.locator('tr', { hasText: 'Lò Thị Mai' }).first().waitFor();
    expect(posts).toBe(2);
  });

  it('takes a day typed dd/mm/yyyy in the holidays form and lists it the same way', async () => {
    const admin = await signIn(stack.browser, stack.system, 'admin', ADMIN_PASSWORD);
    await admin.goto(`${baseUrl(stack.system)}/admin/#/holidays/create`);
    const day = admin.locator('input[name="date"]');
    await day.pressSequentially('02092031');
    expect(await day.inputValue()).toBe('02/09/2031');
    await admin.getByLabel('Loại').click();
    await admin.getByRole('option', { name: 'Ngày nghỉ' }).click();
    await admin.locator('input[name="note"]').fill('Nghỉ bù Quốc khánh (thử)');
    await admin.getByRole('button', { name: 'Lưu' }).click();
    await admin.locator('input[name="year"]').fill('2031');
    await admin.locator('tr', { hasText: 'Nghỉ bù Quốc khánh (thử)' }).getByText('02/09/2031').waitFor();
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, totp } from '../../api/totp/totp';
import { login } from '../support/system';
import { browserStack, createUser, screenshot, signIn } from './support';

const ADMIN_PASSWORD = process.env.MOTCUA_ADMIN_PASSWORD ?? 'admin';
const PASSWORD = 'Sông Hồng chảy mãi';

/**
 * Issue 15 §3: an officer turns on two-step verification in the back office (QR, first code,
 * recovery codes), and the sign-in form then asks for the code of the app.
 */
describe('officer TOTP in the back office', () => {
  const stack = browserStack();
  let username: string;

  beforeAll(async () => {
    const admin = await login(stack.system, 'admin', ADMIN_PASSWORD);
    username = `otp.${Date.now().toString(36)}`;
    await createUser(stack.system, admin, { username, password: PASSWORD, fullName: 'Cán Bộ Hai Lớp', role: 'specialist', agencyCode: '02647' });
  });

  it('enrols from the user menu, then signs in with the password and a code', async () => {
    const page = await signIn(stack.browser, stack.system, username, PASSWORD);
    await page.getByRole('button', { name: /Tài khoản/ }).click();
    await page.getByTestId('menu-security').click();
    await page.getByTestId('totp-status').getByText('Đang tắt', { exact: false }).waitFor();
    await page.getByTestId('totp-enrol').click();
    await page.getByRole('img', { name: 'Mã QR chứa khóa xác thực của tài khoản' }).waitFor();
    const secret = base32Decode((await page.getByTestId('totp-secret').textContent())!);
    await page.getByTestId('totp-activate-code').fill(totp(secret, Date.now()));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => page.getByTestId('totp-recovery-codes').locator('li').count()).toBe(10);
    await page.getByTestId('totp-status').getByText('Còn 10 mã dự phòng', { exact: false }).waitFor();
    await screenshot(page, 'totp-enrolled');

    await page.getByRole('button', { name: /Tài khoản/ }).click();
    await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    // The password was right: the form now asks for the code.
    const code = page.getByTestId('totp-code');
    await code.waitFor();
    await code.fill('000000');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Mã xác thực không đúng', { exact: false }).first().waitFor();
    await code.fill(totp(secret, Date.now() + 30_000));
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('whoami').getByText('Cán Bộ Hai Lớp', { exact: false }).waitFor();
    await page.context().close();
  });
});

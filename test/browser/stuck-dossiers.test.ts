import { eq } from 'drizzle-orm';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { dossiers } from '../../db/schema';
import { paymentSignal, syncedUpdate } from '../../workflows/messages';
import { login } from '../support/system';
import { browserStack, screenshot, signIn } from './support';

const applicant = { fullName: 'Giàng Thị Sua', idNumber: '010203008888', phone: '0911333444' };

/** The back office's stuck list and the administrator's repair (docs/operations.md, "Stuck dossiers"). */
describe('stuck dossiers in the back office', () => {
  const stack = browserStack();
  let code: string;

  beforeAll(async () => {
    const token = await login(stack.system, 'citizen');
    const { body: procedure } = await request(stack.system.server).get('/api/procedures/1.001193');
    const created = await request(stack.system.server)
      .post('/api/dossiers')
      .set('Authorization', `Bearer ${token}`)
      .send({ procedureCode: '1.001193', agencyCode: '02647', channel: 'online', applicant, form: procedure.example });
    expect(created.status).toBe(201);
    code = created.body.code;
    // Stuck on purpose: a payment notice PostgreSQL cannot store, signalled past the API's text rule.
    const handle = stack.system.temporal.workflow.getHandle(code);
    await handle.signal(paymentSignal, { transactionId: 'GW-\ud800-ui', amount: 1, paidAt: new Date().toISOString() });
    for (let i = 0; i < 200; i++) {
      await handle.executeUpdate(syncedUpdate);
      const [row] = await stack.system.dbh.db.select({ kind: dossiers.stuckKind }).from(dossiers).where(eq(dossiers.code, code));
      if (row?.kind === 'record-failed') break;
      await new Promise((r) => setTimeout(r, 50));
    }
  });

  it('a supervisor sees it listed, without a repair button', async () => {
    const page = await signIn(stack.browser, stack.system, 'laocai.supervisor');
    await page.getByRole('menuitem', { name: 'Hồ sơ bị kẹt' }).click();
    const row = page.getByTestId('stuck-list').locator('tr', { hasText: code });
    await row.waitFor();
    await row.getByText('Thay đổi không lưu được').waitFor();
    expect(await row.getByTestId('repair').count()).toBe(0);
    await screenshot(page, 'stuck-1-supervisor-list');
  });

  it('the administrator closes it with a reason; it leaves the list', async () => {
    const page = await signIn(stack.browser, stack.system, 'admin', process.env.MOTCUA_ADMIN_PASSWORD ?? 'admin');
    await page.getByRole('menuitem', { name: 'Hồ sơ bị kẹt' }).click();
    const row = page.getByTestId('stuck-list').locator('tr', { hasText: code });
    await row.getByTestId('repair').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('payment-received').waitFor();
    await dialog.locator('textarea[name="reason"]').fill('Giao dịch lỗi, ngân hàng sẽ gửi lại');
    await screenshot(page, 'stuck-2-repair-dialog');
    await dialog.locator('[data-mode="close"]').click();
    await page.getByText(`Đã xử lý hồ sơ ${code}`).waitFor();
    await row.waitFor({ state: 'detached' });
    const events = await request(stack.system.server).get(`/api/dossiers/${code}/events`).set('Authorization', `Bearer ${await login(stack.system, 'laocai.desk')}`);
    expect(events.body.at(-1)).toMatchObject({ type: 'repaired', actorRole: 'admin', data: { mode: 'close', reason: 'Giao dịch lỗi, ngân hàng sẽ gửi lại' } });
  });
});

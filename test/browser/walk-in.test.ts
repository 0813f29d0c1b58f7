import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { login } from '../support/system';
import { act, apiFromPage, baseUrl, browserStack, screenshot, signIn, statusIs } from './support';

/** Walk-ins and the forms in the back office (docs/forms.md), clicked through as the desk and the leader. */
describe('the desk records a walk-in; forms 05 and 06 in the back office', () => {
  const stack = browserStack();

  it('withdraws for an applicant without an account, with their reason, and the trail says it was at the desk', async () => {
    const { system, browser } = stack;
    const http = () => request(system.server);
    const token = await login(system, 'laocai.desk');
    const form = (await http().get('/api/procedures/1.013225')).body.example;
    const created = await http().post('/api/dossiers').set({ Authorization: `Bearer ${token}` })
      .send({ procedureCode: '1.013225', agencyCode: '02647', applicant: { fullName: 'Lò Văn Pọm', idNumber: '010203007788', phone: '0911000111' }, form });
    const code = created.body.code as string;

    const desk = await signIn(browser, system, 'laocai.desk');
    await desk.goto(`${baseUrl(system)}/admin/#/dossiers/${encodeURIComponent(code)}/show`);
    await statusIs(desk, 'RECEIVED');
    await desk.locator('[data-document="control"]').waitFor();
    const button = desk.locator('[data-testid="dossier-actions"] [data-action="withdraw"]');
    expect(await button.textContent()).toBe('Ghi nhận rút hồ sơ tại quầy');
    await act(desk, 'withdraw', (d) => d.getByLabel('Lý do người nộp hồ sơ nêu').fill('Gia đình không còn nhu cầu'));
    await statusIs(desk, 'WITHDRAWN');
    const event = desk.getByTestId('timeline').locator('[data-event="withdraw"]');
    await event.waitFor();
    expect(await event.textContent()).toContain('Gia đình không còn nhu cầu — ghi nhận tại quầy');
    await screenshot(desk, 'walk-in-withdrawn');
  });

  it('offers the leader the register of their agency, as PDF', async () => {
    const { system, browser } = stack;
    const leader = await signIn(browser, system, 'laocai.leader');
    await leader.goto(`${baseUrl(system)}/admin/#/dossiers`);
    await leader.getByTestId('register-export').waitFor();
    expect(await leader.getByTestId('register-export').textContent()).toContain('Sổ theo dõi hồ sơ (PDF)');
    const pdf = await apiFromPage(leader, '/registers/dossiers');
    expect(pdf).toMatchObject({ status: 200, type: 'application/pdf' });
  });
});

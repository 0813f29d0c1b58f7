import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { loadCalendarOverrides } from '../../activities/calendar-overrides';
import { createCalendar, dueAt } from '../../domain/calendar';
import { login, signedInStack } from '../support/system';

/**
 * Permanent residence (1.004222) from version 3 is decided by the commune police (Law on Residence
 * 2020 art. 22; api/deciding-agency.ts): filed at a commune, the dossier is received, charged (at
 * filing, before review), decided and handed over by that commune's police unit, `<commune>-CA`.
 */
describe('permanent residence at the commune police', () => {
  const stack = signedInStack(['citizen', 'laocai.desk', 'batxat.desk', 'laocai.ca.desk', 'laocai.ca.specialist', 'laocai.ca.leader', 'laocai.supervisor']);
  const as = stack.as;
  const http = () => request(stack.system.server);
  const applicant = { fullName: 'Vàng Thị Mỷ', idNumber: '010203006677', phone: '0915123456' };
  const file = async (user: string, channel?: 'online' | 'counter') => {
    const form = (await http().get('/api/procedures/1.004222')).body.example;
    return http().post('/api/dossiers').set(as(user)).send({ procedureCode: '1.004222', agencyCode: '02647', applicant, form, ...(channel ? { channel } : {}) });
  };
  const act = (user: string, code: string, action: string, body: object = {}) => http().post(`/api/dossiers/${code}/actions/${action}`).set(as(user)).send(body);
  const due7 = async (at: number) => dueAt(at, { kind: 'working-days', amount: 7 }, createCalendar(await loadCalendarOverrides(stack.system.dbh.db)));

  it('places a dossier filed online at the commune with its police unit, which receives it and takes the fee first', async () => {
    const created = await file('citizen');
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const code = created.body.code as string;
    // The code stays the commune's (the national format); the police unit holds and receives it.
    expect(code).toMatch(/^02647-\d{6}-\d{4}$/);
    expect(created.body).toMatchObject({ procedureVersion: 3, agencyCode: '02647-CA', receivingAgencyCode: '02647-CA', fee: 10_000, status: 'SUBMITTED' });

    // The commune's one-stop desk neither sees nor acts on it; the commune's supervisor oversees it.
    expect((await http().get(`/api/dossiers/${code}`).set(as('laocai.desk'))).status).toBe(404);
    expect((await act('laocai.desk', code, 'receive')).status).toBe(404);
    expect((await http().get(`/api/dossiers/${code}`).set(as('laocai.supervisor'))).status).toBe(200);

    const received = await act('laocai.ca.desk', code, 'receive');
    expect(received.body).toMatchObject({ status: 'AWAITING_PAYMENT', dueAt: null });
    // No review before the fee.
    expect((await act('laocai.ca.desk', code, 'assign', { assigneeId: 'u-laocai.ca.specialist' })).status).toBe(409);
  });

  it('runs a counter dossier at the police desk: fee, 7 working days from the payment, review, decision, hand-over', async () => {
    const created = await file('laocai.ca.desk');
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const code = created.body.code as string;
    expect(created.body).toMatchObject({ channel: 'counter', agencyCode: '02647-CA', status: 'AWAITING_PAYMENT', fee: 20_000 });

    const before = Date.now();
    const paid = await act('laocai.ca.desk', code, 'record-payment', { amount: 20_000, receiptNo: 'CA-0001' });
    const after = Date.now();
    expect(paid.body).toMatchObject({ status: 'RECEIVED', paid: true });
    // As the law counts it (working-days): 17:00 of the 7th working day after the day the clock started.
    const dueMs = Date.parse(paid.body.dueAt);
    expect([await due7(before), await due7(after)]).toContain(dueMs);

    expect((await act('laocai.ca.leader', code, 'assign', { assigneeId: 'u-laocai.ca.specialist' })).body.status).toBe('IN_REVIEW');
    expect((await act('laocai.ca.specialist', code, 'verify', { note: 'Chỗ ở hợp pháp, đủ điều kiện' })).body.status).toBe('AWAITING_APPROVAL');
    expect((await act('laocai.ca.leader', code, 'approve', { note: 'Đã cập nhật vào Cơ sở dữ liệu về cư trú' })).body.status).toBe('RESULT_READY');
    expect((await act('laocai.ca.desk', code, 'deliver', { method: 'desk' })).body).toMatchObject({ status: 'DELIVERED', timeliness: 'early' });
  });

  it("leaves the counter to the police desk: not the commune's one-stop desk, nor another commune's", async () => {
    const own = await file('laocai.desk');
    expect(own.status).toBe(403);
    expect(own.body.detail).toMatch(/02647-CA/);
    expect((await file('batxat.desk')).status).toBe(403);
  });

  it('keeps a police unit under its commune in the agency tree', async () => {
    const admin = { Authorization: `Bearer ${await login(stack.system, 'admin', process.env.MOTCUA_ADMIN_PASSWORD ?? 'admin')}` };
    const listed = await http().get('/api/agencies/02683-CA').set(admin);
    expect(listed.body).toMatchObject({ kind: 'police', parentCode: '02683', name: 'Công an xã Bát Xát' });
    const misplaced = await http().post('/api/agencies').set(admin).send({ code: 'H38-CA-TEST', name: 'Công an thử', kind: 'police', parentCode: 'H38' });
    expect(misplaced.status).toBe(400);
    expect(misplaced.body.detail).toMatch(/not a commune/);
  });
});

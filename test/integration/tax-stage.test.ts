import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { dossierResponse } from '../../api/openapi-responses';
import { fileExample, signedInStack } from '../support/system';

const applicant = { fullName: 'Hà Văn Tú', idNumber: '010203661104', phone: '0911000223' };

/**
 * The tax stage through HTTP on a land transfer (1.013831, version 2): received at the commune,
 * forwarded to the land office, examined, the slip sent to the tax office (the clock paused), the
 * notice and the receipt recorded (the clock resumes), approved; each step refused where it does
 * not belong, and the dossier's tax view and trail saying what happened.
 */
describe('the tax stage driven through HTTP', () => {
  const stack = signedInStack(['batxat.desk', 'snnmt.desk', 'snnmt.specialist', 'snnmt.leader']);
  const { as } = stack;

  it('pauses the land office’s clock from the slip to the receipt and shows what was not counted', async () => {
    const created = await fileExample(stack.system, as('batxat.desk'), { procedureCode: '1.013831', agencyCode: '02683', channel: 'counter', applicant });
    const code = created.code;
    expect(created.procedureVersion).toBe(2);
    const act = (user: string, action: string, body: object = {}) =>
      request(stack.system.server).post(`/api/dossiers/${code}/actions/${action}`).set(as(user)).send(body);

    expect((await act('batxat.desk', 'forward', { agencyCode: 'H38.SNNMT' })).status).toBe(200);
    expect((await act('snnmt.leader', 'assign', { assigneeId: 'u-snnmt.specialist' })).status).toBe(200);
    const examined = await act('snnmt.specialist', 'verify');
    expect(examined.status).toBe(200);
    expect(examined.body).toMatchObject({ status: 'IN_REVIEW', tax: { sentAt: null, pausedSince: null, excludedWorkingMinutes: 0 } });
    expect(examined.body.allowedActions).toEqual(expect.arrayContaining(['send-to-tax']));
    expect(examined.body.allowedActions).not.toContain('approve');

    // Nothing to record before the slip has gone out; only the land office's specialist sends it.
    const early = await act('snnmt.desk', 'record-tax-payment', { receiptNo: 'CT-1' });
    expect([early.status, early.body.detail]).toEqual([409, 'send the information to the tax office first']);
    expect((await act('snnmt.desk', 'send-to-tax', { slipNo: 'PCTT-1' })).status).toBe(403);
    expect((await act('snnmt.specialist', 'send-to-tax', {})).status).toBe(400);

    const sent = await act('snnmt.specialist', 'send-to-tax', { slipNo: 'PCTT-2026-000123', note: 'Mẫu số 19' });
    expect(sent.status).toBe(200);
    expect(sent.body.tax).toMatchObject({ slipNo: 'PCTT-2026-000123', settledAt: null });
    expect(sent.body.tax.pausedSince).toBe(sent.body.tax.sentAt);
    expect((await act('snnmt.specialist', 'send-to-tax', { slipNo: 'PCTT-again' })).status).toBe(409);

    // A receipt answers a notice: not before one; and a proof is a receipt or an exemption, not both.
    const noNotice = await act('snnmt.desk', 'record-tax-payment', { receiptNo: 'CT-1' });
    expect([noNotice.status, noNotice.body.detail]).toEqual([422, "record the tax office's notice before the receipt"]);
    expect((await act('snnmt.desk', 'record-tax-payment', { receiptNo: 'CT-1', exemption: 'hộ nghèo' })).status).toBe(400);
    expect((await act('snnmt.desk', 'record-tax-notice', { noticeNo: 'TB-2026-004567', amount: -1 })).status).toBe(400);
    const noticed = await act('snnmt.desk', 'record-tax-notice', { noticeNo: 'TB-2026-004567', amount: 12_500_000 });
    expect(noticed.status).toBe(200);
    expect(noticed.body.tax).toMatchObject({ noticeNo: 'TB-2026-004567', amount: 12_500_000 });
    expect((await act('snnmt.desk', 'record-tax-notice', { noticeNo: 'TB-2', amount: 1 })).status).toBe(409);

    const dueWhilePaused = Date.parse(noticed.body.dueAt);
    const paid = await act('snnmt.desk', 'record-tax-payment', { receiptNo: 'CT-2026-008910' });
    expect(paid.status).toBe(200);
    expect(paid.body.status).toBe('AWAITING_APPROVAL');
    expect(paid.body.tax).toMatchObject({ receiptNo: 'CT-2026-008910', exemption: null, pausedSince: null });
    expect(paid.body.tax.settledAt).not.toBeNull();
    // The due date moved on by the working time waited (seconds here, counted in whole minutes; exactness: tax.property.test.ts).
    expect(paid.body.tax.excludedWorkingDays).toBe(Math.round((paid.body.tax.excludedWorkingMinutes / 480) * 100) / 100);
    const moved = Date.parse(paid.body.dueAt) - dueWhilePaused;
    if (paid.body.tax.excludedWorkingMinutes === 0) expect(moved).toBe(0);
    else expect(moved).toBeGreaterThan(0);
    expect((await act('snnmt.desk', 'record-tax-payment', { receiptNo: 'CT-again' })).status).toBe(409);
    // The API contract (the fuzz suite's schema) holds the tax view, waiting and settled.
    for (const body of [examined.body, sent.body, paid.body]) expect(dossierResponse.safeParse(body).error).toBeUndefined();

    expect((await act('snnmt.leader', 'approve')).body.status).toBe('RESULT_READY');
    const events = await request(stack.system.server).get(`/api/dossiers/${code}/events`).set(as('snnmt.leader'));
    expect(events.body.map((e: { type: string }) => e.type)).toEqual([
      'submit', 'forward', 'assign', 'verify', 'send-to-tax', 'record-tax-notice', 'record-tax-payment', 'approve',
    ]);
    const trail = events.body as { type: string; data: Record<string, unknown> }[];
    expect(trail.find((e) => e.type === 'record-tax-notice')!.data).toEqual({ noticeNo: 'TB-2026-004567', amount: 12_500_000 });
  });

  it('refuses the tax steps on a procedure without a tax stage', async () => {
    const created = await request(stack.system.server)
      .post('/api/dossiers')
      .set(as('batxat.desk'))
      .send({ procedureCode: '1.001193', agencyCode: '02683', channel: 'counter', applicant, form: (await request(stack.system.server).get('/api/procedures/1.001193')).body.example });
    const refused = await request(stack.system.server).post(`/api/dossiers/${created.body.code}/actions/send-to-tax`).set(as('batxat.desk')).send({ slipNo: 'PCTT-1' });
    expect([refused.status, refused.body.detail]).toEqual([409, 'this procedure has no financial obligations to fulfil through the tax office']);
  });
});

import { describe, expect, it } from 'vitest';
import type { DossierEvent } from './state';
import { pay } from './reduce';
import {
  COMMUNE,
  DAY,
  DEPARTMENT,
  Dossier,
  HOUR,
  NOW,
  calendar,
  citizen,
  ctxAt,
  desk,
  feeProcedure,
  hanoi,
  leader,
  payFirstProcedure,
  provinceProcedure,
  specialist,
  stpDesk,
  stpLeader,
  stpSpecialist,
} from './test-fixtures';

/** Every event follows the one before it: seq 1, 2, 3… and each starts where the last ended. */
function expectChained(events: DossierEvent[]) {
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  expect(events[0]?.fromStatus).toBeNull();
  for (let i = 1; i < events.length; i++) expect(events[i]!.fromStatus).toBe(events[i - 1]!.toStatus);
}

describe('submit', () => {
  it('leaves an online dossier SUBMITTED, with no clock and the online fee', () => {
    const d = Dossier.start(feeProcedure, 'citizen');
    expect(d.state).toMatchObject({
      status: 'SUBMITTED',
      channel: 'online',
      agencyCode: COMMUNE,
      receivingAgencyCode: COMMUNE,
      submittedAt: NOW,
      receivedAt: null,
      dueAt: null,
      fee: 25_000,
      seq: 1,
    });
    expect(d.events).toEqual([
      { seq: 1, type: 'submit', actor: citizen, at: NOW, fromStatus: null, toStatus: 'SUBMITTED', agencyCode: COMMUNE, data: { channel: 'online' } },
    ]);
  });

  it('receives a counter dossier at once, due N working days from reception', () => {
    const d = Dossier.start(feeProcedure, 'counter');
    const due = calendar.addWorkingDays(calendar.receptionStart(NOW), feeProcedure.deadline.workingDays!);
    expect(d.state).toMatchObject({ status: 'RECEIVED', receivedAt: NOW, clockStartAt: NOW, dueAt: due, stageDueAt: due, fee: 50_000 });
    expect(due).toBe(hanoi('2026-12-02 09:00'));
    expect(d.events[0]).toMatchObject({ seq: 1, type: 'submit', fromStatus: null, toStatus: 'RECEIVED', actor: desk });
  });

  it('starts the clock on the next working day for a dossier received after 15:00', () => {
    const late = hanoi('2026-11-27 15:30'); // a Friday
    const d = Dossier.start(feeProcedure, 'counter', late);
    expect(d.state.clockStartAt).toBe(hanoi('2026-11-30 07:00'));
    expect(d.state.dueAt).toBe(calendar.addWorkingDays(hanoi('2026-11-30 07:00'), 7));
  });
});

describe('a commune dossier with a fee paid after review', () => {
  it('goes from submission to delivery, and takes a rating once', () => {
    const d = Dossier.start(feeProcedure, 'citizen');
    d.act(desk, { action: 'receive', body: {} }, NOW + HOUR);
    expect(d.state).toMatchObject({ status: 'RECEIVED', receivedAt: NOW + HOUR, dueAt: calendar.addWorkingDays(NOW + HOUR, 7) });

    d.act(leader, { action: 'assign', body: { assigneeId: specialist.id } }, NOW + 2 * HOUR);
    expect(d.state).toMatchObject({ status: 'IN_REVIEW', assigneeId: specialist.id });

    const verifiedAt = NOW + DAY;
    d.act(specialist, { action: 'verify', body: { note: 'đủ hồ sơ' } }, verifiedAt);
    expect(d.state).toMatchObject({
      status: 'AWAITING_PAYMENT',
      verified: true,
      paymentDueAt: calendar.addWorkingDays(calendar.receptionStart(verifiedAt), 5),
    });

    expect(d.refuse(desk, { action: 'record-payment', body: { amount: 50_000, receiptNo: 'BL-1' } }, verifiedAt + HOUR)).toEqual({
      code: 'rule',
      reason: 'the fee is 25000 VND, not 50000 VND',
    });
    d.act(desk, { action: 'record-payment', body: { amount: 25_000, receiptNo: 'BL-1' } }, verifiedAt + HOUR);
    expect(d.state).toMatchObject({ status: 'AWAITING_APPROVAL', paid: true, paymentDueAt: null });

    d.act(leader, { action: 'approve', body: {} }, verifiedAt + 2 * HOUR);
    expect(d.state.status).toBe('RESULT_READY');

    const deliveredAt = verifiedAt + 3 * HOUR;
    d.act(desk, { action: 'deliver', body: { method: 'desk' } }, deliveredAt);
    expect(d.state).toMatchObject({ status: 'DELIVERED', finishedAt: deliveredAt });
    expect(d.state.shares).toEqual([{ agencyCode: COMMUNE, enteredAt: NOW, leftAt: deliveredAt, dueAt: d.state.dueAt }]);

    d.act(citizen, { action: 'rate', body: { score: 5, comment: 'nhanh' } }, deliveredAt + DAY);
    expect(d.state).toMatchObject({ status: 'DELIVERED', rating: { score: 5, comment: 'nhanh' } });
    expect(d.refuse(citizen, { action: 'rate', body: { score: 1 } }, deliveredAt + 2 * DAY).reason).toBe(
      'the service has already been rated',
    );

    expect(d.events.map((e) => [e.type, e.toStatus])).toEqual([
      ['submit', 'SUBMITTED'],
      ['receive', 'RECEIVED'],
      ['assign', 'IN_REVIEW'],
      ['verify', 'AWAITING_PAYMENT'],
      ['record-payment', 'AWAITING_APPROVAL'],
      ['approve', 'RESULT_READY'],
      ['deliver', 'DELIVERED'],
      ['rate', 'DELIVERED'],
    ]);
    expectChained(d.events);
  });

  it('cannot be withdrawn once examined and awaiting the fee', () => {
    const d = Dossier.start(feeProcedure, 'counter');
    d.act(leader, { action: 'assign', body: { assigneeId: specialist.id } }, NOW);
    d.act(specialist, { action: 'verify', body: {} }, NOW);
    expect(d.refuse(citizen, { action: 'withdraw', body: {} }, NOW).reason).toBe(
      'the dossier has been examined; it cannot be withdrawn now',
    );
  });

  it('records a gateway payment through pay(), refusing a wrong amount as a rule', () => {
    const d = Dossier.start(feeProcedure, 'counter');
    d.act(leader, { action: 'assign', body: { assigneeId: specialist.id } }, NOW);
    d.act(specialist, { action: 'verify', body: {} }, NOW);
    expect(pay(d.state, 49_999, ctxAt(feeProcedure, NOW))).toEqual({ code: 'rule', reason: 'the fee is 50000 VND, not 49999 VND' });
    expect(pay(d.state, 50_000, ctxAt(feeProcedure, NOW))).toMatchObject({ status: 'AWAITING_APPROVAL', paid: true });
  });

  it('does not count the wait for the fee against the office: due times move on by that working time', () => {
    const d = Dossier.start(feeProcedure, 'counter');
    const due = d.state.dueAt!;
    d.act(leader, { action: 'assign', body: { assigneeId: specialist.id } }, NOW);
    d.act(specialist, { action: 'verify', body: {} }, NOW + HOUR);
    const paidAt = calendar.addWorkingDays(NOW + HOUR, 2);
    const paid = pay(d.state, 50_000, ctxAt(feeProcedure, paidAt));
    expect(paid).toMatchObject({ status: 'AWAITING_APPROVAL', dueAt: calendar.addWorkingDays(due, 2), paymentRequestedAt: null });
    // Paid at once: nothing moves.
    expect(pay(d.state, 50_000, ctxAt(feeProcedure, NOW + HOUR))).toMatchObject({ dueAt: due });
  });
});

describe('a dossier whose fee is paid before review', () => {
  it('waits for payment on reception, then starts the clock from the payment', () => {
    const d = Dossier.start(payFirstProcedure, 'counter');
    expect(d.state).toMatchObject({
      status: 'AWAITING_PAYMENT',
      dueAt: null,
      paymentDueAt: calendar.addWorkingDays(NOW, 2),
    });
    expect(d.refuse(leader, { action: 'extend', body: { newDueAt: '2026-12-31T09:00:00+07:00', reason: 'trễ hạn' } }, NOW).code).toBe(
      'illegal-transition',
    );

    const paidAt = NOW + DAY;
    d.act(desk, { action: 'record-payment', body: { amount: 20_000, receiptNo: 'BL-2' } }, paidAt);
    expect(d.state).toMatchObject({ status: 'RECEIVED', paid: true, clockStartAt: paidAt, dueAt: calendar.addWorkingDays(paidAt, 3) });

    d.act(leader, { action: 'assign', body: { assigneeId: specialist.id } }, paidAt);
    d.act(specialist, { action: 'verify', body: {} }, paidAt);
    expect(d.state.status).toBe('AWAITING_APPROVAL');
    expectChained(d.events);
  });

  it('may be withdrawn while the fee is unpaid', () => {
    const d = Dossier.start(payFirstProcedure, 'counter');
    d.act(citizen, { action: 'withdraw', body: { reason: 'đổi ý' } }, NOW + HOUR);
    expect(d.state).toMatchObject({ status: 'WITHDRAWN', finishedAt: NOW + HOUR });
  });
});

describe('supplement', () => {
  const inReview = () => {
    const d = Dossier.start(feeProcedure, 'counter');
    d.act(leader, { action: 'assign', body: { assigneeId: specialist.id } }, NOW);
    return d;
  };

  it('may be requested once; the clock stops; the deadline restarts in full from the day it comes back', () => {
    const d = inReview();
    const firstDue = d.state.dueAt;
    d.act(specialist, { action: 'request-supplement', body: { missing: ['bản sao CCCD', 'tờ khai có chữ ký'] } }, NOW + HOUR);
    expect(d.state).toMatchObject({
      status: 'NEEDS_SUPPLEMENT',
      supplementRequested: true,
      missing: ['bản sao CCCD', 'tờ khai có chữ ký'],
      supplementDueAt: calendar.addWorkingDays(NOW + HOUR, 10),
      dueAt: firstDue,
    });

    const back = NOW + 3 * DAY; // Thursday 09:00
    d.act(citizen, { action: 'supplement', body: { attachments: [{ id: 'f1', name: 'cccd.pdf' }] } }, back);
    const freshDue = calendar.addWorkingDays(calendar.receptionStart(back), feeProcedure.deadline.workingDays!);
    expect(d.state).toMatchObject({ status: 'IN_REVIEW', clockStartAt: back, dueAt: freshDue, missing: [], supplementDueAt: null });
    expect(freshDue).toBe(hanoi('2026-12-07 09:00'));

    expect(d.refuse(specialist, { action: 'request-supplement', body: { missing: ['ảnh'] } }, back + HOUR)).toEqual({
      code: 'illegal-transition',
      reason: 'a supplement may be requested only once per dossier',
    });
    expectChained(d.events);
  });

  it('can be brought back by the desk officer for a citizen at the counter', () => {
    const d = inReview();
    d.act(specialist, { action: 'request-supplement', body: { missing: ['ảnh'] } }, NOW);
    d.act(desk, { action: 'supplement', body: {} }, NOW + DAY);
    expect(d.state.status).toBe('IN_REVIEW');
  });
});

describe('hand-off to a province department (liên thông)', () => {
  it('forwards, lets the department decide within its share, returns the result and delivers at the commune', () => {
    const d = Dossier.start(provinceProcedure, 'counter');
    const dueAt = calendar.addWorkingDays(NOW, 5);
    expect(d.state).toMatchObject({ status: 'RECEIVED', dueAt, stageDueAt: calendar.addWorkingDays(NOW, 2) });

    expect(d.refuse(desk, { action: 'forward', body: { agencyCode: COMMUNE } }, NOW).code).toBe('rule');

    const forwardedAt = NOW + HOUR;
    d.act(desk, { action: 'forward', body: { agencyCode: DEPARTMENT, note: 'chuyển Sở Tư pháp' } }, forwardedAt);
    const stpDue = calendar.addWorkingDays(calendar.receptionStart(forwardedAt), 3);
    expect(stpDue).toBe(hanoi('2026-11-26 10:00'));
    expect(d.state).toMatchObject({ status: 'RECEIVED', agencyCode: DEPARTMENT, forwarded: true, assigneeId: null, stageDueAt: stpDue, dueAt });

    d.act(stpLeader, { action: 'assign', body: { assigneeId: stpSpecialist.id } }, forwardedAt + HOUR);
    d.act(stpSpecialist, { action: 'verify', body: {} }, forwardedAt + DAY);
    expect(d.state.status).toBe('AWAITING_APPROVAL');
    d.act(stpLeader, { action: 'approve', body: {} }, forwardedAt + DAY + HOUR);
    expect(d.state).toMatchObject({ status: 'RESULT_READY', agencyCode: DEPARTMENT });

    expect(d.refuse(stpDesk, { action: 'deliver', body: { method: 'desk' } }, forwardedAt + DAY + HOUR).reason).toBe(
      'only the receiving agency can do this',
    );
    const returnedAt = forwardedAt + DAY + 2 * HOUR;
    d.act(stpDesk, { action: 'return', body: {} }, returnedAt);
    expect(d.state).toMatchObject({ status: 'RESULT_READY', agencyCode: COMMUNE, stageDueAt: dueAt });
    expect(d.refuse(desk, { action: 'return', body: {} }, returnedAt).reason).toBe('the result is already at the receiving agency');

    const deliveredAt = returnedAt + HOUR;
    d.act(desk, { action: 'deliver', body: { method: 'online' } }, deliveredAt);
    expect(d.state.status).toBe('DELIVERED');
    expect(d.state.shares).toEqual([
      { agencyCode: COMMUNE, enteredAt: NOW, leftAt: forwardedAt, dueAt: calendar.addWorkingDays(NOW, 2) },
      { agencyCode: DEPARTMENT, enteredAt: forwardedAt, leftAt: returnedAt, dueAt: stpDue },
      { agencyCode: COMMUNE, enteredAt: returnedAt, leftAt: deliveredAt, dueAt },
    ]);
    expect(d.events.map((e) => [e.type, e.agencyCode])).toEqual([
      ['submit', COMMUNE],
      ['forward', DEPARTMENT],
      ['assign', DEPARTMENT],
      ['verify', DEPARTMENT],
      ['approve', DEPARTMENT],
      ['return', COMMUNE],
      ['deliver', COMMUNE],
    ]);
    expectChained(d.events);
  });

  it('restarts the department share, not the commune one, after a supplement at the department', () => {
    const d = Dossier.start(provinceProcedure, 'counter');
    d.act(desk, { action: 'forward', body: { agencyCode: DEPARTMENT } }, NOW);
    d.act(stpLeader, { action: 'assign', body: { assigneeId: stpSpecialist.id } }, NOW);
    d.act(stpSpecialist, { action: 'request-supplement', body: { missing: ['bản chính'] } }, NOW);
    const back = NOW + 7 * DAY;
    d.act(stpDesk, { action: 'supplement', body: {} }, back);
    expect(d.state).toMatchObject({ dueAt: calendar.addWorkingDays(back, 5), stageDueAt: calendar.addWorkingDays(back, 3) });
    expect(d.state.shares.at(-1)).toEqual({ agencyCode: DEPARTMENT, enteredAt: NOW, leftAt: null, dueAt: calendar.addWorkingDays(back, 3) });
  });
});

describe('extend (apology slip, form 04)', () => {
  it('moves the appointment only to a later date, and only once', () => {
    const d = Dossier.start(feeProcedure, 'counter');
    const dueAt = d.state.dueAt!;
    const earlier = new Date(dueAt - DAY).toISOString();
    expect(d.refuse(leader, { action: 'extend', body: { newDueAt: earlier, reason: 'cần xác minh' } }, NOW)).toEqual({
      code: 'rule',
      reason: 'the new appointment must be later than the current one',
    });
    const same = new Date(dueAt).toISOString();
    expect(d.refuse(leader, { action: 'extend', body: { newDueAt: same, reason: 'cần xác minh' } }, NOW).code).toBe('rule');

    d.act(leader, { action: 'extend', body: { newDueAt: '2026-12-09T17:00:00+07:00', reason: 'cần xác minh thực địa' } }, NOW + HOUR);
    expect(d.state).toMatchObject({ dueAt: hanoi('2026-12-09 17:00'), extended: true });

    expect(d.refuse(leader, { action: 'extend', body: { newDueAt: '2026-12-16T17:00:00+07:00', reason: 'lần nữa' } }, NOW + 2 * HOUR)).toEqual({
      code: 'illegal-transition',
      reason: 'the appointment date may be reset only once',
    });
  });
});

describe('terminal outcomes', () => {
  it('not-accept, reject and withdraw close the dossier with the time it closed', () => {
    const a = Dossier.start(feeProcedure, 'citizen');
    a.act(desk, { action: 'not-accept', body: { reason: 'không thuộc thẩm quyền' } }, NOW + HOUR);
    expect(a.state).toMatchObject({ status: 'NOT_ACCEPTED', finishedAt: NOW + HOUR });

    const b = Dossier.start(feeProcedure, 'counter');
    b.act(leader, { action: 'assign', body: { assigneeId: specialist.id } }, NOW);
    b.act(leader, { action: 'reject', body: { reason: 'không đủ điều kiện' } }, NOW + DAY);
    expect(b.state).toMatchObject({ status: 'REJECTED', finishedAt: NOW + DAY });
    expect(b.state.shares.every((s) => s.leftAt === NOW + DAY)).toBe(true);
    expectChained(b.events);
  });
});

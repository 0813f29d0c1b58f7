import { describe, expect, it } from 'vitest';
import { CLOCK_RUNNING } from '../status';
import { decide, submit, type Ctx } from './reduce';
import { classify } from './timeliness';
import { fireTimer, pendingTimers } from './timers';
import { COMMUNE, Dossier, HOUR, NOW, calendar, citizen, ctxAt, desk, feeProcedure, hanoi, leader, specialist } from './test-fixtures';

/** The fee procedure (7 working days) at the counter: received Mon 23 Nov 09:00, due Wed 2 Dec 09:00. */
const DUE = hanoi('2026-12-02 09:00');

/** Receives at the counter and takes the dossier up to AWAITING_APPROVAL, the fee paid at once. */
function awaitingApproval(verifyAt = NOW + HOUR) {
  const d = Dossier.start(feeProcedure, 'counter');
  d.act(leader, { action: 'assign', body: { assigneeId: specialist.id } }, NOW);
  d.act(specialist, { action: 'verify', body: {} }, verifyAt);
  d.act(desk, { action: 'record-payment', body: { amount: 50_000, receiptNo: 'BL-1' } }, verifyAt);
  return d;
}
const extendBody = (newDueAt: string) => ({ action: 'extend' as const, body: { newDueAt, reason: 'cần xác minh thực địa' } });

describe('the original due date', () => {
  it('is kept when the clock starts, and an apology moves only the appointment', () => {
    const d = awaitingApproval();
    expect(d.state).toMatchObject({ dueAt: DUE, originalDueAt: DUE });
    d.act(leader, extendBody('2026-12-09T17:00:00+07:00'), hanoi('2026-11-27 10:00'));
    expect(d.state).toMatchObject({ dueAt: hanoi('2026-12-09 17:00'), originalDueAt: DUE, extended: true });
  });

  it('moves with the citizen’s wait for the fee, as the appointment does', () => {
    const d = Dossier.start(feeProcedure, 'counter');
    d.act(leader, { action: 'assign', body: { assigneeId: specialist.id } }, NOW);
    d.act(specialist, { action: 'verify', body: {} }, NOW + HOUR);
    // Paid a whole working day later (Tue 10:00): both due dates move on by 8 working hours.
    d.act(desk, { action: 'record-payment', body: { amount: 50_000, receiptNo: 'BL-1' } }, NOW + 25 * HOUR);
    expect(d.state.dueAt).toBe(hanoi('2026-12-03 09:00'));
    expect(d.state.originalDueAt).toBe(d.state.dueAt);
  });
});

describe('the clock stops when the result is ready', () => {
  it.each([
    ['early', hanoi('2026-11-30 16:00')],
    ['early', hanoi('2026-12-01 09:00')],
    ['on-time', hanoi('2026-12-01 09:01')],
    ['on-time', DUE],
    ['late', DUE + 60_000],
  ])('classifies a result ready %s (at %s)', (timeliness, at) => {
    const d = awaitingApproval();
    d.act(leader, { action: 'approve', body: {} }, at);
    expect(d.state).toMatchObject({ status: 'RESULT_READY', resultReadyAt: at, timeliness });
  });

  it('keeps the class while the result waits to be collected, and sets no more reminders or escalation', () => {
    const d = awaitingApproval();
    d.act(leader, { action: 'approve', body: {} }, hanoi('2026-11-30 16:00'));
    expect(pendingTimers(d.state, feeProcedure, calendar)).toEqual([]);
    expect(CLOCK_RUNNING.has('RESULT_READY')).toBe(false);
    d.act(desk, { action: 'deliver', body: { method: 'desk' } }, DUE + 10 * 24 * HOUR);
    expect(d.state).toMatchObject({ status: 'DELIVERED', resultReadyAt: hanoi('2026-11-30 16:00'), timeliness: 'early' });
  });

  it('classifies a late dossier as late even after an apology moved its appointment', () => {
    const d = awaitingApproval();
    d.act(leader, extendBody('2026-12-09T17:00:00+07:00'), hanoi('2026-11-30 10:00'));
    // Ready before the new appointment, after the original due date.
    d.act(leader, { action: 'approve', body: {} }, hanoi('2026-12-04 10:00'));
    expect(d.state).toMatchObject({ dueAt: hanoi('2026-12-09 17:00'), timeliness: 'late' });
  });

  it('does not classify refused dossiers', () => {
    const d = Dossier.start(feeProcedure, 'counter');
    d.act(leader, { action: 'assign', body: { assigneeId: specialist.id } }, NOW);
    d.act(leader, { action: 'reject', body: { reason: 'không đủ điều kiện' } }, DUE + HOUR);
    expect(d.state.timeliness).toBeUndefined();
    expect(d.state.resultReadyAt).toBeUndefined();
  });

  it('has no class without a due date', () => {
    expect(classify(NOW, null, calendar)).toBeNull();
  });

  it('keeps the old behaviour for dossiers in flight (patch off): no stamp, the escalation still pending', () => {
    const d = awaitingApproval();
    const ctx: Ctx = { ...ctxAt(feeProcedure, hanoi('2026-11-30 16:00')), patches: { clockStopsAtResult: false } };
    const r = decide(d.state, leader, { action: 'approve', body: {} }, ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.resultReadyAt).toBeUndefined();
    expect(pendingTimers(r.state, feeProcedure, calendar).map((t) => t.kind)).toContain('escalation');
  });
});

describe('the apology (extend)', () => {
  it('is refused less than one working day before the due date, and once the dossier is late', () => {
    const d = awaitingApproval();
    const tooLate = { code: 'rule', reason: expect.stringMatching(/at least one working day before the due date/) };
    expect(d.refuse(leader, extendBody('2026-12-09T17:00:00+07:00'), hanoi('2026-12-01 09:01'))).toEqual(tooLate);
    expect(d.refuse(leader, extendBody('2026-12-09T17:00:00+07:00'), DUE + HOUR)).toEqual(tooLate);
    // Exactly one working day before is still in time.
    d.act(leader, extendBody('2026-12-09T17:00:00+07:00'), hanoi('2026-12-01 09:00'));
  });

  it('is allowed once', () => {
    const d = awaitingApproval();
    d.act(leader, extendBody('2026-12-09T17:00:00+07:00'), hanoi('2026-11-24 09:00'));
    expect(d.refuse(leader, extendBody('2026-12-16T17:00:00+07:00'), hanoi('2026-11-24 10:00')).reason).toMatch(/only once/);
  });

  it('is refused once the result is ready', () => {
    const d = awaitingApproval();
    d.act(leader, { action: 'approve', body: {} }, hanoi('2026-11-25 09:00'));
    expect(d.refuse(leader, extendBody('2026-12-09T17:00:00+07:00'), hanoi('2026-11-25 10:00')).reason).toMatch(/result is ready/);
  });

  it('keeps the old rule for dossiers in flight (patch off)', () => {
    const d = awaitingApproval();
    const ctx: Ctx = { ...ctxAt(feeProcedure, DUE + HOUR), patches: { extendOnlyBeforeDue: false } };
    expect(decide(d.state, leader, extendBody('2026-12-09T17:00:00+07:00'), ctx).ok).toBe(true);
  });
});

describe('the reception deadline of online submissions', () => {
  const online = (patches?: Ctx['patches']) =>
    submit(
      { code: `${COMMUNE}-261123-0002`, procedure: feeProcedure, channel: 'online', applicantUserId: citizen.id, agencyCode: COMMUNE, submittedBy: citizen },
      { ...ctxAt(feeProcedure, NOW), patches },
    ).state;

  it('escalates once, 8 working hours after submission, while the dossier is unreceived', () => {
    const s = online();
    expect(s.receptionDueAt).toBe(hanoi('2026-11-24 09:00'));
    const [t] = pendingTimers(s, feeProcedure, calendar);
    expect(t).toEqual({ kind: 'reception-overdue', at: hanoi('2026-11-24 09:00') });
    const fired = fireTimer(s, t!, ctxAt(feeProcedure, t!.at))!;
    expect(fired.event).toMatchObject({ type: 'escalation', toStatus: 'SUBMITTED', data: { to: 'supervisor', kind: 'reception', dueAt: t!.at } });
    expect(pendingTimers(fired.state, feeProcedure, calendar)).toEqual([]);
  });

  it('is over once the dossier is received', () => {
    const d = new Dossier(feeProcedure, online(), { seq: 1 } as never);
    d.act(desk, { action: 'receive', body: {} }, NOW + HOUR);
    expect(pendingTimers(d.state, feeProcedure, calendar).map((t) => t.kind)).not.toContain('reception-overdue');
  });

  it('is not set at the counter, nor for dossiers in flight (patch off)', () => {
    expect(Dossier.start(feeProcedure, 'counter').state.receptionDueAt).toBeUndefined();
    expect(online({ receptionDeadline: false }).receptionDueAt).toBeUndefined();
  });
});

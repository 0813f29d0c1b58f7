import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../actor';
import { fireTimer, isClosed, pendingTimers, type Timer } from './timers';
import {
  DAY,
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
  specialist,
} from './test-fixtures';

const timersOf = (d: Dossier) => pendingTimers(d.state, d.procedure, calendar);

/** Fires a timer at its time and records the event, as the workflow does. */
function fire(d: Dossier, t: Timer) {
  const fired = fireTimer(d.state, t, ctxAt(d.procedure, t.at));
  if (fired) {
    d.state = fired.state;
    d.events.push(fired.event);
  }
  return fired;
}

describe('processing-time reminders and escalation (7 working days)', () => {
  it('reminds at 75% of the time and one working day before, and escalates at the deadline', () => {
    const d = Dossier.start(feeProcedure, 'counter');
    const dueAt = d.state.dueAt!;
    expect(timersOf(d)).toEqual([
      { kind: 'reminder-75', at: calendar.addWorkingHours(NOW, 42) },
      { kind: 'reminder-1d', at: calendar.addWorkingHours(NOW, 48) },
      { kind: 'escalation', at: dueAt },
    ]);
    // Mon 09:00 + 42 working hours, + 48, + 56.
    expect(timersOf(d).map((t) => t.at)).toEqual([hanoi('2026-11-30 11:00'), hanoi('2026-12-01 09:00'), hanoi('2026-12-02 09:00')]);
  });

  it('records each reminder and the escalation as an event, once', () => {
    const d = Dossier.start(feeProcedure, 'counter');
    d.act(leader, { action: 'assign', body: { assigneeId: specialist.id } }, NOW);
    const [r75, r1d, esc] = timersOf(d);

    const first = fire(d, r75!);
    expect(first?.event).toMatchObject({
      seq: 3,
      type: 'reminder',
      actor: SYSTEM_ACTOR,
      at: r75!.at,
      fromStatus: 'IN_REVIEW',
      toStatus: 'IN_REVIEW',
      data: { kind: 'reminder-75', assigneeId: specialist.id, dueAt: d.state.dueAt },
    });
    expect(timersOf(d).map((t) => t.kind)).toEqual(['reminder-1d', 'escalation']);

    fire(d, r1d!);
    const escalation = fire(d, esc!);
    expect(escalation?.event).toMatchObject({ seq: 5, type: 'escalation', data: { to: 'supervisor', dueAt: d.state.dueAt } });
    expect(d.state).toMatchObject({ status: 'IN_REVIEW', reminders: ['reminder-75', 'reminder-1d'], escalated: true });
    expect(timersOf(d)).toEqual([]);
  });

  it('sets no one-day reminder when the whole time is one working day', () => {
    const oneDay = { ...feeProcedure, deadline: { workingDays: 1 } };
    const d = Dossier.start(oneDay, 'counter');
    expect(timersOf(d).map((t) => t.kind)).toEqual(['reminder-75', 'escalation']);
  });

  it('starts the reminders over after an extension', () => {
    const d = Dossier.start(feeProcedure, 'counter');
    fire(d, timersOf(d)[0]!);
    // An apology is made at least one working day before the due date (Wed 2 Dec, 09:00).
    d.act(leader, { action: 'extend', body: { newDueAt: '2026-12-09T17:00:00+07:00', reason: 'xác minh' } }, hanoi('2026-11-30 10:00'));
    expect(timersOf(d).map((t) => t.kind)).toEqual(['reminder-75', 'reminder-1d', 'escalation']);
    expect(timersOf(d).at(-1)?.at).toBe(hanoi('2026-12-09 17:00'));
  });

  it('does not send again a reminder whose point the extended period has already passed', () => {
    const d = Dossier.start(feeProcedure, 'counter');
    for (const t of timersOf(d).filter((x) => x.kind !== 'escalation')) fire(d, t);
    // A short extension, made exactly one working day before the due date (Wed 2 Dec, 09:00):
    // 75% of the new period lies before the moment of extending.
    d.act(leader, { action: 'extend', body: { newDueAt: '2026-12-02T11:00:00+07:00', reason: 'xác minh' } }, hanoi('2026-12-01 09:00'));
    expect(timersOf(d).map((t) => t.kind)).not.toContain('reminder-75');
    expect(timersOf(d).at(-1)).toEqual({ kind: 'escalation', at: hanoi('2026-12-02 11:00') });
  });
});

describe('waiting on the citizen', () => {
  const awaitingSupplement = () => {
    const d = Dossier.start(feeProcedure, 'counter');
    d.act(leader, { action: 'assign', body: { assigneeId: specialist.id } }, NOW);
    d.act(specialist, { action: 'request-supplement', body: { missing: ['bản sao CCCD'] } }, NOW + HOUR);
    return d;
  };

  it('runs no clock timers while a supplement is awaited, only its expiry', () => {
    const d = awaitingSupplement();
    expect(timersOf(d)).toEqual([{ kind: 'supplement-expired', at: calendar.addWorkingDays(NOW + HOUR, 10) }]);
  });

  it('brings fresh clock timers back when the supplement arrives', () => {
    const d = awaitingSupplement();
    const back = NOW + 3 * DAY;
    d.act(citizen, { action: 'supplement', body: {} }, back);
    expect(timersOf(d).map((t) => t.kind)).toEqual(['reminder-75', 'reminder-1d', 'escalation']);
    expect(timersOf(d).at(-1)?.at).toBe(calendar.addWorkingDays(back, 7));
  });

  it('cancels the dossier when the supplement does not come back in time', () => {
    const d = awaitingSupplement();
    const [expiry] = timersOf(d);
    const fired = fire(d, expiry!);
    expect(fired?.event).toMatchObject({
      type: 'cancel',
      actor: SYSTEM_ACTOR,
      fromStatus: 'NEEDS_SUPPLEMENT',
      toStatus: 'CANCELLED',
      data: { reason: 'supplement-expired' },
    });
    expect(d.state).toMatchObject({ status: 'CANCELLED', finishedAt: expiry!.at });
    expect(d.state.shares.every((s) => s.leftAt === expiry!.at)).toBe(true);
    expect(timersOf(d)).toEqual([]);
    expect(isClosed(d.state, expiry!.at, d.procedure, calendar)).toBe(true);
  });

  it('cancels an unpaid dossier when the payment limit passes (fee after review)', () => {
    const d = Dossier.start(feeProcedure, 'counter');
    d.act(leader, { action: 'assign', body: { assigneeId: specialist.id } }, NOW);
    d.act(specialist, { action: 'verify', body: {} }, NOW + DAY);
    expect(timersOf(d)).toEqual([{ kind: 'payment-expired', at: calendar.addWorkingDays(NOW + DAY, 5) }]);
    fire(d, timersOf(d)[0]!);
    expect(d.state.status).toBe('CANCELLED');
    expect(d.events.at(-1)).toMatchObject({ fromStatus: 'AWAITING_PAYMENT', toStatus: 'CANCELLED', data: { reason: 'payment-expired' } });
  });

  it('cancels an unpaid dossier when the payment limit passes (fee up front)', () => {
    const d = Dossier.start(payFirstProcedure, 'counter');
    expect(timersOf(d)).toEqual([{ kind: 'payment-expired', at: calendar.addWorkingDays(NOW, 2) }]);
    fire(d, timersOf(d)[0]!);
    expect(d.state.status).toBe('CANCELLED');
  });
});

describe('closing the workflow', () => {
  const delivered = () => {
    const d = Dossier.start(feeProcedure, 'counter');
    d.act(leader, { action: 'assign', body: { assigneeId: specialist.id } }, NOW);
    d.act(specialist, { action: 'verify', body: {} }, NOW);
    d.act(desk, { action: 'record-payment', body: { amount: 50_000, receiptNo: 'BL-3' } }, NOW);
    d.act(leader, { action: 'approve', body: {} }, NOW);
    d.act(desk, { action: 'deliver', body: { method: 'desk' } }, NOW + HOUR);
    return d;
  };

  it("keeps a delivered dossier open for a rating until the deliver stage's rating window ends", () => {
    const d = delivered();
    const closesAt = NOW + HOUR + 7 * DAY; // ratingWindowDays: 7
    expect(timersOf(d)).toEqual([{ kind: 'rating-closed', at: closesAt }]);
    expect(isClosed(d.state, closesAt - 1, d.procedure, calendar)).toBe(false);
    expect(isClosed(d.state, closesAt, d.procedure, calendar)).toBe(true);
    expect(fireTimer(d.state, timersOf(d)[0]!, ctxAt(d.procedure, closesAt))).toBeNull();
  });

  it('closes a delivered dossier as soon as it is rated', () => {
    const d = delivered();
    d.act(citizen, { action: 'rate', body: { score: 4 } }, NOW + DAY);
    expect(timersOf(d)).toEqual([]);
    expect(isClosed(d.state, NOW + DAY, d.procedure, calendar)).toBe(true);
  });

  it('closes any other final dossier at once, and never an open one', () => {
    const d = Dossier.start(feeProcedure, 'citizen');
    expect(timersOf(d).map((t) => t.kind)).toEqual(['reception-overdue']);
    expect(isClosed(d.state, NOW + 365 * DAY, d.procedure, calendar)).toBe(false);
    d.act(citizen, { action: 'withdraw', body: {} }, NOW + HOUR);
    expect(isClosed(d.state, NOW + HOUR, d.procedure, calendar)).toBe(true);
  });
});

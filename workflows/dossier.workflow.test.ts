/**
 * Generated from the registry: for every procedure in PROCEDURES, its happy path and every timer
 * branch it has, on the time-skipping test server with fake activities (workflows/README.md, 'Tests').
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueFrom } from '../domain/lifecycle/deadline';
import type { DossierEvent, DossierState } from '../domain/lifecycle/state';
import { payBeforeReview, stageOf, type ProcedureDefinition } from '../domain/procedure';
import { residenceV2 } from '../test/support/workflows/earlier-versions';
import { PROCEDURES } from '../procedures';
import { COMMUNE, DAY, HOUR, MINUTE, citizen, officer } from '../test/support/workflows/constants';
import { handOver, type DossierDriver } from '../test/support/workflows/dossier-driver';
import { createWorkflowTestEnv, type WorkflowTestEnv } from '../test/support/workflows/workflow-test-env';

let t: WorkflowTestEnv;
beforeAll(async () => {
  t = await createWorkflowTestEnv();
});
afterAll(async () => {
  await t?.close();
});

const procedures = PROCEDURES as unknown as ProcedureDefinition[];
const leader = (agencyCode: string) => officer('leader', agencyCode);
const desk = officer('desk-officer', COMMUNE);

/** Events recorded in order, numbered 1..n, and as many as the state counts. */
function expectOrderedTrail(events: DossierEvent[], state: DossierState) {
  expect(events.map((e) => e.seq)).toEqual(Array.from({ length: state.seq }, (_, i) => i + 1));
  for (let i = 1; i < events.length; i++) expect(events[i]!.at).toBeGreaterThanOrEqual(events[i - 1]!.at);
}

/** The instant the processing clock started: reception, or the payment when the fee comes first. */
function clockStartEvent(d: DossierDriver): DossierEvent {
  const paidFirst = payBeforeReview(d.procedure) && d.events.some((e) => e.type === 'payment-received');
  return d.events.find((e) => e.type === (paidFirst ? 'payment-received' : 'receive'))!;
}

function expectDueFromReception(d: DossierDriver, s: DossierState) {
  const start = t.calendar.receptionStart(clockStartEvent(d).at);
  expect(s.clockStartAt).toBe(start);
  // As the law counts it for the deadline the dossier pinned (its channel's; docs/calendar.md).
  expect(s.dueAt).toBe(dueFrom(s.deadline ?? d.procedure.deadline, clockStartEvent(d).at, t.calendar));
}

describe.each(procedures.map((p) => [`${p.code} ${p.name.en}`, p] as const))('%s', (_name, p) => {
  const hasFee = p.fee.counter > 0 || (p.fee.online ?? 0) > 0;

  it('happy path to DELIVERED, then the workflow completes after the rating window', async () => {
    const d = await t.start(p);
    let s = await d.query();
    expect(s.status).toBe('SUBMITTED');
    expect(s.fee).toBe(p.fee.online ?? p.fee.counter);

    s = await d.act(desk, { action: 'receive', body: {} });
    if (hasFee && payBeforeReview(p)) {
      expect(s.status).toBe('AWAITING_PAYMENT');
      expect(s.dueAt).toBeNull();
      s = await d.pay();
    }
    expect(s.status).toBe('RECEIVED');
    expectDueFromReception(d, s);

    let agency = COMMUNE;
    if (p.level === 'province') {
      agency = p.handoff!.departmentCode;
      s = await d.act(desk, { action: 'forward', body: { agencyCode: agency } });
      expect(s).toMatchObject({ status: 'RECEIVED', agencyCode: agency, forwarded: true });
    }
    s = await d.act(officer('desk-officer', agency), { action: 'assign', body: { assigneeId: 'specialist-1' } });
    expect(s).toMatchObject({ status: 'IN_REVIEW', assigneeId: 'specialist-1' });
    s = await d.act(officer('specialist', agency), { action: 'verify', body: {} });
    // A posting (a land procedure's) ends by its timer; along a hand-off route the commune posts it.
    s = await d.throughHeldStages(agency, s);
    if (s.fee > 0 && !s.paid) {
      expect(s.status).toBe('AWAITING_PAYMENT');
      s = await d.pay();
      expect(s.paid).toBe(true);
    }
    expect(s.status).toBe('AWAITING_APPROVAL');
    s = await d.act(leader(agency), { action: 'approve', body: {} });
    expect(s.status).toBe('RESULT_READY');
    if (p.level === 'province') {
      s = await d.act(officer('desk-officer', agency), { action: 'return', body: {} });
      expect(s).toMatchObject({ status: 'RESULT_READY', agencyCode: COMMUNE });
    }
    s = await d.act(desk, { action: 'deliver', body: handOver(p) });
    expect(s.status).toBe('DELIVERED');
    // A posting that pauses the clock moved the due date on by its days; otherwise it is where reception put it.
    if (p.stages.some((x) => x.name === 'post' && x.clock === 'paused')) {
      expect(s.dueAt!).toBeGreaterThan(t.calendar.addWorkingDays(t.calendar.receptionStart(clockStartEvent(d).at), p.deadline.workingDays!));
    }
    else expectDueFromReception(d, s);
    expectOrderedTrail(d.events, s);
    // The steps of the stages that hold the dossier, in the order of its list (the driver's throughHeldStages).
    const HELD: Record<string, string[]> = {
      post: p.handoff?.route ? ['forward', 'posting-ended', 'forward'] : ['posting-ended'],
      inspect: ['schedule-inspection', 'record-inspection'],
      consult: ['request-opinions'],
      tax: ['send-to-tax', 'record-tax-notice', 'record-tax-payment'],
    };
    const hops = p.stages.flatMap((x) => HELD[x.name] ?? []);
    // A hop's own reminder and escalation may come in between (stages/handoff-route.ts): not steps of the path.
    expect(d.events.map((e) => e.type).filter((x) => !/^(payment-received|reminder|escalation)$/.test(x))).toEqual([
      'submit', 'receive', ...(p.level === 'province' ? ['forward'] : []), 'assign', 'verify', ...hops, 'approve',
      ...(p.level === 'province' ? ['return'] : []), 'deliver',
    ]);
    expect(d.events.filter((e) => e.type === 'payment-received')).toHaveLength(hasFee ? 1 : 0);

    // Still open just before the rating window closes, finished right after it.
    const window = stageOf(p, 'deliver')!.ratingWindowDays * DAY;
    await d.sleepUntil(s.finishedAt! + window - HOUR);
    expect((await d.handle.describe()).status.name).toBe('RUNNING');
    await t.env.sleep(2 * HOUR);
    const final = await d.handle.result();
    expect(final.status).toBe('DELIVERED');
    expect((await d.handle.describe()).closeTime!.getTime()).toBeGreaterThanOrEqual(s.finishedAt! + window);
    expect(d.events).toHaveLength(s.seq);
  });

  if (hasFee) {
    it('unpaid past the limit → CANCELLED', async () => {
      const d = await t.start(p);
      let s = await d.receive({ payUpFront: false });
      if (s.status !== 'AWAITING_PAYMENT') {
        await d.act(desk, { action: 'assign', body: { assigneeId: 'specialist-1' } });
        s = await d.act(officer('specialist', COMMUNE), { action: 'verify', body: {} });
      }
      expect(s.status).toBe('AWAITING_PAYMENT');
      const due = s.paymentDueAt!;
      expect(due).toBe(t.calendar.addWorkingDays(t.calendar.receptionStart(d.events.at(-1)!.at), stageOf(p, 'pay')!.limitDays));
      s = await d.sleepUntil(due - MINUTE);
      expect(s.status).toBe('AWAITING_PAYMENT');
      s = await d.sleepUntil(due + MINUTE);
      expect(s.status).toBe('CANCELLED');
      const cancel = d.events.at(-1)!;
      expect(cancel).toMatchObject({ type: 'cancel', toStatus: 'CANCELLED', data: { reason: 'payment-expired' } });
      expect(cancel.at).toBeGreaterThanOrEqual(due);
      expectOrderedTrail(d.events, s);
      expect((await d.handle.result()).status).toBe('CANCELLED');
    });
  }

  it('no supplement within the limit → CANCELLED', async () => {
    const d = await t.start(p);
    const { agencyCode } = await d.toDecidingAgency();
    await d.act(officer('desk-officer', agencyCode), { action: 'assign', body: { assigneeId: 'specialist-1' } });
    let s = await d.act(officer('specialist', agencyCode), { action: 'request-supplement', body: { missing: ['ID card copy'] } });
    expect(s).toMatchObject({ status: 'NEEDS_SUPPLEMENT', supplementRequested: true, missing: ['ID card copy'] });
    const due = s.supplementDueAt!;
    expect(due).toBe(t.calendar.addWorkingDays(t.calendar.receptionStart(d.events.at(-1)!.at), stageOf(p, 'review')!.supplementLimitDays));
    s = await d.sleepUntil(due - MINUTE);
    expect(s.status).toBe('NEEDS_SUPPLEMENT');
    expect(d.events.some((e) => e.type === 'reminder' || e.type === 'escalation')).toBe(false);
    s = await d.sleepUntil(due + MINUTE);
    expect(s.status).toBe('CANCELLED');
    expect(d.events.at(-1)).toMatchObject({ type: 'cancel', data: { reason: 'supplement-expired' } });
    expectOrderedTrail(d.events, s);
    expect((await d.handle.result()).status).toBe('CANCELLED');
  });

  it('overdue → reminders, escalation; an apology once overdue is refused', async () => {
    const d = await t.start(p);
    const { agencyCode } = await d.toDecidingAgency();
    let s = await d.act(officer('desk-officer', agencyCode), { action: 'assign', body: { assigneeId: 'specialist-1' } });
    expect(s.status).toBe('IN_REVIEW');
    const { clockStartAt, dueAt } = s as { clockStartAt: number; dueAt: number };
    const totalHours = t.calendar.workingMillisBetween(clockStartAt, dueAt) / HOUR;
    const expected = [{ kind: 'reminder-75', at: t.calendar.addWorkingHours(clockStartAt, totalHours * 0.75) }];
    if (totalHours > 8) expected.push({ kind: 'reminder-1d', at: t.calendar.addWorkingHours(clockStartAt, totalHours - 8) });
    expected.sort((a, b) => a.at - b.at);

    s = await d.sleepUntil(expected[0]!.at - MINUTE);
    expect(s.reminders).toEqual([]);
    s = await d.sleepUntil(dueAt + MINUTE);
    expect(s.escalated).toBe(true);
    // The dossier's own; a hop's reminder and escalation (a hand-off route's shorter share) are its agency's.
    const fired = d.events.filter((e) => (e.type === 'reminder' || e.type === 'escalation') && !String(e.data.kind ?? '').startsWith('hop'));
    expect(fired.map((e) => (e.type === 'reminder' ? e.data.kind : e.type))).toEqual([...expected.map((x) => x.kind), 'escalation']);
    fired.forEach((e, i) => {
      const at = i < expected.length ? expected[i]!.at : dueAt;
      expect(e.at).toBeGreaterThanOrEqual(at);
      expect(e.at).toBeLessThan(at + MINUTE);
    });
    expect(fired.at(-1)!.data).toMatchObject({ to: 'supervisor', agencyCode, dueAt });

    // Too late for an apology: it comes at least one working day before the due date (docs/decision-766.md).
    const count = (await d.synced()).seq;
    const failure = await d.refused(leader(agencyCode), { action: 'extend', body: { newDueAt: new Date(dueAt + 5 * DAY).toISOString(), reason: 'apology: site visit needed' } });
    expect(failure.type).toBe('rule');
    expect(failure.message).toMatch(/at least one working day before the due date/);
    s = await d.synced();
    expect(s).toMatchObject({ dueAt, originalDueAt: dueAt, extended: false });
    expect(s.seq).toBe(count);
    expectOrderedTrail(d.events, s);
    await d.handle.terminate('test done');
  });

  it('an apology a working day ahead moves the appointment once; a result after the original due date is still late', async () => {
    const d = await t.start(p);
    const { agencyCode } = await d.toDecidingAgency();
    const s0 = await d.query();
    const dueAt = s0.dueAt!;
    const now = await t.now();
    const newDueAt = dueAt + 10 * DAY;
    const extend = (at: number, reason: string) => ({ action: 'extend' as const, body: { newDueAt: new Date(at).toISOString(), reason } });
    if (t.calendar.addWorkingHours(now, 8) > dueAt) {
      // A deadline shorter than a working day leaves no room for an apology at all.
      expect((await d.refused(leader(agencyCode), extend(newDueAt, 'apology'))).message).toMatch(/at least one working day/);
      await d.handle.terminate('test done');
      return;
    }
    let s = await d.act(leader(agencyCode), extend(newDueAt, 'apology: site visit needed'));
    expect(s).toMatchObject({ dueAt: newDueAt, originalDueAt: dueAt, extended: true });
    expect((await d.refused(leader(agencyCode), extend(newDueAt + DAY, 'once more'))).message).toMatch(/only once/);
    // The result is ready after the original due date but before the new appointment.
    await d.sleepUntil(dueAt + HOUR);
    s = await d.process(agencyCode);
    // A posting that pauses the clock moves every due date on by its days, the new appointment too.
    const paused = p.stages.some((x) => x.name === 'post' && x.clock === 'paused');
    expect(s).toMatchObject({ status: 'RESULT_READY', timeliness: 'late' });
    if (paused) expect(s.dueAt!).toBeGreaterThan(newDueAt);
    else expect(s.dueAt).toBe(newDueAt);
    expect(s.resultReadyAt).toBeGreaterThan(dueAt);
    // The clock stopped: waiting for the citizen past the new appointment escalates nothing.
    const seq = s.seq;
    s = await d.sleepUntil(newDueAt + DAY);
    expect(s.seq).toBe(seq);
    expect(d.events.filter((e) => e.type === 'extend')).toHaveLength(1);
    expect(d.events.filter((e) => e.type === 'escalation' && e.data.kind !== 'hop')).toHaveLength(0);
    expectOrderedTrail(d.events, s);
    await d.handle.terminate('test done');
  });
});

describe('Decision 766 timeliness', () => {
  const p = procedures.find((x) => x.fee.counter === 0 && x.level === 'commune' && (x.deadline.workingDays ?? 0) >= 3)!;

  it('an online dossier left unreceived 8 working hours escalates once, and is received as usual after', async () => {
    const d = await t.start(p);
    const loads = t.activities.calendarLoads;
    const s0 = await d.query();
    const due = t.calendar.addWorkingHours(t.calendar.receptionStart(s0.submittedAt), 8);
    expect(s0.receptionDueAt).toBe(due);
    await d.sleepUntil(due - MINUTE);
    expect(d.events.filter((e) => e.type === 'escalation')).toHaveLength(0);
    let s = await d.sleepUntil(due + MINUTE);
    const escalations = d.events.filter((e) => e.type === 'escalation');
    expect(escalations).toHaveLength(1);
    expect(escalations[0]).toMatchObject({ toStatus: 'SUBMITTED', data: { to: 'supervisor', kind: 'reception', dueAt: due } });
    expect(escalations[0]!.at).toBeGreaterThanOrEqual(due);
    expect(s).toMatchObject({ status: 'SUBMITTED', receptionEscalated: true });
    s = await d.receive();
    expect(s.status).toBe('RECEIVED');
    expectOrderedTrail(d.events, s);
    // A day may have passed: let a calendar reload (an activity) finish before terminating.
    for (let i = 0; i < 20 && t.activities.calendarLoads === loads; i++) await new Promise((r) => setTimeout(r, 100));
    await d.handle.terminate('test done');
  });

  it('a counter dossier has no reception deadline; a result ready early is classified early when the clock stops', async () => {
    const d = await t.start(p, { by: 'counter' });
    let s = await d.query();
    expect(s.receptionDueAt).toBeUndefined();
    s = await d.process(COMMUNE);
    expect(s).toMatchObject({ status: 'RESULT_READY', timeliness: 'early', originalDueAt: s.dueAt });
    expect(s.resultReadyAt).toBe(d.events.at(-1)!.at);
    // (That the stopped clock sets no escalation while the result waits is shown by the apology test above.)
    s = await d.act(desk, { action: 'deliver', body: { method: 'desk' } });
    expect(s).toMatchObject({ status: 'DELIVERED', timeliness: 'early' });
    await d.handle.terminate('test done');
  });
});

describe('messages', () => {
  // A fee paid after review: permanent residence as version 2 ran it (version 3 charges at filing).
  const p = residenceV2();

  it('an update refused by the validator writes nothing', async () => {
    const d = await t.start(p);
    const before = await d.synced();
    const n = d.events.length;
    // What a rejection must not add to the history: an accepted update, or a scheduled activity.
    // (The Java test server has no speculative workflow tasks, so workflow-task events do appear.)
    const written = async () =>
      (await d.handle.fetchHistory()).events!.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes || e.activityTaskScheduledEventAttributes).length;
    const writtenBefore = await written();
    const wrongStatus = await d.refused(desk, { action: 'deliver', body: { method: 'desk' } });
    expect(wrongStatus.type).toBe('illegal-transition');
    const wrongRole = await d.refused(citizen, { action: 'receive', body: {} });
    expect(wrongRole.type).toBe('forbidden');
    const wrongAgency = await d.refused(officer('desk-officer', 'H38.X002'), { action: 'receive', body: {} });
    expect(wrongAgency.type).toBe('forbidden');
    // Rejected updates leave no trace in the history either.
    expect(await written()).toBe(writtenBefore);
    const after = await d.synced();
    expect(after).toEqual(before);
    expect(d.events).toHaveLength(n);
    await d.handle.terminate('test done');
  });

  it('a duplicate payment notice (same transaction id) is recorded once', async () => {
    const d = await t.start(p);
    await d.receive();
    await d.act(desk, { action: 'assign', body: { assigneeId: 'specialist-1' } });
    let s = await d.act(officer('specialist', COMMUNE), { action: 'verify', body: {} });
    expect(s.status).toBe('AWAITING_PAYMENT');
    s = await d.pay('tx-dup-1');
    expect(s).toMatchObject({ paid: true, status: 'AWAITING_APPROVAL', transactionIds: ['tx-dup-1'] });
    await d.pay('tx-dup-1');
    s = await d.synced();
    expect(s.transactionIds).toEqual(['tx-dup-1']);
    expect(d.events.filter((e) => e.type === 'payment-received')).toHaveLength(1);
    expectOrderedTrail(d.events, s);
    await d.handle.terminate('test done');
  });

  it('a rating closes the workflow without waiting for the window', async () => {
    const d = await t.start(p);
    let s = await d.happyPath();
    expect(s.status).toBe('DELIVERED');
    s = await d.act(citizen, { action: 'rate', body: { score: 5, comment: 'nhanh' } });
    expect(s.rating).toEqual({ score: 5, comment: 'nhanh' });
    expect((await d.handle.result()).rating).toEqual({ score: 5, comment: 'nhanh' });
    expectOrderedTrail(d.events, s);
  });
});

describe('who records the submission', () => {
  // A fee paid after review: permanent residence as version 2 ran it (version 3 charges at filing).
  const p = residenceV2();
  const activitiesScheduled = async (d: DossierDriver) => (await d.handle.fetchHistory()).events!.filter((e) => e.activityTaskScheduledEventAttributes).length;

  it('a dossier the API recorded starts from its state: no calendar load, nothing recorded twice', async () => {
    const loads = t.activities.calendarLoads;
    const d = await t.start(p, { by: 'counter' });
    expect(await activitiesScheduled(d)).toBe(0);
    expect(t.activities.calendarLoads).toBe(loads);
    const s = await d.act(desk, { action: 'assign', body: { assigneeId: 'specialist-1' } });
    expect(d.events.map((e) => e.type)).toEqual(['submit', 'assign']);
    expect(s.dueAt).toBe(t.calendar.addWorkingDays(s.clockStartAt!, p.deadline.workingDays!));
    // The action's event was recorded by a local activity, inside the workflow task (a marker, no activity task).
    const history = (await d.handle.fetchHistory()).events!;
    expect(history.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity')).toHaveLength(1);
    expect(await activitiesScheduled(d)).toBe(0);
    await d.handle.terminate('test done');
  });

  it('a dossier submitted before that change still makes and records its submission itself', async () => {
    const d = await t.start(p, { by: 'counter', legacy: true });
    const s = await d.synced();
    expect(d.events.map((e) => e.type)).toEqual(['submit']);
    expect(s.dueAt).toBe(t.calendar.addWorkingDays(s.clockStartAt!, p.deadline.workingDays!));
    expect(await activitiesScheduled(d)).toBe(1); // the calendar; the submission is recorded locally
    await d.handle.terminate('test done');
  });
});

describe('what a dossier pins and what it reloads', () => {
  // A fee paid after review: permanent residence as version 2 ran it (version 3 charges at filing).
  const p = residenceV2();

  it('runs on the rules in its input, not on the current definition (code@version)', async () => {
    const pinned = { ...p, version: 7, deadline: { workingDays: p.deadline.workingDays! + 10 } };
    const d = await t.start(pinned);
    // Reception happens in the workflow: the deadline it computes comes from the pinned rules.
    const s = await d.act(desk, { action: 'receive', body: {} });
    expect(s.procedureVersion).toBe(7);
    expect(s.dueAt).toBe(t.calendar.addWorkingDays(t.calendar.receptionStart(d.events.at(-1)!.at), p.deadline.workingDays! + 10));
    await d.handle.terminate('test done');
  });

  it("reloads the administrator's calendar once a day instead of keeping the submission's", async () => {
    const d = await t.start(p, { by: 'counter' });
    await d.synced();
    const loads = t.activities.calendarLoads;
    await d.sleepUntil((await t.now()) + 26 * HOUR);
    await d.act(desk, { action: 'assign', body: { assigneeId: 'specialist-1' } });
    // The reload follows the recorded event in the same run of the loop.
    for (let i = 0; i < 50 && t.activities.calendarLoads === loads; i++) await new Promise((r) => setTimeout(r, 100));
    expect(t.activities.calendarLoads).toBeGreaterThan(loads);
    await d.handle.terminate('test done');
  });
});

describe('hand-off (liên thông)', () => {
  const p = procedures.find((x) => x.level === 'province')!;

  it('commune → department → commune, each share tracked with its own due date', async () => {
    const dept = p.handoff!.departmentCode;
    expect(dept).toBe('H38.SNNMT');
    const d = await t.start(p);
    await d.act(desk, { action: 'receive', body: {} });
    const refusal = await d.refused(desk, { action: 'assign', body: { assigneeId: 'x' } });
    expect(refusal.message).toMatch(/forward it first/);
    await d.act(desk, { action: 'forward', body: { agencyCode: dept } });
    const forwardAt = d.events.at(-1)!.at;
    await d.sleepUntil(forwardAt + 2 * DAY);
    let s = await d.process(dept);
    expect(s.status).toBe('RESULT_READY');
    await d.act(officer('specialist', dept), { action: 'return', body: {} });
    const returnAt = d.events.at(-1)!.at;
    expect((await d.refused(officer('desk-officer', dept), { action: 'deliver', body: { method: 'desk' } })).type).toBe('forbidden');
    s = await d.act(desk, { action: 'deliver', body: { method: 'desk' } });
    const deliverAt = d.events.at(-1)!.at;
    expect(s.status).toBe('DELIVERED');

    const receiveAt = d.events.find((e) => e.type === 'receive')!.at;
    const clockStart = t.calendar.receptionStart(receiveAt);
    const communeShareDue = Math.min(s.dueAt!, t.calendar.addWorkingDays(clockStart, p.deadline.workingDays! - p.handoff!.shareWorkingDays!));
    const deptShareDue = Math.min(s.dueAt!, t.calendar.addWorkingDays(t.calendar.receptionStart(forwardAt), p.handoff!.shareWorkingDays!));
    expect(s.shares).toEqual([
      { agencyCode: COMMUNE, enteredAt: s.submittedAt, leftAt: forwardAt, dueAt: communeShareDue },
      { agencyCode: dept, enteredAt: forwardAt, leftAt: returnAt, dueAt: deptShareDue },
      { agencyCode: COMMUNE, enteredAt: returnAt, leftAt: deliverAt, dueAt: s.dueAt },
    ]);
    expect(returnAt - forwardAt).toBeGreaterThanOrEqual(2 * DAY);
    expectOrderedTrail(d.events, s);
    await d.handle.terminate('test done');
  });
});

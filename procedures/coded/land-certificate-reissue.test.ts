import { describe, expect, it } from 'vitest';
import { deadlineFor } from '../../domain/deadline-choice';
import { dueFrom } from '../../domain/lifecycle/deadline';
import type { ProcedureDefinition } from '../../domain/procedure';
import { submit } from '../../domain/lifecycle/reduce';
import { COMMUNE, DAY, Dossier, HOUR, NOW, calendar, ctxAt, desk, leader, officer, specialist } from '../../domain/lifecycle/test-fixtures';
import { fireTimer, pendingTimers } from '../../domain/lifecycle/timers';
import { landCertificateReissue } from './land-certificate-reissue';

const p = landCertificateReissue as unknown as ProcedureDefinition;
const LAND = 'H38.SNNMT';
const landDesk = officer('desk-officer', LAND);
const landSpecialist = officer('specialist', LAND);
const landLeader = officer('leader', LAND);
/** N working days from `from`, as a hop's share counts them (8 working hours a day from its start). */
const days = (from: number, n: number) => calendar.addWorkingDays(calendar.receptionStart(from), n);
/** The dossier's due date: 17:00 of the N-th working day after the day of reception (`working-days`, version 3). */
const dueIn = (from: number, n: number) => dueFrom({ workingDays: n, kind: 'working-days' }, from, calendar)!;

describe('1.012786 version 3: commune desk → land office → commune posting → land office → commune desk', () => {
  it('runs on the page\'s working days per channel, and its route\'s shares fit the shortest', () => {
    expect(p.version).toBe(3);
    expect(Dossier.start(p, 'counter').state.dueAt).toBe(dueIn(NOW, 20));
    for (const channel of ['online', 'post'] as const) expect(deadlineFor(p, channel, null), channel).toEqual({ workingDays: 10, kind: 'working-days' });
    expect(deadlineFor(p, 'kiosk', null)).toEqual({ workingDays: 20, kind: 'working-days' });
    const desk = p.deadline.workingDays! - p.handoff!.shareWorkingDays!;
    const route = p.handoff!.route!.reduce((n, h) => n + h.shareWorkingDays, 0);
    for (const d of [p.deadline, p.deadlines!.online!, p.deadlines!.post!]) expect(desk + route).toBeLessThanOrEqual(d.workingDays!);
  });

  it('hops along its route with each share, posts at the commune with the clock paused, and returns the result to the desk', () => {
    const d = Dossier.start(p, 'counter');
    const due = d.state.dueAt!;
    expect(due).toBe(dueIn(NOW, 20));
    // The desk keeps 1 working day (20 less the department's 19).
    expect(d.state.shares[0]!.dueAt).toBe(days(NOW, 1));

    let now = NOW + HOUR;
    d.act(desk, { action: 'forward', body: { agencyCode: LAND } }, now);
    expect(d.state.shares.at(-1)).toMatchObject({ agencyCode: LAND, from: COMMUNE, shareWorkingDays: 5, dueAt: days(now, 5) });
    expect(d.state.dueAt).toBe(due);

    now += HOUR;
    d.act(landLeader, { action: 'assign', body: { assigneeId: 'snnmt-specialist' } }, now);
    d.act(landSpecialist, { action: 'verify', body: {} }, now);
    // The posting starts; the land office sends it to the commune that posts it (the hop travels through the posting's hold).
    expect(d.state.stage).toEqual({ index: 2, kind: 'post' });
    expect(d.state.pausedAt).toBe(now);
    d.act(landSpecialist, { action: 'forward', body: { agencyCode: COMMUNE } }, now);
    expect(d.state.shares.at(-1)).toMatchObject({ agencyCode: COMMUNE, from: LAND, shareWorkingDays: 2 });
    d.act(specialist, { action: 'record-objection', body: { note: 'Không có ai tranh chấp' } }, now + DAY);

    // 15 days on, the posting ends: every due date moves on by the paused working time, the commune holds the approval step.
    const ended = d.state.posting!.endsAt;
    const fired = fireTimer(d.state, pendingTimers(d.state, p, calendar).find((t) => t.kind === 'posting-ended')!, ctxAt(p, ended));
    d.state = fired!.state;
    expect(d.state.status).toBe('AWAITING_APPROVAL');
    expect(d.state.dueAt!).toBeGreaterThan(due);
    // The commune that received it does not decide a province-level dossier: it sends it back.
    expect(d.refuse(leader, { action: 'approve', body: {} }, ended).reason).toMatch(/province level/);
    const moved = d.state.dueAt;
    d.act(leader, { action: 'forward', body: { agencyCode: LAND } }, ended + HOUR);
    expect(d.state.shares.at(-1)).toMatchObject({ agencyCode: LAND, from: COMMUNE, shareWorkingDays: 2, dueAt: days(ended + HOUR, 2) });
    expect(d.state.dueAt).toBe(moved);

    d.act(landLeader, { action: 'approve', body: {} }, ended + 2 * HOUR);
    expect([d.state.status, d.state.agencyCode]).toEqual(['RESULT_READY', LAND]);
    expect(d.refuse(desk, { action: 'deliver', body: { method: 'desk' } }, ended + 3 * HOUR).code).toBe('forbidden');
    d.act(landDesk, { action: 'return', body: {} }, ended + 3 * HOUR);
    d.act(desk, { action: 'deliver', body: { method: 'desk' } }, ended + 4 * HOUR);
    expect(d.state.status).toBe('DELIVERED');
    expect(d.state.shares.map((s) => [s.from ?? null, s.agencyCode])).toEqual([
      [null, COMMUNE], [COMMUNE, LAND], [LAND, COMMUNE], [COMMUNE, LAND], [LAND, COMMUNE],
    ]);
  });

  it('lets the forwarding officer choose a share within what remains, and never one past the due date', () => {
    const d = Dossier.start(p, 'counter');
    expect(d.refuse(desk, { action: 'forward', body: { agencyCode: LAND, shareWorkingDays: 25 } }, NOW).reason).toMatch(/does not fit/);
    expect(d.refuse(desk, { action: 'forward', body: { agencyCode: COMMUNE } }, NOW).reason).toMatch(/another agency/);
    d.act(desk, { action: 'forward', body: { agencyCode: 'H38', shareWorkingDays: 4 } }, NOW);
    expect(d.state.shares.at(-1)).toMatchObject({ agencyCode: 'H38', shareWorkingDays: 4, dueAt: days(NOW, 4) });
  });

  it("still forwards a late dossier on the route's share, its hop due by the dossier's due date", () => {
    const d = Dossier.start(p, 'counter');
    const late = d.state.dueAt! + 2 * DAY;
    d.act(desk, { action: 'forward', body: { agencyCode: LAND } }, late);
    expect(d.state.shares.at(-1)).toMatchObject({ agencyCode: LAND, shareWorkingDays: 5, dueAt: d.state.dueAt });
  });

  it('reminds and escalates on the hop share, once each, while its clock runs', () => {
    const d = Dossier.start(p, 'counter');
    d.act(desk, { action: 'forward', body: { agencyCode: LAND } }, NOW);
    const hopDue = d.state.shares.at(-1)!.dueAt!;
    const kinds = () => pendingTimers(d.state, p, calendar).filter((t) => t.kind.startsWith('hop-'));
    expect(kinds().map((t) => t.kind)).toEqual(['hop-reminder', 'hop-overdue']);
    for (const t of kinds()) {
      const fired = fireTimer(d.state, t, ctxAt(p, t.at))!;
      d.state = fired.state;
      expect(fired.event).toMatchObject({ type: t.kind === 'hop-reminder' ? 'reminder' : 'escalation', agencyCode: LAND });
    }
    expect(kinds()).toEqual([]);
    expect(d.state.shares.at(-1)).toMatchObject({ reminded: true, escalated: true, dueAt: hopDue });
  });

  it('gives an especially difficult commune its extra days on its own shares too', () => {
    const hard = { ...p, difficultCommuneExtraDays: 10 } as ProcedureDefinition;
    const deadline = deadlineFor(hard, 'counter', 'especially-difficult');
    const first = submit({ code: 'D-1', procedure: hard, channel: 'counter', applicantUserId: null, agencyCode: COMMUNE, submittedBy: desk, deadline }, ctxAt(hard, NOW));
    const d = new Dossier(hard, first.state, first.event);
    expect(d.state.dueAt).toBe(dueIn(NOW, 30));
    // The desk's first share: 1 day + 10.
    expect(d.state.shares[0]!.dueAt).toBe(days(NOW, 11));
    d.act(desk, { action: 'forward', body: { agencyCode: LAND } }, NOW);
    expect(d.state.shares.at(-1)!.shareWorkingDays).toBe(5);
    d.act(officer('desk-officer', LAND), { action: 'forward', body: { agencyCode: COMMUNE } }, NOW + HOUR);
    expect(d.state.shares.at(-1)).toMatchObject({ shareWorkingDays: 12, dueAt: days(NOW + HOUR, 12) });
    expect(d.state.dueAt).toBe(dueIn(NOW, 30));
  });

  it('keeps a dossier pinned to version 1 on its single forward', async () => {
    const { LEGACY_RULES } = await import('../../workflows/legacy-rules');
    const v1 = LEGACY_RULES['1.012786'] as ProcedureDefinition;
    const d = Dossier.start(v1, 'counter');
    expect(d.refuse(desk, { action: 'forward', body: { agencyCode: LAND, shareWorkingDays: 3 } }, NOW).reason).toMatch(/fix the department's share/);
    d.act(desk, { action: 'forward', body: { agencyCode: LAND } }, NOW);
    expect(d.refuse(landDesk, { action: 'forward', body: { agencyCode: 'H38' } }, NOW).code).toBe('illegal-transition');
    expect(d.state.shares.at(-1)!.from).toBeUndefined();
  });
});

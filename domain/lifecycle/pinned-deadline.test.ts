import { describe, expect, it } from 'vitest';
import { dueAt } from '../calendar/deadline';
import { submit } from './reduce';
import { COMMUNE, Dossier, NOW, calendar, citizen, ctxAt, desk, feeProcedure, hanoi, provinceProcedure, specialist } from './test-fixtures';

/** A dossier whose submission chose 12 working days (its channel and commune; domain/deadline-choice.ts) and a fee of 0. */
function pinned(by: 'citizen' | 'counter') {
  const { state, event } = submit(
    {
      code: `${COMMUNE}-261123-0009`,
      procedure: feeProcedure,
      channel: by === 'citizen' ? 'online' : 'post',
      applicantUserId: citizen.id,
      agencyCode: COMMUNE,
      submittedBy: by === 'citizen' ? citizen : desk,
      fee: 0,
      deadline: { workingDays: 12, kind: 'working-days' },
    },
    ctxAt(feeProcedure, NOW),
  );
  return new Dossier(feeProcedure, state, event);
}

describe('a deadline and a fee chosen at submission', () => {
  it('are kept in the state, and the clock runs on that deadline, not the rules’ 7 working days', () => {
    const d = pinned('counter');
    expect(d.state).toMatchObject({ channel: 'post', status: 'RECEIVED', fee: 0, deadline: { workingDays: 12, kind: 'working-days' } });
    expect(d.state.dueAt).toBe(dueAt(NOW, { kind: 'working-days', amount: 12 }, calendar));
  });

  it('are used again when a supplement restarts the clock', () => {
    const d = pinned('citizen');
    expect(d.state.dueAt).toBeNull();
    d.act(desk, { action: 'receive', body: {} }, NOW);
    d.act(desk, { action: 'assign', body: { assigneeId: specialist.id } }, NOW);
    d.act(specialist, { action: 'request-supplement', body: { missing: ['Bản sao giấy tờ'] } }, NOW);
    const back = hanoi('2026-11-30 09:00');
    d.act(citizen, { action: 'supplement', body: {} }, back);
    expect(d.state.dueAt).toBe(dueAt(back, { kind: 'working-days', amount: 12 }, calendar));
  });

  it('skip the pay stage when the form made the fee 0', () => {
    const d = pinned('counter');
    d.act(desk, { action: 'assign', body: { assigneeId: specialist.id } }, NOW);
    d.act(specialist, { action: 'verify', body: {} }, NOW);
    expect(d.state.status).toBe('AWAITING_APPROVAL');
  });

  it('leaves the receiving commune its own share when the channel’s deadline is shorter: only the department’s stage shrinks', () => {
    // 5 working days at the counter, 3 of them the department's; this dossier's channel chose 3 in all.
    const { state } = submit(
      { code: `${COMMUNE}-261123-0010`, procedure: provinceProcedure, channel: 'post', applicantUserId: null, agencyCode: COMMUNE, submittedBy: desk, deadline: { workingDays: 3 } },
      ctxAt(provinceProcedure, NOW),
    );
    const start = calendar.receptionStart(NOW);
    expect(state.dueAt).toBe(calendar.addWorkingDays(start, 3));
    expect(state.stageDueAt).toBe(calendar.addWorkingDays(start, 2));
  });
});

import { describe, expect, it } from 'vitest';
import type { ProcedureRules } from '../domain/procedure';
import { applyChanges, versionChangesSchema } from './routes/procedures.routes';
import type { HttpProblem } from './problem';

/** 1.012753 as the catalogue states it: 20 working days at the counter, 17 online, 30 by post. */
const LAND: ProcedureRules = {
  code: '1.012753',
  version: 2,
  level: 'commune',
  fee: { counter: 0 },
  deadline: { workingDays: 20, kind: 'working-days' },
  deadlines: { online: { workingDays: 17, kind: 'working-days' }, post: { workingDays: 30, kind: 'working-days' } },
  stages: [{ name: 'receive' }, { name: 'review', supplementLimitDays: 15 }, { name: 'approve' }, { name: 'deliver', ratingWindowDays: 30 }],
};
const change = (body: unknown) => applyChanges(LAND, versionChangesSchema.parse(body));
const refusal = (body: unknown) => {
  try {
    change(body);
  } catch (e) {
    return e as HttpProblem;
  }
  throw new Error('accepted');
};

describe('the administrator corrects the deadlines per channel', () => {
  it('sets one channel’s deadline and its kind, leaving the others as they were', () => {
    expect(change({ deadlines: { online: { workingDays: null, calendarDays: 15, kind: 'calendar-days' } } })).toMatchObject({
      deadline: { workingDays: 20, kind: 'working-days' },
      deadlines: { online: { workingDays: null, calendarDays: 15, kind: 'calendar-days' }, post: { workingDays: 30, kind: 'working-days' } },
    });
    // Left out, the kind is the channel's own.
    expect(change({ deadlines: { post: { workingDays: 25 } } }).deadlines).toEqual({ online: LAND.deadlines!.online, post: { workingDays: 25, kind: 'working-days' } });
  });

  it('drops a channel’s deadline with null, or when it equals the counter’s: the channel then runs on the counter’s', () => {
    expect(change({ deadlines: { online: null } }).deadlines).toEqual({ post: { workingDays: 30, kind: 'working-days' } });
    expect(change({ deadlines: { online: null, post: { workingDays: 20 } } })).not.toHaveProperty('deadlines');
    // The counter moved onto the postal channel's figure: the postal one is no longer its own.
    expect(change({ deadline: { workingDays: 30 } }).deadlines).toEqual({ online: { workingDays: 17, kind: 'working-days' } });
  });

  it('changes the counter’s way of counting', () => {
    expect(change({ deadline: { workingDays: 3, kind: 'working-hours' } }).deadline).toEqual({ workingDays: 3, kind: 'working-hours' });
  });

  it('refuses (422) a channel deadline the calendar cannot count, naming the channel', () => {
    expect([refusal({ deadlines: { post: { workingDays: 2.5 } } }).status, refusal({ deadlines: { post: { workingDays: 2.5 } } }).detail]).toEqual([
      422, 'the post deadline: working days are whole days; give hours with kind working-hours',
    ]);
    expect(refusal({ deadlines: { online: { workingDays: null, kind: 'calendar-days' } } }).detail).toBe('the online deadline: a calendar-days deadline needs calendarDays');
  });

  it('reads a number of days given to a same-day procedure without a kind as working days', () => {
    const sameDay: ProcedureRules = { ...LAND, deadline: { workingDays: null, kind: 'same-day' }, deadlines: undefined };
    expect(applyChanges(sameDay, versionChangesSchema.parse({ deadline: { workingDays: 5 } })).deadline).toEqual({ workingDays: 5, kind: 'working-days' });
    expect(applyChanges(sameDay, versionChangesSchema.parse({ deadline: { workingDays: 5, kind: 'working-hours' } })).deadline).toEqual({ workingDays: 5, kind: 'working-hours' });
  });

  it('takes no other channel: the kiosk runs on the counter’s', () => {
    expect(versionChangesSchema.safeParse({ deadlines: { kiosk: { workingDays: 1 } } }).success).toBe(false);
  });
});

/**
 * A same-day deadline in the workflow (issue 13 §3; docs/calendar.md): a civil-status dossier
 * received after the 15:00 cut-off on a Friday is due at office close of the next working day —
 * Monday, or later when Monday is off — and escalates then, not on the Friday.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcedureDefinition } from '../domain/procedure';
import { getProcedure } from '../procedures';
import { COMMUNE, DAY, HOUR, MINUTE, localTime, nextWorkingFridayAt, officer } from '../test/support/workflows/constants';
import { createWorkflowTestEnv, type WorkflowTestEnv } from '../test/support/workflows/workflow-test-env';

let t: WorkflowTestEnv;
beforeAll(async () => {
  t = await createWorkflowTestEnv();
});
afterAll(async () => {
  await t?.close();
});

const desk = officer('desk-officer', COMMUNE);

/** The first working day after `iso` (a date), at 17:00 local, as a person reads it. */
const closeOfNextWorkingDay = (iso: string) => `${t.calendar.nextWorkingDay(iso)} 17:00`;

describe('a same-day deadline', () => {
  it.each(['1.001193', '1.000894'])('%s received at the counter at 15:30 on a Friday is due at 17:00 on the next working day', async (code) => {
    const p = getProcedure(code) as ProcedureDefinition;
    expect(p.deadline.kind).toBe('same-day');
    const friday = nextWorkingFridayAt(await t.now(), t.calendar, 15, 30);
    await t.env.sleep(friday - (await t.now()));
    const d = await t.start(p, { by: 'counter', form: p.example });
    let s = await d.query();
    const receivedAt = d.events.find((e) => e.type === 'submit')!.at;
    expect(localTime(receivedAt)).toBe(`${localTime(friday).slice(0, 10)} 15:30`);
    expect(s.deadline).toEqual({ workingDays: null, kind: 'same-day' });
    const due = localTime(s.dueAt!);
    expect(due).toBe(closeOfNextWorkingDay(localTime(friday).slice(0, 10)));
    // Monday, unless Monday is a day off in the test calendar (then the first working day after).
    const weekday = new Date(`${due.slice(0, 10)}T12:00:00Z`).getUTCDay();
    expect(t.calendar.isWorkingDay(localTime(friday + 3 * DAY).slice(0, 10)) ? weekday === 1 : weekday > 1).toBe(true);

    // Friday's close passes without an escalation; the due time escalates.
    s = await d.sleepUntil(friday + 2 * HOUR);
    expect(s.escalated).toBe(false);
    s = await d.sleepUntil(s.dueAt! + MINUTE);
    expect(s.escalated).toBe(true);
    expect(d.events.filter((e) => e.type === 'escalation')).toHaveLength(1);
    await d.handle.terminate('test done');
  });

  it('an online same-day dossier received by the desk before 15:00 is due at 17:00 the same day', async () => {
    const p = getProcedure('1.000656') as ProcedureDefinition;
    const friday = nextWorkingFridayAt(await t.now(), t.calendar, 9, 0);
    await t.env.sleep(friday - (await t.now()));
    const d = await t.start(p, { form: p.example });
    const s = await d.act(desk, { action: 'receive', body: {} });
    expect(localTime(s.dueAt!)).toBe(`${localTime(friday).slice(0, 10)} 17:00`);
    await d.handle.terminate('test done');
  });
});

import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../domain/calendar/working-time';
import { deadlineFor } from '../../domain/deadline-choice';
import { dueFrom } from '../../domain/lifecycle/deadline';
import { rulesOf, type ProcedureDefinition } from '../../domain/procedure';
import { LEGACY_RULES } from '../../workflows/legacy-rules';
import { getProcedure } from '../index';

const HOUR = 3_600_000;
const at = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+07:00`);
const local = (ms: number) => new Date(ms + 7 * HOUR).toISOString().slice(0, 16).replace('T', ' ');
const calendar = createCalendar();
const procedure = (code: string) => getProcedure(code) as ProcedureDefinition;

/** The version each moved to when its time became the law's, and that time (issue 13, section 3). */
const MOVED = [
  { code: '1.001193', version: 2, deadline: { workingDays: null, kind: 'same-day' }, verify: null },
  { code: '1.000656', version: 2, deadline: { workingDays: null, kind: 'same-day' }, verify: null },
  { code: '1.000894', version: 4, deadline: { workingDays: null, kind: 'same-day' }, verify: { maxExtraDays: 5 } },
  { code: '2.000815', version: 3, deadline: { workingDays: null, kind: 'same-day' }, verify: null },
  { code: '1.004873', version: 3, deadline: { workingDays: 3, kind: 'working-days' }, verify: { maxExtraDays: 23, unit: 'calendar-days' } },
] as const;

describe('the civil-status procedures and the certified copy on the time the law counts', () => {
  it.each(MOVED.map((m) => [m.code, m] as const))('%s: its version, its deadline kind, every channel on it, its verification kept', (code, m) => {
    const p = procedure(code);
    expect(p.version).toBe(m.version);
    expect(p.deadline).toEqual(m.deadline);
    // The catalogue crawl gives every channel the same figure: none has a time of its own.
    expect(p.deadlines).toBeUndefined();
    for (const channel of ['online', 'counter', 'kiosk', 'post'] as const) expect(deadlineFor(p, channel, null)).toEqual(m.deadline);
    const verify = p.stages.find((s) => s.name === 'verify');
    if (m.verify) expect(verify).toMatchObject(m.verify);
    else expect(verify).toBeUndefined();
    // Dossiers that started before versioning keep version 1 (8 working hours a day, from the minute).
    expect(LEGACY_RULES[code]).toMatchObject({ version: 1, deadline: { workingDays: m.deadline.workingDays ?? 1 } });
    expect(LEGACY_RULES[code]!.deadline.kind).toBeUndefined();
  });

  it('keeps what the earlier versions added: the per-page fee, the hand-over to both spouses', () => {
    expect(procedure('2.000815').feeRule?.source).toBe('Circular 226/2016/TT-BTC art. 4');
    expect(procedure('1.000894').stages.at(-1)).toMatchObject({ name: 'deliver', result: 'in-person-both-spouses' });
  });

  it.each([
    // Received Friday 15:30 (after the 15:00 cut-off): the next working day, at office close.
    ['1.001193', '2025-03-07 15:30', '2025-03-10 17:00', 'Friday after 15:00 → Monday'],
    ['1.000656', '2025-03-07 14:30', '2025-03-07 17:00', 'Friday before 15:00 → the same Friday'],
    ['1.000894', '2025-01-24 15:30', '2025-02-03 17:00', 'Friday 24/1/2025 after 15:00 → Monday 3/2, after Tết (27/1–31/1 off, A2025)'],
    ['1.000894', '2025-04-25 15:30', '2025-04-26 17:00', 'Friday 25/4/2025 after 15:00 → Saturday 26/4, a swapped working day (A2025)'],
    ['2.000815', '2025-08-29 15:30', '2025-09-03 17:00', 'Friday 29/8/2025 after 15:00 → Wed 3/9 (1/9 and 2/9 off for the National Day)'],
    ['1.004873', '2025-03-07 15:30', '2025-03-13 17:00', 'Friday after 15:00: received Monday 10/3, day 3 is Thursday 13/3'],
    ['1.004873', '2025-03-10 09:00', '2025-03-13 17:00', 'Monday: days 1–3 are Tuesday to Thursday'],
  ])('%s received %s is due %s (%s)', (code, from, due) => {
    const p = procedure(code);
    expect(local(dueFrom(deadlineFor(p, 'counter', null), at(from), calendar)!)).toBe(due);
    // The rules a dossier pins carry the kind, so the workflow counts the same way.
    expect(local(dueFrom(rulesOf(p).deadline, at(from), calendar)!)).toBe(due);
  });

  it('an especially difficult commune turns a same-day deadline into its extra working days only where the procedure states some', () => {
    // None of these procedures states extra days: the deadline is the same wherever the commune is.
    for (const m of MOVED) expect(deadlineFor(procedure(m.code), 'counter', 'especially-difficult')).toEqual(m.deadline);
  });
});

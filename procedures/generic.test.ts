import { describe, expect, it } from 'vitest';
import { createCalendar } from '../domain/calendar';
import { dueFrom } from '../domain/lifecycle/deadline';
import type { ChannelTerms } from './catalogue/types';
import { deadlineOf, genericDefinition } from './generic';
import { catalogueEntries, getProcedure } from './index';

const terms = (deadline: ChannelTerms['deadline']): ChannelTerms => ({ deadline, fee: { kind: 'free' } });
const at = (local: string) => Date.parse(`${local}+07:00`);
const calendar = createCalendar();

describe('a catalogue procedure as it stands', () => {
  it('takes the time the page states, counted as the law counts it, and never invents one', () => {
    expect(deadlineOf(terms({ amount: 5, unit: 'working-days' }))).toEqual({ workingDays: 5, kind: 'working-days' });
    expect(deadlineOf(terms({ amount: 4, unit: 'hours' }))).toEqual({ workingDays: 0.5, kind: 'working-hours' });
    expect(deadlineOf(terms({ amount: 30, unit: 'days' }))).toEqual({ workingDays: null, calendarDays: 30, kind: 'calendar-days' });
    expect(deadlineOf(terms({ amount: 7, unit: null, marker: 'unit-not-stated' }))).toEqual({ workingDays: null });
    expect(deadlineOf(terms({ amount: null, unit: null, marker: 'varies' }))).toEqual({ workingDays: null });
    expect(deadlineOf(terms({ amount: 2, unit: 'months' }))).toEqual({ workingDays: null });
    expect(deadlineOf(undefined)).toEqual({ workingDays: null });
  });

  it('falls due as Decree 61 counts it: 17:00 of the N-th working day after reception, from the next day after 15:00', () => {
    // Friday 04/12/2026 at 16:00 is taken in on Monday 07/12; 5 working days after it: Monday 14/12, 17:00.
    expect(dueFrom({ workingDays: 5, kind: 'working-days' }, at('2026-12-04T16:00:00'), calendar)).toBe(at('2026-12-14T17:00:00'));
    // Tuesday 01/12/2026 at 09:00: 5 working days after it is Tuesday 08/12, 17:00.
    expect(dueFrom({ workingDays: 5, kind: 'working-days' }, at('2026-12-01T09:00:00'), calendar)).toBe(at('2026-12-08T17:00:00'));
    // 30 calendar days from Tuesday 01/12/2026 end on Thursday 31/12/2026, a working day.
    expect(dueFrom({ workingDays: null, calendarDays: 30, kind: 'calendar-days' }, at('2026-12-01T09:00:00'), calendar)).toBe(at('2026-12-31T17:00:00'));
    // Version-1 rules keep counting working hours from the minute of reception.
    expect(dueFrom({ workingDays: 1 }, at('2026-12-01T09:00:00'), calendar)).toBe(at('2026-12-02T09:00:00'));
    expect(dueFrom({ workingDays: null }, at('2026-12-01T09:00:00'), calendar)).toBeNull();
  });

  it('gives every offered catalogue procedure a valid example, a stage list and one document slot per required document', () => {
    for (const entry of [...catalogueEntries().values()].slice(0, 400)) {
      const def = getProcedure(entry.code)!;
      expect(def.form.safeParse(def.example).success, entry.code).toBe(true);
      expect(def.stages.map((s) => s.name)[0]).toBe('receive');
      expect(def.stages.at(-1)!.name).toBe('deliver');
      if (def.code === entry.code && !def.source.startsWith('DVCQG')) expect(def.requiredDocuments).toHaveLength(entry.documents.length);
    }
    const generic = genericDefinition([...catalogueEntries().values()].find((e) => e.levels.length === 1 && e.levels[0] === 'province')!);
    expect(generic.level).toBe('province');
    expect(generic.handoff?.departmentCode).toMatch(/^H38\.[A-Z]+$/);
  });
});

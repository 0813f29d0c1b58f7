import { describe, expect, it } from 'vitest';
import { deadlineChanges, deadlineDraft } from '../../admin-ui/src/procedures/deadline-draft';
import type { Procedure } from '../../admin-ui/src/types';

/** The back office's publish dialog: what the administrator types per channel becomes the API's `deadline` / `deadlines`. */
const land = {
  deadline: { workingDays: 20, kind: 'working-days' },
  deadlines: { online: { workingDays: 17, kind: 'working-days' } },
} as Procedure;

describe('the per-channel deadlines typed in the publish dialog', () => {
  it('starts from the procedure: each channel’s own deadline, or empty where it runs on the counter’s', () => {
    expect(deadlineDraft(land)).toEqual({
      counter: { days: '20', kind: 'working-days' },
      online: { days: '17', kind: 'working-days' },
      post: { days: '', kind: 'working-days' },
    });
  });

  it('sends nothing for an untouched draft, and only the channels that differ', () => {
    const d = deadlineDraft(land);
    expect(deadlineChanges(land, d)).toEqual({});
    expect(deadlineChanges(land, { ...d, post: { days: '30', kind: 'working-days' } })).toEqual({ deadlines: { post: { workingDays: 30, kind: 'working-days' } } });
    expect(deadlineChanges(land, { ...d, online: { days: '', kind: 'working-days' } })).toEqual({ deadlines: { online: null } });
  });

  it('sends calendar days and the same day as the API counts them', () => {
    const d = deadlineDraft(land);
    expect(deadlineChanges(land, { ...d, counter: { days: '15', kind: 'calendar-days' } })).toEqual({ deadline: { workingDays: null, calendarDays: 15, kind: 'calendar-days' } });
    expect(deadlineChanges(land, { ...d, online: { days: '', kind: 'same-day' } })).toEqual({ deadlines: { online: { workingDays: null, kind: 'same-day' } } });
  });
});

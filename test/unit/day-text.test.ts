import { describe, expect, it } from 'vitest';
import { dayToText, isRealDay, textToDay } from '../../admin-ui/src/common/day-text';

describe('a day typed as on paper (dd/mm/yyyy) in the back office', () => {
  it('reads eight digits, slashes, dots or dashes as day, month, year — never the browser order', () => {
    expect(textToDay('20112026')).toBe('2026-11-20');
    expect(textToDay('20/11/2026')).toBe('2026-11-20');
    expect(textToDay('20.11.2026')).toBe('2026-11-20');
    expect(textToDay('5/3/2026')).toBe('2026-03-05');
  });
  it('puts the slashes in while digits are typed, and shows a stored ISO day back as dd/mm/yyyy', () => {
    expect(textToDay('2')).toBe('2');
    expect(textToDay('201')).toBe('20/1');
    expect(textToDay('20/112')).toBe('20/11/2');
    expect(textToDay('20/11/20')).toBe('20/11/20');
    // Deleting back over a slash leaves it deleted.
    expect(textToDay('20/')).toBe('20/');
    expect(textToDay('20')).toBe('20');
    expect(dayToText('2026-11-20')).toBe('20/11/2026');
    expect(dayToText('20/11/20')).toBe('20/11/20');
  });
  it('accepts only days that exist', () => {
    expect(isRealDay('2026-11-20')).toBe(true);
    expect(isRealDay('2026-02-31')).toBe(false);
    expect(isRealDay('12026-02-01')).toBe(false);
    expect(isRealDay('20/11/20')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { timelinessStats, type ClassCount } from './stats-timeliness';

const names = { agency: (c: string) => `agency ${c}`, procedure: (c: string) => `procedure ${c}` };
const row = (agencyCode: string, procedureCode: string, timeliness: ClassCount['timeliness'], count: number): ClassCount => ({ agencyCode, procedureCode, timeliness, count });

describe('timelinessStats', () => {
  const rows = [row('A', 'p1', 'early', 3), row('A', 'p1', 'late', 1), row('A', 'p2', 'on-time', 2), row('B', 'p1', 'late', 2)];
  const summary = { onlineRate: 0.5, onlinePaymentRate: 0.25, satisfaction: 4 };
  const s = timelinessStats(rows, summary, { delivered: 4, online: 1 }, names, new Date('2026-12-01T00:00:00Z'));

  it('splits early / on time / late in all, by agency and by procedure, the most late first', () => {
    expect(s.total).toEqual({ early: 3, onTime: 2, late: 3, onTimeRate: 5 / 8 });
    expect(s.byAgency).toEqual([
      { agencyCode: 'A', agencyName: 'agency A', early: 3, onTime: 2, late: 1, onTimeRate: 5 / 6 },
      { agencyCode: 'B', agencyName: 'agency B', early: 0, onTime: 0, late: 2, onTimeRate: 0 },
    ].sort((a, b) => b.late - a.late));
    expect(s.byProcedure.map((x) => [x.procedureCode, x.early, x.onTime, x.late])).toEqual([['p1', 3, 0, 3], ['p2', 0, 2, 0]]);
  });

  it('scores the indicator groups the data allows and says what is missing for the others', () => {
    const by = Object.fromEntries(s.indicators.map((i) => [i.group, i]));
    expect(by.progress).toEqual({ group: 'progress', measures: [{ key: 'onTimeRate', rate: 5 / 8 }], missing: null });
    expect(by['online-services']!.measures).toEqual([{ key: 'onlineSubmissionRate', rate: 0.5 }, { key: 'onlinePaymentRate', rate: 0.25 }]);
    expect(by.satisfaction!.measures).toEqual([{ key: 'ratingRate', rate: 0.8 }]);
    expect(by.digitisation!.measures).toEqual([{ key: 'onlineResultRate', rate: 0.25 }]);
    expect(by.transparency).toMatchObject({ measures: [], missing: expect.any(String) });
  });

  it('has no rate without classified dossiers', () => {
    const empty = timelinessStats([], { onlineRate: null, onlinePaymentRate: null, satisfaction: null }, { delivered: 0, online: 0 }, names, new Date());
    expect(empty.total).toEqual({ early: 0, onTime: 0, late: 0, onTimeRate: null });
    expect(empty.indicators.find((i) => i.group === 'digitisation')!.measures[0]!.rate).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { summarise, type StatusSums } from './stats-summary';

const sums = (s: Partial<StatusSums> & Pick<StatusSums, 'status' | 'count'>): StatusSums => ({
  onTime: 0, online: 0, paid: 0, paidOnline: 0, daysSum: 0, daysN: 0, ratingSum: 0, ratingN: 0, ...s,
});

describe('summarise', () => {
  it('takes on-time over decided dossiers, processing days over delivered ones, rates over all', () => {
    const asOf = new Date('2026-11-28T02:00:00Z');
    const s = summarise(
      [
        sums({ status: 'DELIVERED', count: 6, onTime: 5, online: 4, paid: 2, paidOnline: 1, daysSum: 12, daysN: 6, ratingSum: 9, ratingN: 2 }),
        sums({ status: 'REJECTED', count: 2, onTime: 1, online: 1, daysSum: 100, daysN: 2 }),
        sums({ status: 'IN_REVIEW', count: 2, onTime: 0, online: 1, paid: 2, paidOnline: 2 }),
      ],
      asOf,
    );
    expect(s).toEqual({
      total: 10,
      finished: 8,
      onTimeRate: 6 / 8,
      onlineRate: 6 / 10,
      onlinePaymentRate: 3 / 4,
      avgProcessingDays: 2,
      satisfaction: 4.5,
      byStatus: [{ status: 'DELIVERED', count: 6 }, { status: 'REJECTED', count: 2 }, { status: 'IN_REVIEW', count: 2 }],
      asOf: '2026-11-28T02:00:00.000Z',
    });
  });

  it('gives no rate where nothing is counted', () => {
    expect(summarise([], new Date(0))).toMatchObject({ total: 0, finished: 0, onTimeRate: null, onlineRate: null, onlinePaymentRate: null, avgProcessingDays: null, satisfaction: null, byStatus: [] });
  });
});

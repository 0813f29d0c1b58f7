import { describe, expect, it } from 'vitest';
import { feeOf, tiered } from './fees';
import type { FeeRule, ProcedureRules } from './procedure-rules';

/** Circular 226/2016/TT-BTC art. 4: 2,000 VND/page, 1,000 VND/page from the third, at most 200,000 VND per copy. */
const certifiedCopy: Pick<ProcedureRules, 'fee' | 'feeRule'> = {
  fee: { counter: 2000 },
  feeRule: {
    perUnit: { field: 'pages', tiers: [{ upTo: 2, vnd: 2000 }, { upTo: null, vnd: 1000 }], capPerItem: 200_000, timesField: 'copies' },
    source: 'Circular 226/2016/TT-BTC art. 4',
  },
};

/** Circular 75/2022/TT-BTC as the procedure page states it: 20,000 VND at the counter, 10,000 VND online; art. 4 exemptions. */
const residence: Pick<ProcedureRules, 'fee' | 'feeRule'> = {
  fee: { counter: 20_000, online: 10_000 },
  feeRule: { exemptions: { field: 'feeExemption', values: ['tre-em', 'ho-ngheo', 'xa-bien-gioi'] }, source: 'Circular 75/2022/TT-BTC art. 4' },
};

describe('a fee that follows the form', () => {
  // [pages, copies, expected VND, why] — hand-computed from TT 226/2016 art. 4.
  const copies: [number, number, number, string][] = [
    [1, 1, 2_000, 'one page: 2,000'],
    [2, 1, 4_000, 'two pages at 2,000'],
    [3, 1, 5_000, 'the third page at 1,000'],
    [10, 1, 12_000, '2 × 2,000 + 8 × 1,000'],
    [1, 3, 6_000, 'three copies of one page'],
    [5, 2, 14_000, '(4,000 + 3,000) per copy × 2'],
    [198, 1, 200_000, '4,000 + 196,000 = 200,000, at the cap'],
    [199, 1, 200_000, '201,000 capped at 200,000'],
    [500, 1, 200_000, 'capped per copy'],
    [500, 3, 600_000, 'the cap is per copy, not per dossier'],
  ];
  it.each(copies)('certified copy: %i pages × %i copies = %i VND (%s)', (pages, n, vnd) => {
    expect(feeOf(certifiedCopy, 'counter', { pages, copies: n })).toBe(vnd);
  });

  it('certified copy: the channel does not change a per-page fee', () => {
    expect(feeOf(certifiedCopy, 'post', { pages: 3, copies: 2 })).toBe(10_000);
  });

  // [channel, exemption, expected VND, why] — TT 75/2022's rates (as the procedure page states them), art. 4 exemptions.
  const residences: [string, string | undefined, number, string][] = [
    ['counter', undefined, 20_000, 'at the counter'],
    ['online', undefined, 10_000, 'online, half'],
    ['post', undefined, 20_000, 'by post: the counter rate'],
    ['kiosk', undefined, 20_000, 'the kiosk: the counter rate'],
    ['counter', 'tre-em', 0, 'art. 4(1): a child'],
    ['online', 'ho-ngheo', 0, 'art. 4(3): a poor household'],
    ['counter', 'xa-bien-gioi', 0, 'art. 4(3): a border commune'],
    ['counter', 'not-listed', 20_000, 'a value the rule does not list exempts nothing'],
  ];
  it.each(residences)('permanent residence via %s, exemption %s = %i VND (%s)', (channel, feeExemption, vnd) => {
    const form = feeExemption ? { feeExemption } : {};
    expect(feeOf(residence, channel as 'counter', form)).toBe(vnd);
  });

  it('without a fee rule, the fixed fee of the channel', () => {
    expect(feeOf({ fee: { counter: 50_000, online: 30_000 } }, 'online', {})).toBe(30_000);
    expect(feeOf({ fee: { counter: 50_000, online: 30_000 } }, 'post', {})).toBe(50_000);
  });

  it('prices units tier by tier', () => {
    const tiers: NonNullable<FeeRule['perUnit']>['tiers'] = [{ upTo: 2, vnd: 2000 }, { upTo: 5, vnd: 1500 }, { upTo: null, vnd: 1000 }];
    expect(tiered(0, tiers)).toBe(0);
    expect(tiered(2, tiers)).toBe(4000);
    expect(tiered(5, tiers)).toBe(8500);
    expect(tiered(7, tiers)).toBe(10_500);
  });
});

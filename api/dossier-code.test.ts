import { describe, expect, it } from 'vitest';
import { dossierCodeKey, suffixOf } from './dossier-code';

describe('dossier code suffixes', () => {
  const key = dossierCodeKey({ JWT_SECRET: 'a-test-secret-of-some-length' });

  it('are a permutation of 1..9999 for an agency and day: unique, four digits, never 0000', () => {
    const seen = new Set<number>();
    for (let n = 1; n <= 9999; n++) seen.add(suffixOf(key, '02647', '261201', n));
    expect(seen.size).toBe(9999);
    expect(seen.has(0)).toBe(false);
    expect(Math.max(...seen)).toBeLessThanOrEqual(9999);
  });

  it('cannot be walked: consecutive dossiers are not neighbours, and another key or day scatters differently', () => {
    const first = Array.from({ length: 20 }, (_, i) => suffixOf(key, '02647', '261201', i + 1));
    const steps = first.slice(1).map((v, i) => Math.abs(v - first[i]!));
    expect(steps.filter((d) => d === 1).length).toBeLessThan(3);
    expect(first).not.toEqual(Array.from({ length: 20 }, (_, i) => suffixOf(key, '02647', '261202', i + 1)));
    const other = dossierCodeKey({ JWT_SECRET: 'another-secret-entirely-here' });
    expect(first).not.toEqual(Array.from({ length: 20 }, (_, i) => suffixOf(other, '02647', '261201', i + 1)));
  });
});

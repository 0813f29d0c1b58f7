import { describe, expect, it } from 'vitest';
import { availableMemoryBytes, defaultMaxCachedWorkflows } from '../../worker/cache-size';

const MiB = 2 ** 20;

describe('default sticky cache size', () => {
  it('keeps a quarter of the memory for cached dossiers, between 50 and 1,000 of them', () => {
    expect(defaultMaxCachedWorkflows(24 * 1024 * MiB)).toBe(1_000);
    expect(defaultMaxCachedWorkflows(1024 * MiB)).toBe(426);
    expect(defaultMaxCachedWorkflows(512 * MiB)).toBe(213);
    expect(defaultMaxCachedWorkflows(64 * MiB)).toBe(50);
  });

  it('reads the memory this process may use', () => {
    expect(availableMemoryBytes()).toBeGreaterThan(0);
    expect(defaultMaxCachedWorkflows()).toBeGreaterThanOrEqual(50);
  });
});

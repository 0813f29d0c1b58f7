import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  it('computes once for concurrent callers and serves the result until it expires', async () => {
    let t = 0;
    let runs = 0;
    const cache = new TtlCache<number>(30_000, 10, () => t);
    const compute = async () => ++runs;
    expect(await Promise.all([cache.get('k', compute), cache.get('k', compute), cache.get('k', compute)])).toEqual([1, 1, 1]);
    t = 29_999;
    expect(await cache.get('k', compute)).toBe(1);
    t = 30_000;
    expect(await cache.get('k', compute)).toBe(2);
    expect(await cache.get('other', compute)).toBe(3);
  });

  it('forgets a failure, so the next caller computes again', async () => {
    const cache = new TtlCache<string>(30_000, 10, () => 0);
    await expect(cache.get('k', () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    expect(await cache.get('k', async () => 'ok')).toBe('ok');
  });

  it('computes afresh after forget, before the entry would expire', async () => {
    let runs = 0;
    const cache = new TtlCache<number>(30_000, 10, () => 0);
    const compute = async () => ++runs;
    expect(await cache.get('k', compute)).toBe(1);
    cache.forget('k');
    expect(await cache.get('k', compute)).toBe(2);
    expect(await cache.get('k', compute)).toBe(2);
  });

  it('drops the oldest keys beyond its size', async () => {
    let runs = 0;
    const cache = new TtlCache<number>(30_000, 2, () => 0);
    const compute = async () => ++runs;
    await cache.get('a', compute);
    await cache.get('b', compute);
    await cache.get('c', compute);
    expect(await cache.get('b', compute)).toBe(2);
    expect(await cache.get('a', compute)).toBe(4);
  });
});

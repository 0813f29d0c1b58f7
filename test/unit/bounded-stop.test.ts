import { describe, expect, it } from 'vitest';
import { stopWithin } from '../../runtime/bounded-stop';

describe('stopWithin', () => {
  it('answers stopped when the stop finishes in time', async () => {
    let stopped = false;
    expect(await stopWithin(async () => void (stopped = true), 1_000)).toBe('stopped');
    expect(stopped).toBe(true);
  });

  it('answers forced at the deadline when the stop hangs', async () => {
    const started = Date.now();
    expect(await stopWithin(() => new Promise<void>(() => {}), 200)).toBe('forced');
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('passes a failing stop on to the caller', async () => {
    await expect(stopWithin(() => Promise.reject(new Error('boom')), 1_000)).rejects.toThrow('boom');
  });
});

import { describe, expect, it } from 'vitest';
import { loadFixture, measureFixture } from './fixture';
import { measure } from './quality';

/**
 * The parser against the hand-checked fixtures (README, "Parse quality"). Thresholds sit just
 * under today's figures, so a regression of a few extractions fails the build.
 */
describe('catalogue parse quality', () => {
  it('reads deadlines, fees and documents of the main fixture (62 pages) at the measured quality', () => {
    const q = measureFixture('main');
    expect(q.documents.total).toBeGreaterThanOrEqual(60);
    expect(q.deadline.precision).toBeGreaterThanOrEqual(0.98);
    expect(q.deadline.recall).toBeGreaterThanOrEqual(0.97);
    expect(q.fee.precision).toBeGreaterThanOrEqual(0.98);
    expect(q.fee.recall).toBeGreaterThanOrEqual(0.98);
    expect(q.documents.accuracy).toBeGreaterThanOrEqual(0.93);
  });

  it('holds up on the held-out fixture (20 pages never tuned on)', () => {
    const q = measureFixture('held-out');
    expect(q.deadline.precision).toBeGreaterThanOrEqual(0.97);
    expect(q.deadline.recall).toBeGreaterThanOrEqual(0.8);
    expect(q.fee.precision).toBeGreaterThanOrEqual(0.88);
    expect(q.fee.recall).toBeGreaterThanOrEqual(0.93);
    expect(q.documents.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('counts a wrong extraction against precision and a missing one against recall', () => {
    const { fixture } = loadFixture('main');
    const entry = fixture.find((p) => p.channels.counter?.deadline.amount != null)!;
    const truth = new Map(fixture.map((p) => [p.code, { channels: p.channels, documents: Array.from({ length: p.documents }, () => ({ name: 'x', originals: 1, copies: 0, hasForm: false })) }]));
    expect(measure(fixture, truth).deadline).toMatchObject({ precision: 1, recall: 1 });

    const wrong = new Map(truth);
    wrong.set(entry.code, { ...truth.get(entry.code)!, channels: { ...entry.channels, counter: { ...entry.channels.counter!, deadline: { amount: 999, unit: 'days' } } } });
    const w = measure(fixture, wrong).deadline;
    expect(w.precision).toBeLessThan(1);
    expect(w.recall).toBeLessThan(1);

    const abstain = new Map(truth);
    abstain.set(entry.code, { ...truth.get(entry.code)!, channels: { ...entry.channels, counter: { ...entry.channels.counter!, deadline: { amount: null, unit: null, marker: 'not-stated' } } } });
    const a = measure(fixture, abstain).deadline;
    expect(a.precision).toBe(1);
    expect(a.recall).toBeLessThan(1);
  });
});

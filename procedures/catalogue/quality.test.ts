import { describe, expect, it } from 'vitest';
import { loadFixture, measureFixture } from './fixture';
import { measure } from './quality';

/** Each figure at or above its floor: `[precision, recall]` of deadlines and fees, the documents' accuracy. */
function expectAtLeast(q: ReturnType<typeof measureFixture>, floors: { deadline: [number, number]; fee: [number, number]; documents: number }) {
  for (const part of ['deadline', 'fee'] as const) {
    expect(q[part].precision, `${part} precision`).toBeGreaterThanOrEqual(floors[part][0]);
    expect(q[part].recall, `${part} recall`).toBeGreaterThanOrEqual(floors[part][1]);
  }
  expect(q.documents.accuracy, 'documents accuracy').toBeGreaterThanOrEqual(floors.documents);
}

/**
 * The parser against the hand-checked fixtures (README, "Parse quality"). Thresholds sit just
 * under today's figures, so a regression of a few extractions fails the build.
 */
describe('catalogue parse quality', () => {
  it('reads deadlines, fees and documents of the main fixture (62 pages) at the measured quality', () => {
    const q = measureFixture('main');
    expect(q.documents.total).toBeGreaterThanOrEqual(60);
    expectAtLeast(q, { deadline: [0.98, 0.97], fee: [0.98, 0.98], documents: 0.93 });
  });

  it('holds up on the held-out fixture (20 pages never tuned on)', () => {
    expectAtLeast(measureFixture('held-out'), { deadline: [0.97, 0.8], fee: [0.88, 0.93], documents: 0.9 });
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

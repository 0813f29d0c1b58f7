import type { Channel, Deadline, Fee, Procedure } from './types';
import { CHANNELS } from './types';

/** One procedure as labelled by hand in fixture.hand-checked.json. */
export type FixtureEntry = {
  code: string;
  file: string;
  levels: string;
  channels: Partial<Record<Channel, { deadline: Deadline; fee: Fee }>>;
  documents: number;
};

export type Score = { extracted: number; stated: number; correct: number; precision: number; recall: number };
export type Quality = { deadline: Score; fee: Score; documents: { exact: number; total: number; accuracy: number }; misses: string[] };

const isDeadlineValue = (d: Deadline | undefined) => d !== undefined && d.amount !== null;
const isFeeValue = (f: Fee | undefined) => f !== undefined && f.kind !== 'not-stated' && f.kind !== 'unparsed';
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function score(extracted: number, stated: number, correct: number): Score {
  return { extracted, stated, correct, precision: extracted ? correct / extracted : 1, recall: stated ? correct / stated : 1 };
}

/**
 * Precision = correct extracted / extracted; recall = correct extracted / stated in the fixture,
 * counted per (procedure, channel). A value is "extracted" when the parser gives a number (a
 * deadline with an amount, a fee of a known kind); markers (not stated, varies, unparsed) are abstentions.
 */
export function measure(fixture: FixtureEntry[], parsed: Map<string, Pick<Procedure, 'channels' | 'documents'>>): Quality {
  const t = { dE: 0, dS: 0, dC: 0, fE: 0, fS: 0, fC: 0, docs: 0 };
  const misses: string[] = [];
  for (const want of fixture) {
    const got = parsed.get(want.code);
    if (!got) throw new Error(`fixture procedure ${want.code} was not parsed`);
    for (const channel of CHANNELS) {
      const w = want.channels[channel];
      const g = got.channels[channel];
      if (isDeadlineValue(g?.deadline)) t.dE++;
      if (isDeadlineValue(w?.deadline)) t.dS++;
      if (isDeadlineValue(g?.deadline) && same(g?.deadline, w?.deadline)) t.dC++;
      else if (!same(g?.deadline, w?.deadline)) misses.push(`${want.code} ${channel} deadline: want ${JSON.stringify(w?.deadline)} got ${JSON.stringify(g?.deadline)}`);
      if (isFeeValue(g?.fee)) t.fE++;
      if (isFeeValue(w?.fee)) t.fS++;
      if (isFeeValue(g?.fee) && same(g?.fee, w?.fee)) t.fC++;
      else if (!same(g?.fee, w?.fee)) misses.push(`${want.code} ${channel} fee: want ${JSON.stringify(w?.fee)} got ${JSON.stringify(g?.fee)}`);
    }
    if (got.documents.length === want.documents) t.docs++;
    else misses.push(`${want.code} documents: want ${want.documents} got ${got.documents.length}`);
  }
  return {
    deadline: score(t.dE, t.dS, t.dC),
    fee: score(t.fE, t.fS, t.fC),
    documents: { exact: t.docs, total: fixture.length, accuracy: t.docs / fixture.length },
    misses,
  };
}

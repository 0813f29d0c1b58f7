import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalogue, serializeCatalogue, SOURCE_COMMIT } from './catalogue-file';
import { isOffered } from './normalize';
import { CHANNELS, DEADLINE_UNITS, LEVELS, SUBJECT_KINDS } from './types';

const text = readFileSync(new URL('catalogue.jsonl', import.meta.url), 'utf8');
const catalogue = parseCatalogue(text);

/** The committed data file (README): what the registry and the finder will build on. */
describe('the committed catalogue', () => {
  it('rejects a line that breaks the schema', () => {
    const [first] = text.split('\n');
    const broken = JSON.stringify({ ...JSON.parse(first!), channels: { counter: { deadline: { amount: 5, unit: null }, fee: { kind: 'free' } } } });
    expect(() => parseCatalogue(broken + '\n')).toThrow(/catalogue line 1/);
  });

  it('is one procedure per line, sorted by code, and re-serializes byte for byte', () => {
    expect(catalogue.length).toBeGreaterThan(1500);
    const codes = catalogue.map((p) => p.code);
    expect(codes).toEqual([...new Set(codes)].sort());
    expect(serializeCatalogue(catalogue)).toBe(text);
  });

  it('holds only procedures the province offers, each with its provenance', () => {
    for (const p of catalogue) {
      expect(isOffered(p), p.code).toBe(true);
      expect(p.levels.every((l) => LEVELS.includes(l))).toBe(true);
      expect(p.subjects.every((s) => SUBJECT_KINDS.includes(s))).toBe(true);
      expect(p.source.commit).toBe(SOURCE_COMMIT);
      expect(p.source.file).toMatch(new RegExp(`/${p.code.replace('.', '\\.')}\\.json$`));
    }
  });

  it('states deadlines and fees in the closed vocabulary, never a deadline without its marker', () => {
    for (const p of catalogue) {
      for (const [channel, terms] of Object.entries(p.channels)) {
        expect(CHANNELS).toContain(channel);
        const d = terms.deadline;
        if (d.unit !== null) expect(DEADLINE_UNITS).toContain(d.unit);
        else expect('marker' in d && d.marker, p.code).toBeTruthy();
        if (terms.fee.kind === 'amount' || terms.fee.kind === 'per-unit') expect(terms.fee.vnd).toBeGreaterThanOrEqual(1000);
      }
    }
  });

  it('keeps facts, not prose: document and result names are short and nothing else is carried', () => {
    for (const p of catalogue) {
      expect(Object.keys(p).sort()).toEqual(['audience', 'channels', 'code', 'competentAgency', 'documents', 'field', 'implementingAgency', 'legalBases', 'levels', 'name', 'results', 'source', 'subjects']);
      for (const d of [...p.documents, ...p.results]) expect(d.name.length).toBeLessThanOrEqual(161);
    }
  });
});

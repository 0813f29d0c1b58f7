import { readFileSync } from 'node:fs';
import { parseChannels } from './parse-channels';
import { parseDocuments } from './parse-documents';
import { measure, type FixtureEntry, type Quality } from './quality';

/**
 * The hand-checked fixtures and the raw text they were read from (only the two parsed fields of
 * each sampled page), so the parser's quality is measured without the crawl on the machine.
 * `main`: 62 pages labelled before the parser was measured, then tuned on. `held-out`: 20 pages
 * labelled after tuning and never tuned on (procedures/catalogue/README.md, "Parse quality").
 */
export const FIXTURES = { main: 'fixture.hand-checked', 'held-out': 'fixture.held-out' } as const;
export type FixtureName = keyof typeof FIXTURES;

const here = new URL('.', import.meta.url);
type RawEntry = { code: string; cach_thuc_thuc_hien: string; thanh_phan_ho_so: string };
const readJson = <T>(file: string) => JSON.parse(readFileSync(new URL(file, here), 'utf8')) as T;

export function loadFixture(name: FixtureName): { fixture: FixtureEntry[]; raw: RawEntry[] } {
  const base = FIXTURES[name];
  return { fixture: readJson<{ procedures: FixtureEntry[] }>(`${base}.json`).procedures, raw: readJson<RawEntry[]>(`${base}.raw.json`) };
}

/** Runs today's parsers on a fixture's raw text and scores them against the hand labels. */
export function measureFixture(name: FixtureName): Quality {
  const { fixture, raw } = loadFixture(name);
  const parsed = new Map(raw.map((r) => [r.code, { channels: parseChannels(r.cach_thuc_thuc_hien), documents: parseDocuments(r.thanh_phan_ho_so) }]));
  return measure(fixture, parsed);
}

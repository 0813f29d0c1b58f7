import { readFileSync } from 'node:fs';
import { parseChannels } from './parse-channels';
import { parseDocuments } from './parse-documents';
import { measure, type FixtureEntry, type Quality } from './quality';

/**
 * The hand-checked fixture and the raw text it was read from (only the two parsed fields of the
 * 62 sampled pages), so the parser's quality is measured without the crawl on the machine.
 */
const here = new URL('.', import.meta.url);
type RawEntry = { code: string; cach_thuc_thuc_hien: string; thanh_phan_ho_so: string };

export function loadFixture(): { fixture: FixtureEntry[]; raw: RawEntry[] } {
  const fixture = (JSON.parse(readFileSync(new URL('fixture.hand-checked.json', here), 'utf8')) as { procedures: FixtureEntry[] }).procedures;
  const raw = JSON.parse(readFileSync(new URL('fixture.raw.json', here), 'utf8')) as RawEntry[];
  return { fixture, raw };
}

/** Runs today's parsers on the fixture's raw text and scores them against the hand labels. */
export function measureFixture(): Quality {
  const { fixture, raw } = loadFixture();
  const parsed = new Map(raw.map((r) => [r.code, { channels: parseChannels(r.cach_thuc_thuc_hien), documents: parseDocuments(r.thanh_phan_ho_so) }]));
  return measure(fixture, parsed);
}

/**
 * Imports the national procedure catalogue (procedures/catalogue/README.md) from a checkout of the
 * portal crawl: `npm run catalogue:import -- <raw dir> [--commit <sha>] [--out <file>]`.
 * Writes one procedure per line, sorted by code, so re-running on the same input is byte-identical
 * and a catalogue update reads as a line diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isOffered, normalizeProcedure } from '../procedures/catalogue/normalize';
import { SOURCE_COMMIT, SOURCE_DIR, SOURCE_REPO, serializeCatalogue } from '../procedures/catalogue/catalogue-file';
import type { Procedure, RawProcedure } from '../procedures/catalogue/types';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const input = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
if (!input) {
  console.error('usage: npm run catalogue:import -- <dir with the raw/ folder> [--commit <sha>] [--out <file>]');
  process.exit(2);
}
const rawDir = existsSync(join(input, 'raw')) ? join(input, 'raw') : input;
const commit = arg('--commit', SOURCE_COMMIT);
const out = arg('--out', 'procedures/catalogue/catalogue.jsonl');

const started = performance.now();
const files = readdirSync(rawDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.split('\\').join('/'))
  .sort();
const procedures: Procedure[] = [];
files.forEach((file, i) => {
  const raw = JSON.parse(readFileSync(join(rawDir, file), 'utf8')) as RawProcedure;
  try {
    procedures.push(normalizeProcedure(raw, { repo: SOURCE_REPO, commit, file: `${SOURCE_DIR}/${file}` }));
  } catch (err) {
    throw new Error(`${relative('.', join(rawDir, file))}: ${(err as Error).message}`, { cause: err });
  }
  if ((i + 1) % 250 === 0 || i + 1 === files.length) process.stderr.write(`\rparsed ${i + 1}/${files.length}`);
});
process.stderr.write('\n');

const offered = procedures.filter(isOffered);
const text = serializeCatalogue(offered);
writeFileSync(out, text);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.error(`wrote ${out}: ${offered.length} offered procedures of ${procedures.length} (the others are ministry-level only), ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB in ${seconds} s`);

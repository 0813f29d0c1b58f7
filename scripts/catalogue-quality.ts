/**
 * Prints the parse quality of the catalogue importer against the hand-checked fixtures
 * (procedures/catalogue/README.md, "Parse quality"): `npm run catalogue:quality [-- --misses]`.
 */
import { FIXTURES, measureFixture, type FixtureName } from '../procedures/catalogue/fixture';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
for (const name of Object.keys(FIXTURES) as FixtureName[]) {
  const q = measureFixture(name);
  console.log(`${name} (${q.documents.total} procedures)`);
  for (const [field, s] of [['deadline', q.deadline], ['fee', q.fee]] as const) {
    console.log(`  ${field.padEnd(9)} precision ${pct(s.precision)} (${s.correct}/${s.extracted})  recall ${pct(s.recall)} (${s.correct}/${s.stated})`);
  }
  console.log(`  documents exact count ${pct(q.documents.accuracy)} (${q.documents.exact}/${q.documents.total})`);
  if (process.argv.includes('--misses')) for (const m of q.misses) console.log('    ' + m);
}

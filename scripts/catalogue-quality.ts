/**
 * Prints the parse quality of the catalogue importer against the hand-checked fixture
 * (procedures/catalogue/README.md, "Parse quality"): `npm run catalogue:quality [-- --misses]`.
 */
import { measureFixture } from '../procedures/catalogue/fixture';

const q = measureFixture();
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
for (const [name, s] of [['deadline', q.deadline], ['fee', q.fee]] as const) {
  console.log(`${name.padEnd(9)} precision ${pct(s.precision)} (${s.correct}/${s.extracted})  recall ${pct(s.recall)} (${s.correct}/${s.stated})`);
}
console.log(`documents exact count ${pct(q.documents.accuracy)} (${q.documents.exact}/${q.documents.total})`);
if (process.argv.includes('--misses')) for (const m of q.misses) console.log('  ' + m);

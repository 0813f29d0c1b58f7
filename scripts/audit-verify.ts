/**
 * `npm run audit:verify [-- --dossier CODE]`: recomputes every dossier's audit hash chain from
 * the stored rows and prints OK/BROKEN per dossier (with the first bad seq). Exit code 1 on any
 * break. Uses DATABASE_URL, or the embedded PGlite database in MOTCUA_DATA_DIR.
 */
import { asc, eq } from 'drizzle-orm';
import { verifyChain } from '../activities/audit/verify';
import { openDb } from '../db/client';
import { dossierEvents } from '../db/schema';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i >= 0) return process.argv[i + 1];
  const eqArg = process.argv.find((a) => a.startsWith(`${name}=`));
  return eqArg?.slice(name.length + 1);
}

const only = argValue('--dossier');
const dbh = openDb({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.MOTCUA_DATA_DIR ?? '.data', max: 2 });
let broken = 0;
let checked = 0;
try {
  const codes = only
    ? [only]
    : (await dbh.db.selectDistinct({ code: dossierEvents.dossierCode }).from(dossierEvents).orderBy(asc(dossierEvents.dossierCode))).map((r) => r.code);
  for (const code of codes) {
    const rows = await dbh.db.select().from(dossierEvents).where(eq(dossierEvents.dossierCode, code)).orderBy(asc(dossierEvents.seq));
    if (rows.length === 0) {
      console.log(`${code}  NOT FOUND (no audit events)`);
      broken += 1;
      continue;
    }
    const v = verifyChain(code, rows);
    checked += 1;
    if (v.ok) console.log(`${code}  OK      ${v.events} events`);
    else {
      broken += 1;
      console.log(`${code}  BROKEN  at seq ${v.brokenAtSeq}: ${v.reason}`);
    }
  }
  console.log(`\n${checked} dossier(s) checked, ${broken} broken`);
} finally {
  await dbh.close();
}
process.exit(broken > 0 ? 1 : 0);

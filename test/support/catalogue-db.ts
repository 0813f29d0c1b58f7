import { inject } from 'vitest';
import { ProcedureVersions } from '../../api/procedure-versions';
import { openDb, type DbHandle } from '../../db/client';
import { syncProcedures } from '../../db/seed';

/**
 * The suite's database with the catalogue in it and its current versions loaded: what the
 * public routes (finder, advisor, guidance, headline figures) read, without Temporal or users.
 * The caller closes `dbh`.
 */
export async function openCatalogueDb(): Promise<{ dbh: DbHandle; procedures: ProcedureVersions }> {
  const dbh = openDb({ databaseUrl: inject('databaseUrl'), max: 2 });
  await dbh.migrate();
  await syncProcedures(dbh.db);
  const procedures = new ProcedureVersions(dbh.db);
  await procedures.reload();
  return { dbh, procedures };
}

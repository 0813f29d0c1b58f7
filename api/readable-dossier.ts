import type { Request } from 'express';
import type { Db } from '../db/client';
import type { DossierRow } from '../db/schema';
import { dossierSubject } from './dossier-view';
import { readsOf } from './prepared-reads';
import { notFound } from './problem';

/**
 * The dossier row if the caller may read it. Another agency's dossier answers exactly like a
 * dossier that does not exist (404), so codes cannot be probed.
 */
export async function readableDossier(db: Db, req: Request, code: string): Promise<DossierRow> {
  const [row] = await readsOf(db).dossier.execute({ code });
  if (!row || !req.ability!.can('read', dossierSubject(row))) throw notFound(`dossier ${code}`);
  return row;
}

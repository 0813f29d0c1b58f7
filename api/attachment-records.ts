import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import { documents, type DocumentRow } from '../db/schema';
import type { StoreMark } from './citizen-store';
import { readsOf } from './prepared-reads';
import { badRequest } from './problem';

/** An attachment as the API shows it; `fromStore` for a file the citizen took from their store (api/citizen-store.ts). */
export const attachmentView = (d: DocumentRow, fromStore: StoreMark | null = null) => ({
  id: d.id,
  name: d.name,
  mimeType: d.mimeType,
  size: d.size,
  sha256: d.sha256,
  requirement: d.requirement,
  createdAt: d.createdAt.toISOString(),
  fromStore,
});

/**
 * The documents `ids` name, each uploaded by `userId` and not yet attached to a dossier — or
 * already attached to `sameDossier` (a retried request); anything else is a 400 with one field
 * error per bad id, so another user's upload is indistinguishable from none.
 */
export async function claimableAttachments(db: Db, userId: string, ids: readonly string[], field: string, sameDossier?: string): Promise<DocumentRow[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await db.select().from(documents).where(inArray(documents.id, unique));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const errors: { field: string; message: string }[] = [];
  ids.forEach((id, i) => {
    const d = byId.get(id);
    if (!d || d.uploadedBy !== userId) errors.push({ field: `${field}.${i}`, message: 'no such attachment among your uploads' });
    else if (d.dossierCode !== null && d.dossierCode !== sameDossier) errors.push({ field: `${field}.${i}`, message: 'this attachment already belongs to another dossier' });
    else if (ids.indexOf(id) !== i) errors.push({ field: `${field}.${i}`, message: 'listed twice' });
  });
  if (errors.length) throw badRequest(errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
  return unique.map((id) => byId.get(id)!);
}

/** Attaches the caller's unattached uploads to a dossier (those already on it stay). */
export async function linkAttachments(db: Db, dossierCode: string, userId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(documents)
    .set({ dossierCode })
    .where(and(inArray(documents.id, [...new Set(ids)]), eq(documents.uploadedBy, userId), or(isNull(documents.dossierCode), eq(documents.dossierCode, dossierCode))));
}

export const dossierAttachments = (db: Db, dossierCode: string) => readsOf(db).attachments.execute({ code: dossierCode });

// The citizen's document store, "kho dữ liệu" (docs/signing.md, "The citizen's store"): the signed
// results delivered to a citizen online, listed, downloaded and reused in a later dossier by
// reference, without uploading them again.
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { and, desc, eq, exists, inArray, notExists, sql } from 'drizzle-orm';
import { citizenDocuments, documents, dossierEvents, dossiers, issuedDocuments, type CitizenDocumentRow, type DocumentRow } from '../db/schema';
import { getProcedure } from '../procedures';
import type { AttachmentStore } from './attachment-store';
import type { AppContext } from './context';
import { applicantDocuments, documentDataSource } from './document-data';
import { documentSigner } from './document-signer';
import { FORMS } from './documents/forms';
import { issueSigned, verification } from './issued-documents';
import { HttpProblem } from './problem';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The stored file no longer hashes to what was issued: it is never handed on. */
export const storeDocumentAltered = (id: string) =>
  new HttpProblem(409, 'store-document-altered', 'Conflict', `document ${id} of your store no longer matches the hash it was issued with`);

/** A store entry as its owner sees it: where it came from, never a personal field. */
export const storeDocumentView = (d: CitizenDocumentRow) => ({
  id: d.id,
  kind: d.kind,
  title: FORMS[d.kind as keyof typeof FORMS]?.title ?? d.kind,
  procedureCode: d.procedureCode,
  procedureName: getProcedure(d.procedureCode)?.name.vi ?? d.procedureCode,
  dossierCode: d.dossierCode,
  sha256: d.sha256,
  issuedAt: d.issuedAt.toISOString(),
  /** The code of the public verification page (/xac-minh/<code>). */
  verifyCode: d.issuedCode,
});

export function citizenStore(ctx: AppContext, files: AttachmentStore) {
  const db = ctx.dbh.db;
  const documentData = documentDataSource(ctx);

  /**
   * Puts a delivered dossier's signed result into its applicant's store: only a dossier with an
   * applicant account, delivered online, whose result may be delivered electronically at all
   * (a paper original is handed over at the desk). Idempotent; null when it does not qualify.
   */
  async function fileResult(dossierCode: string): Promise<CitizenDocumentRow | null> {
    const [row] = await db.select().from(dossiers).where(eq(dossiers.code, dossierCode));
    if (!row?.applicantUserId || row.status !== 'DELIVERED' || !applicantDocuments(row, ctx.procedures).includes('result')) return null;
    const [delivered] = await db
      .select({ data: dossierEvents.data })
      .from(dossierEvents)
      .where(and(eq(dossierEvents.dossierCode, dossierCode), eq(dossierEvents.type, 'deliver')))
      .orderBy(desc(dossierEvents.seq))
      .limit(1);
    if ((delivered?.data as { method?: unknown } | undefined)?.method !== 'online') return null;
    const data = await documentData('result', row, false);
    if (!data) return null;
    const issued = await issueSigned(db, await documentSigner(ctx.env), data, ctx.env.publicBaseUrl);
    await db
      .insert(citizenDocuments)
      .values({ id: randomUUID(), ownerId: row.applicantUserId, kind: 'result', procedureCode: row.procedureCode, dossierCode, issuedCode: issued.code, sha256: issued.sha256, issuedAt: issued.signedAt })
      .onConflictDoNothing();
    const [stored] = await db.select().from(citizenDocuments).where(and(eq(citizenDocuments.ownerId, row.applicantUserId), eq(citizenDocuments.issuedCode, issued.code)));
    return stored ?? null;
  }

  /**
   * Catches up the owner's delivered dossiers not yet in the store (a delivery whose filing the
   * API did not finish, one from before the store existed): the store never misses a result.
   */
  async function catchUp(ownerId: string): Promise<void> {
    const missing = await db
      .select({ code: dossiers.code })
      .from(dossiers)
      .where(
        and(
          eq(dossiers.applicantUserId, ownerId),
          eq(dossiers.status, 'DELIVERED'),
          // Only online deliveries: one handed over at the desk never files, and re-checking it on every visit would be work for nothing.
          exists(db.select({ seq: dossierEvents.seq }).from(dossierEvents).where(and(eq(dossierEvents.dossierCode, dossiers.code), eq(dossierEvents.type, 'deliver'), sql`${dossierEvents.data}->>'method' = 'online'`))),
          notExists(db.select({ id: citizenDocuments.id }).from(citizenDocuments).where(and(eq(citizenDocuments.dossierCode, dossiers.code), eq(citizenDocuments.ownerId, ownerId)))),
        ),
      )
      .limit(50);
    for (const { code } of missing) await fileResult(code);
  }

  async function list(ownerId: string): Promise<CitizenDocumentRow[]> {
    await catchUp(ownerId);
    return db.select().from(citizenDocuments).where(eq(citizenDocuments.ownerId, ownerId)).orderBy(desc(citizenDocuments.issuedAt), desc(citizenDocuments.id));
  }

  /** The owner's entry and its bytes, hash re-checked; undefined when it is not theirs (or none). */
  async function open(ownerId: string, id: string): Promise<{ entry: CitizenDocumentRow; pdf: Buffer } | undefined> {
    const [found] = await db
      .select({ entry: citizenDocuments, pdf: issuedDocuments.pdf, issuedSha256: issuedDocuments.sha256 })
      .from(citizenDocuments)
      .innerJoin(issuedDocuments, eq(issuedDocuments.code, citizenDocuments.issuedCode))
      .where(and(eq(citizenDocuments.id, id), eq(citizenDocuments.ownerId, ownerId)));
    if (!found) return undefined;
    if (sha256(found.pdf) !== found.entry.sha256 || found.issuedSha256 !== found.entry.sha256) throw storeDocumentAltered(id);
    return { entry: found.entry, pdf: found.pdf };
  }

  /**
   * Takes a document of the owner's store as an upload of theirs, not yet attached: the same
   * bytes under the same hash in the attachment store, marked as coming from the store
   * (`store_document_id`), to name in a submission or a supplement like any upload.
   */
  async function attach(ownerId: string, id: string, requirement: string | null): Promise<DocumentRow | undefined> {
    const opened = await open(ownerId, id);
    if (!opened) return undefined;
    const staged = await files.receive(Readable.from([opened.pdf]));
    if (staged.sha256 !== opened.entry.sha256) {
      await files.discard(staged);
      throw storeDocumentAltered(id);
    }
    await files.commit(staged);
    const row = {
      id: randomUUID(),
      dossierCode: null,
      name: `${opened.entry.kind === 'result' ? 'ket-qua' : opened.entry.kind}-${opened.entry.dossierCode}.pdf`,
      mimeType: 'application/pdf',
      size: staged.size,
      sha256: staged.sha256,
      uploadedBy: ownerId,
      requirement,
      storeDocumentId: opened.entry.id,
      createdAt: new Date(),
    };
    await db.insert(documents).values(row);
    return row;
  }

  /**
   * What an attachment's reader is told of the files taken from a store: where each came from,
   * and whether the signature of the file as attached still verifies (checked now, on the bytes).
   */
  async function marks(docs: readonly DocumentRow[]): Promise<Map<string, StoreMark>> {
    const out = new Map<string, StoreMark>();
    const ids = [...new Set(docs.map((d) => d.storeDocumentId).filter((x): x is string => x !== null))];
    if (ids.length === 0) return out;
    const rows = await db
      .select({ entry: citizenDocuments, issued: issuedDocuments })
      .from(citizenDocuments)
      .innerJoin(issuedDocuments, eq(issuedDocuments.code, citizenDocuments.issuedCode))
      .where(inArray(citizenDocuments.id, ids));
    const byId = new Map(rows.map((r) => [r.entry.id, r]));
    for (const d of docs) {
      const r = d.storeDocumentId ? byId.get(d.storeDocumentId) : undefined;
      if (!r) continue;
      const bytes = await readFile(files.pathOf(d.sha256)).catch(() => null);
      const check = bytes ? verification(r.issued, bytes) : null;
      out.set(d.id, {
        kind: r.entry.kind,
        procedureCode: r.entry.procedureCode,
        dossierCode: r.entry.dossierCode,
        issuedAt: r.entry.issuedAt.toISOString(),
        verifyCode: r.issued.code,
        signatureValid: check?.valid ?? false,
      });
    }
    return out;
  }

  return { fileResult, list, open, attach, marks };
}

export interface StoreMark {
  kind: string;
  procedureCode: string;
  dossierCode: string;
  issuedAt: string;
  verifyCode: string;
  /** The file as attached is the one issued, and its PAdES signature verifies (api/issued-documents.ts `verification`). */
  signatureValid: boolean;
}
export type CitizenStore = ReturnType<typeof citizenStore>;

// Signed documents as issued and their verification (docs/signing.md). A signed document is
// rendered and signed once for the data it prints and stored; it is served and verified from
// those stored bytes.
import { createHash, randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { renderDocument, type DocumentData, type DocumentKind } from './documents/render';
import { FORMS } from './documents/forms';
import { verifyPdfSignature } from './documents/pdf-signature';
import type { DocumentSigner } from './documents/sign';
import { issuedDocuments, type IssuedDocumentRow } from '../db/schema';
import type { Db } from '../db/client';

/**
 * The documents with legal weight: the e-receipt (form 01), the result, and the refusal after
 * review, a decision the applicant may complain against or take to court (docs/forms.md).
 */
export const SIGNED_KINDS = ['receipt', 'rejection', 'result'] as const satisfies readonly DocumentKind[];
export const isSigned = (kind: DocumentKind) => (SIGNED_KINDS as readonly string[]).includes(kind);

const REASON: Record<(typeof SIGNED_KINDS)[number], string> = {
  receipt: 'Tiếp nhận hồ sơ và hẹn trả kết quả',
  rejection: 'Thông báo từ chối giải quyết hồ sơ',
  result: 'Kết quả giải quyết thủ tục hành chính',
};

/** 16 characters without look-alikes (no 0/O, 1/I/L): 80 bits, read aloud or typed from paper. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const VERIFY_CODE = /^[A-HJKMNP-Z2-9]{16}$/;
const newCode = () => Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

export const verifyUrl = (publicBaseUrl: string, code: string) => `${publicBaseUrl.replace(/\/+$/, '')}/xac-minh/${code}`;

/** The signed document for this data: the one already issued, or a new one signed now. */
export async function issueSigned(
  db: Db,
  signer: DocumentSigner,
  data: DocumentData,
  publicBaseUrl: string,
): Promise<IssuedDocumentRow> {
  const kind = data.kind;
  const dataSha256 = sha256(JSON.stringify(data));
  const key = and(eq(issuedDocuments.dossierCode, data.dossierCode), eq(issuedDocuments.kind, kind), eq(issuedDocuments.dataSha256, dataSha256));
  const [existing] = await db.select().from(issuedDocuments).where(key);
  if (existing) return existing;

  const code = newCode();
  const signedAt = new Date(Math.floor(Date.now() / 1000) * 1000); // the CMS time has seconds
  const unsigned = await renderDocument(kind, { ...data, verifyUrl: verifyUrl(publicBaseUrl, code) }, {
    signature: { reason: REASON[kind as (typeof SIGNED_KINDS)[number]], location: data.agencyName, signedAt },
  });
  const pdf = await signer.sign(unsigned, signedAt);
  // Never hand out a signature our own check would call invalid (an expired certificate, say).
  const check = verifyPdfSignature(pdf);
  if (!check.valid || !check.signer) throw new Error(`the document signer made an invalid signature: ${check.problem}`);
  await db
    .insert(issuedDocuments)
    .values({ code, dossierCode: data.dossierCode, kind, dataSha256, sha256: sha256(pdf), pdf, signer: check.signer.subject, certSha256: check.signer.certSha256, signedAt })
    .onConflictDoNothing();
  // Two first requests at once: both signed, one row kept, both callers get that one.
  const [row] = await db.select().from(issuedDocuments).where(key);
  if (!row) throw new Error(`issued ${kind} of ${data.dossierCode} vanished`);
  return row;
}

export async function findIssued(db: Db, code: string): Promise<IssuedDocumentRow | undefined> {
  if (!VERIFY_CODE.test(code)) return undefined;
  return (await db.select().from(issuedDocuments).where(eq(issuedDocuments.code, code)))[0];
}

/** What the verification page says of an issued document (or of a copy someone holds). */
export function verification(row: IssuedDocumentRow, pdf: Buffer = row.pdf) {
  const sig = verifyPdfSignature(pdf);
  const checks = {
    /** The bytes are those the agency issued under this code. */
    hash: sha256(pdf) === row.sha256,
    /** The PAdES signature verifies over the whole file. */
    signature: sig.valid,
    /** Signed with the certificate the agency signed it with at issue. */
    certificate: sig.signer?.certSha256 === row.certSha256,
  };
  const valid = checks.hash && checks.signature && checks.certificate;
  return {
    code: row.code,
    valid,
    checks,
    ...(valid ? {} : { problem: sig.problem ?? (checks.hash ? 'signed with another certificate' : 'not the file issued under this code') }),
    document: { kind: row.kind, title: FORMS[row.kind as DocumentKind].title, dossierCode: row.dossierCode, sha256: row.sha256 },
    signer: {
      subject: sig.signer?.subject ?? row.signer,
      commonName: sig.signer?.commonName ?? null,
      organization: sig.signer?.organization ?? null,
      issuer: sig.signer?.issuer ?? null,
      certSha256: row.certSha256,
    },
    signedAt: row.signedAt.toISOString(),
  };
}

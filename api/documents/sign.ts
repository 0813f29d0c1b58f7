// PAdES signing of the documents that carry legal weight (docs/signing.md): a signature field
// is reserved while pdfkit writes the file, then @signpdf fills in the byte range and the CMS
// (cms.ts) made with the agency's PKCS#12. The placeholder is ours, not @signpdf's pdfkit
// helper, which pins a pdfkit far older than ours; it writes the same dictionary.
import { readFile } from 'node:fs/promises';
import { SignPdf } from '@signpdf/signpdf';
import { ANNOTATION_FLAGS, DEFAULT_BYTE_RANGE_PLACEHOLDER, SIG_FLAGS, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { CmsSigner } from './cms.js';
import type { Pdf } from './layout.js';
import { readP12 } from './p12.js';

/** Bytes reserved for the CMS: a 2048–4096-bit key and a chain of three certificates fit. */
const SIGNATURE_BYTES = 12_288;

export interface SignatureInfo {
  reason: string;
  location: string;
  signedAt: Date;
}

/** Reserves the signature on the last page: an invisible field, as the seal is printed text. */
export function addSignaturePlaceholder(doc: Pdf, info: SignatureInfo): void {
  const ph = DEFAULT_BYTE_RANGE_PLACEHOLDER;
  // pdfkit writes a JS string as a PDF name and a String object as a PDF string.
  const signature = doc.ref({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: SUBFILTER_ETSI_CADES_DETACHED,
    ByteRange: [0, ph, ph, ph],
    Contents: Buffer.alloc(SIGNATURE_BYTES),
    Reason: new String(info.reason),
    Location: new String(info.location),
    M: info.signedAt,
  });
  const page = doc.page.dictionary;
  const widget = doc.ref({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: [0, 0, 0, 0],
    V: signature,
    T: new String('Chu ky so'),
    F: ANNOTATION_FLAGS.PRINT,
    P: page,
  });
  const annots = (page.data as { Annots?: unknown[] }).Annots ?? [];
  (page.data as { Annots?: unknown[] }).Annots = [...annots, widget];
  // pdfkit's own form: it writes the AcroForm when the document ends (but ends only fields with kids).
  doc.initForm();
  const form = (doc as unknown as { _root: { data: { AcroForm: { data: { Fields: unknown[]; SigFlags?: number } } } } })._root.data.AcroForm;
  form.data.SigFlags = SIG_FLAGS.SIGNATURES_EXIST | SIG_FLAGS.APPEND_ONLY;
  form.data.Fields.push(widget);
  signature.end(undefined); // no stream: the dictionary alone
  widget.end(undefined);
}

export interface DocumentSigner {
  /** Signs a PDF written with addSignaturePlaceholder. */
  sign(pdf: Buffer, signedAt: Date): Promise<Buffer>;
}

export function p12Signer(p12: Buffer, passphrase: string): DocumentSigner {
  const signer = new CmsSigner(readP12(p12, passphrase));
  const signpdf = new SignPdf();
  return { sign: (pdf, signedAt) => signpdf.sign(pdf, signer, signedAt) };
}

export async function loadP12Signer(path: string, passphrase: string): Promise<DocumentSigner> {
  return p12Signer(await readFile(path), passphrase);
}

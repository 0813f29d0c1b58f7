// One-stop-shop documents (forms 01–05, the refusal after review and the result notice) as PDF, each carrying the QR of
// the dossier's public lookup page. Server side only: pdfkit, the font files, zlib.
import { FORMS, type DocumentData, type DocumentKind, type Form } from './forms.js';
import { createPdf, lookupQr, nationalHeader, signature, title, toBuffer } from './layout.js';
import { addSignaturePlaceholder, type SignatureInfo } from './sign.js';

export { DOCUMENT_KINDS, type Applicant, type DocumentData, type DocumentKind } from './forms.js';

export interface RenderOptions {
  /** Leave streams readable (tests inspect the text); production keeps them compressed. */
  compress?: boolean;
  /** Reserve a digital signature (sign.ts) to be filled in by the caller's signer. */
  signature?: SignatureInfo;
}

export async function renderDocument(
  kind: DocumentKind,
  data: DocumentData,
  options: RenderOptions = {},
): Promise<Buffer> {
  if (data.kind !== kind) throw new Error(`asked for a ${kind} document with ${data.kind} data`);
  const form: Form = FORMS[kind];
  // Input may arrive decomposed (NFD); the font maps precomposed Vietnamese letters to glyphs.
  const d = normalize(data);
  const doc = await createPdf({ title: `${form.title} - ${d.dossierCode}`, issuedAt: d.issuedAt, ...options });
  nationalHeader(doc, d.agencyName, d.issuedAt);
  title(doc, form.title, [...(form.formNo ? [`(${form.formNo})`] : []), `Mã hồ sơ: ${d.dossierCode}`]);
  form.body(doc, d);
  if (form.signer) signature(doc, form.signer, form.signerName?.(d));
  // A signed document's QR leads to its verification page, which also links the lookup.
  if (d.verifyUrl) await lookupQr(doc, d.verifyUrl, d.dossierCode, ['Văn bản có chữ ký số. Xác minh tại:', d.verifyUrl]);
  else await lookupQr(doc, d.lookupUrl, d.dossierCode, [`Tra cứu hồ sơ: ${d.lookupUrl}`]);
  if (options.signature) addSignaturePlaceholder(doc, options.signature);
  return toBuffer(doc);
}

function normalize<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(normalize) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)])) as T;
  }
  return value;
}

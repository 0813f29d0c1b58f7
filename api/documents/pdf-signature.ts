// Checks the signature of a signed PDF with node's crypto alone (not the library that signed
// it): the /ByteRange must cover the whole file but the /Contents hole, the CMS messageDigest
// must be the hash of those bytes, and the signed attributes must verify against the embedded
// signer certificate. docs/signing.md says what is, and is not, checked.
import { createHash, verify, X509Certificate } from 'node:crypto';
import { child, childrenOf, oidOf, readDer, timeOf, type Der } from './der.js';

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
} as const;
const DIGESTS: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

export interface PdfSignature {
  valid: boolean;
  /** Why not, when not valid (English, for logs and the API's detail). */
  problem?: string;
  signer?: { subject: string; commonName?: string; organization?: string; issuer: string; certSha256: string };
  signedAt?: Date;
}

/** The last /ByteRange in the file: a signature added later would come after the first. */
export function byteRangeOf(pdf: Buffer): [number, number, number, number] | null {
  const text = pdf.toString('latin1');
  const all = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const m = all.at(-1);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] : null;
}

/** The signed bytes and the DER signature in the /Contents hole, or why they cannot be read. */
export function signedParts(pdf: Buffer): { signed: Buffer; cms: Buffer } | string {
  const range = byteRangeOf(pdf);
  if (!range) return 'no signature';
  const [a, b, c, d] = range;
  // Anything outside the range (an appended update, say) would be unsigned: refuse it.
  if (a !== 0 || c <= b || c + d !== pdf.length) return 'the signature does not cover the whole file';
  const hole = pdf.subarray(b, c).toString('latin1');
  const hex = /^<([0-9a-fA-F]*)>$/.exec(hole)?.[1];
  if (!hex || hex.length % 2) return 'unreadable signature contents';
  return { signed: Buffer.concat([pdf.subarray(0, b), pdf.subarray(c, c + d)]), cms: Buffer.from(hex, 'hex') };
}

export function verifyPdfSignature(pdf: Buffer): PdfSignature {
  const parts = signedParts(pdf);
  if (typeof parts === 'string') return { valid: false, problem: parts };
  try {
    return verifyCms(parts.cms, parts.signed);
  } catch (err) {
    return { valid: false, problem: `unreadable signature: ${(err as Error).message}` };
  }
}

/** A detached CMS SignedData (RFC 5652) over `content`, one signer with signed attributes. */
function verifyCms(cms: Buffer, content: Buffer): PdfSignature {
  const info = readDer(cms);
  if (oidOf(child(info, 0)) !== OID.signedData) return { valid: false, problem: 'not a CMS SignedData' };
  const signedData = child(child(info, 1), 0);
  const fields = childrenOf(signedData);
  const certs = fields.filter((f) => f.tag === 0xa0).flatMap(childrenOf);
  const signerInfos = childrenOf(fields.at(-1)!);
  if (signerInfos.length !== 1) return { valid: false, problem: `expected one signer, found ${signerInfos.length}` };
  const [, sid, digestAlg, signedAttrs, , signature] = childrenOf(signerInfos[0]!);
  if (!sid || !digestAlg || !signedAttrs || signedAttrs.tag !== 0xa0 || !signature) {
    return { valid: false, problem: 'a signer without signed attributes' };
  }
  const cert = signerCertificate(certs, sid);
  if (!cert) return { valid: false, problem: "the signer's certificate is not in the signature" };
  const x509 = new X509Certificate(cert.raw);
  const attrs = new Map(childrenOf(signedAttrs).map((a) => [oidOf(child(a, 0)), child(child(a, 1), 0)]));
  const signedAt = attrs.has(OID.signingTime) ? timeOf(attrs.get(OID.signingTime)!) : undefined;
  const signer = describe(x509);

  const digest = DIGESTS[oidOf(child(digestAlg, 0))];
  if (!digest) return { valid: false, problem: 'unsupported digest algorithm', signer, signedAt };
  const claimed = attrs.get(OID.messageDigest)?.value;
  if (!claimed || !claimed.equals(createHash(digest).update(content).digest())) {
    return { valid: false, problem: 'the document was changed after it was signed', signer, signedAt };
  }
  // The signature covers the attributes as a SET (tag 0x31), not as the [0] they are stored in.
  const toVerify = Buffer.concat([Buffer.from([0x31]), signedAttrs.raw.subarray(1)]);
  if (!verify(digest, toVerify, x509.publicKey, signature.value)) {
    return { valid: false, problem: 'the signature does not match the signer certificate', signer, signedAt };
  }
  if (signedAt && (signedAt < new Date(x509.validFrom) || signedAt > new Date(x509.validTo))) {
    return { valid: false, problem: 'signed outside the certificate validity', signer, signedAt };
  }
  return { valid: true, signer, ...(signedAt ? { signedAt } : {}) };
}

/**
 * The certificate IssuerAndSerialNumber names: same serial, same issuer Name read attribute by
 * attribute (signers re-encode the Name, e.g. node-forge's string types, so bytes may differ).
 */
function signerCertificate(certs: Der[], sid: Der): Der | undefined {
  const [issuer, serial] = childrenOf(sid);
  if (!issuer || !serial) return undefined;
  return certs.find((cert) => {
    const tbs = childrenOf(child(cert, 0));
    const offset = tbs[0]?.tag === 0xa0 ? 1 : 0; // [0] version is optional
    const certIssuer = tbs[offset + 2];
    return tbs[offset]?.raw.equals(serial.raw) && certIssuer !== undefined && nameKey(certIssuer) === nameKey(issuer);
  });
}

const nameKey = (name: Der) =>
  childrenOf(name).map((rdn) => childrenOf(rdn).map((atv) => `${oidOf(child(atv, 0))}=${child(atv, 1).value.toString('utf8')}`).join('+')).join(',');

function describe(x509: X509Certificate): NonNullable<PdfSignature['signer']> {
  const field = (name: string) => x509.subject.split('\n').find((l) => l.startsWith(`${name}=`))?.slice(name.length + 1);
  const commonName = field('CN');
  const organization = field('O');
  return {
    subject: x509.subject.split('\n').join(', '),
    ...(commonName ? { commonName } : {}),
    ...(organization ? { organization } : {}),
    issuer: x509.issuer.split('\n').join(', '),
    certSha256: createHash('sha256').update(x509.raw).digest('hex'),
  };
}

// The CMS a PAdES baseline signature (ETSI EN 319 142-1, B-B level) carries: a detached
// SignedData, SHA-256, with the signed attributes contentType, messageDigest, signingTime and
// the ESS signing-certificate-v2 that binds the signer's certificate. Built by hand in DER
// with node's crypto so the signer is named by its certificate's own issuer bytes.
import { createHash, sign, X509Certificate } from 'node:crypto';
import { Signer } from '@signpdf/utils';
import { child, childrenOf, readDer } from './der.js';
import type { SigningIdentity } from './p12.js';

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

function tlv(tag: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const n = body.length;
  const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : n < 0x10000 ? [0x82, n >> 8, n & 0xff] : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...len]), body]);
}
const seq = (...parts: Buffer[]) => tlv(0x30, ...parts);
/** DER orders a SET OF by the elements' encodings. */
const setOf = (...parts: Buffer[]) => tlv(0x31, ...[...parts].sort(Buffer.compare));
const int = (n: number) => tlv(0x02, Buffer.from([n]));
const octets = (b: Buffer) => tlv(0x04, b);
const NULL = Buffer.from([0x05, 0x00]);

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const bytes = [a! * 40 + b!];
  for (const n of rest) {
    const groups = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) groups.unshift((v & 0x7f) | 0x80);
    bytes.push(...groups);
  }
  return tlv(0x06, Buffer.from(bytes));
}

function time(d: Date): Buffer {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14); // yyyyMMddHHmmss
  // RFC 5652: UTCTime up to 2049, GeneralizedTime from 2050.
  return d.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(`${iso.slice(2)}Z`)) : tlv(0x18, Buffer.from(`${iso}Z`));
}

const attribute = (type: string, value: Buffer) => seq(oid(type), setOf(value));

/** A detached CMS SignedData over `content`. */
export function signDetached(content: Buffer, id: SigningIdentity, signedAt: Date): Buffer {
  const cert = new X509Certificate(id.certificate);
  const tbs = childrenOf(child(readDer(id.certificate), 0));
  const offset = tbs[0]?.tag === 0xa0 ? 1 : 0;
  const [serial, , issuer] = [tbs[offset]!, tbs[offset + 1], tbs[offset + 2]!];
  const sha256 = (b: Buffer) => createHash('sha256').update(b).digest();

  const attrs = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.signingTime, time(signedAt)),
    attribute(OID.messageDigest, octets(sha256(content))),
    // ESSCertIDv2 with the default hash (SHA-256) left out, as DER requires.
    attribute(OID.signingCertificateV2, seq(seq(seq(octets(sha256(id.certificate)))))),
  ];
  const signedAttrs = setOf(...attrs);
  const ec = cert.publicKey.asymmetricKeyType === 'ec';
  const signature = sign('sha256', signedAttrs, id.key);
  const signerInfo = seq(
    int(1),
    seq(issuer.raw, serial.raw),
    seq(oid(OID.sha256)),
    tlv(0xa0, signedAttrs.subarray(signedAttrs[1]! & 0x80 ? 2 + (signedAttrs[1]! & 0x7f) : 2)), // [0] IMPLICIT: same contents
    ec ? seq(oid(OID.ecdsaWithSha256)) : seq(oid(OID.rsaEncryption), NULL),
    octets(signature),
  );
  const signedData = seq(int(1), setOf(seq(oid(OID.sha256))), seq(oid(OID.data)), tlv(0xa0, ...id.chain), setOf(signerInfo));
  return seq(oid(OID.signedData), tlv(0xa0, signedData));
}

/** The signer @signpdf/signpdf calls with the PDF bytes outside the /Contents hole. */
export class CmsSigner extends Signer {
  constructor(private readonly id: SigningIdentity) {
    super();
  }

  override async sign(pdf: Buffer, signingTime?: Date): Promise<Buffer> {
    return signDetached(pdf, this.id, signingTime ?? new Date());
  }
}

// Reads the agency's PKCS#12: node's crypto has no PKCS#12 reader, node-forge has. Only the
// reading is forge's; signing is node's (cms.ts).
import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

export interface SigningIdentity {
  key: KeyObject;
  /** The certificate of `key`, DER. */
  certificate: Buffer;
  /** Every certificate in the file (the chain up to the CA when it is there), DER, `certificate` first. */
  chain: Buffer[];
}

export function readP12(p12: Buffer, passphrase: string): SigningIdentity {
  const parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary'))), false, passphrase);
  const { oids } = forge.pki;
  const bags = (type: string) => parsed.getBags({ bagType: type })[type] ?? [];
  const keyBag = [...bags(oids.pkcs8ShroudedKeyBag!), ...bags(oids.keyBag!)].find((b) => b.key);
  if (!keyBag?.key) throw new Error('the PKCS#12 holds no private key');
  const key = createPrivateKey(forge.pki.privateKeyToPem(keyBag.key));
  // The original certificate bytes: forge keeps the parsed DER of each certificate.
  const certs = bags(oids.certBag!).flatMap((b) => (b.cert ? [Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(b.cert)).getBytes(), 'binary')] : []));
  const spki = (k: KeyObject) => k.export({ type: 'spki', format: 'der' });
  const own = spki(createPublicKey(key));
  const certificate = certs.find((c) => spki(new X509Certificate(c).publicKey).equals(own));
  if (!certificate) throw new Error('the PKCS#12 holds no certificate for its private key');
  return { key, certificate, chain: [certificate, ...certs.filter((c) => c !== certificate)] };
}

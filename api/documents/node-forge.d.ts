// The few node-forge calls p12.ts makes (node-forge ships no types of its own).
declare module 'node-forge' {
  interface ByteStringBuffer { getBytes(): string }
  interface Asn1 { readonly __asn1: unique symbol }
  interface Certificate { readonly __cert: unique symbol }
  interface PrivateKey { readonly __key: unique symbol }
  interface Bag { key?: PrivateKey; cert?: Certificate }
  interface Pkcs12 { getBags(filter: { bagType: string }): Record<string, Bag[] | undefined> }
  const forge: {
    util: { createBuffer(bytes: string): ByteStringBuffer };
    asn1: { fromDer(bytes: ByteStringBuffer): Asn1; toDer(asn1: Asn1): ByteStringBuffer };
    pkcs12: { pkcs12FromAsn1(asn1: Asn1, strict: boolean, password: string): Pkcs12 };
    pki: {
      oids: Record<string, string>;
      privateKeyToPem(key: PrivateKey): string;
      certificateToAsn1(cert: Certificate): Asn1;
    };
  };
  export default forge;
}

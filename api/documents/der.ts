// Just enough DER reading to check a CMS signature with node's own crypto: tag, length, value,
// children. Definite lengths only (DER); anything else is an error, never a guess.

export interface Der {
  tag: number;
  /** The whole element, header included (what a signature or hash covers). */
  raw: Buffer;
  /** The contents after the header. */
  value: Buffer;
}

export function readDer(buf: Buffer, at = 0): Der {
  if (at + 2 > buf.length) throw new RangeError('DER: truncated header');
  const tag = buf[at]!;
  if ((tag & 0x1f) === 0x1f) throw new RangeError('DER: multi-byte tags are not used here');
  let len = buf[at + 1]!;
  let header = 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new RangeError('DER: indefinite or oversized length');
    if (at + 2 + n > buf.length) throw new RangeError('DER: truncated length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[at + 2 + i]!;
    header += n;
  }
  const end = at + header + len;
  if (end > buf.length) throw new RangeError('DER: element runs past its container');
  return { tag, raw: buf.subarray(at, end), value: buf.subarray(at + header, end) };
}

/** The elements inside a constructed element (SEQUENCE, SET, [n]). */
export function childrenOf(node: Der): Der[] {
  const out: Der[] = [];
  for (let at = 0; at < node.value.length; ) {
    const child = readDer(node.value, at);
    out.push(child);
    at += child.raw.length;
  }
  return out;
}

export function child(node: Der, i: number): Der {
  const c = childrenOf(node)[i];
  if (!c) throw new RangeError(`DER: element ${i} missing`);
  return c;
}

/** Dotted form of an OBJECT IDENTIFIER. */
export function oidOf(node: Der): string {
  if (node.tag !== 0x06) throw new RangeError('DER: OBJECT IDENTIFIER expected');
  const v = node.value;
  const parts = [Math.floor(v[0]! / 40), v[0]! % 40];
  let n = 0;
  for (let i = 1; i < v.length; i++) {
    n = n * 128 + (v[i]! & 0x7f);
    if (!(v[i]! & 0x80)) {
      parts.push(n);
      n = 0;
    }
  }
  return parts.join('.');
}

/** UTCTime or GeneralizedTime, as CMS signingTime carries it. */
export function timeOf(node: Der): Date {
  const s = node.value.toString('latin1');
  const m = node.tag === 0x17 ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s) : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (!m) throw new RangeError(`DER: unreadable time ${s}`);
  const year = node.tag === 0x17 ? (Number(m[1]) < 50 ? 2000 : 1900) + Number(m[1]) : Number(m[1]);
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
}

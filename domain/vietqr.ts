// VietQR: the NAPAS profile of the EMVCo merchant-presented QR, as read by every Vietnamese
// banking app. Pure string work, so it runs in the browser, the API and inside workflows.

import { stripDiacritics } from './text';

export interface VietQrInput {
  /** NAPAS bank identification number, 6 digits, e.g. '970415'. */
  bankBin: string;
  accountNumber: string;
  /** VND, a positive integer. */
  amount: number;
  /** Transfer content, usually the dossier code; folded to ASCII and cut to 25 characters. */
  description: string;
  merchantName?: string;
}

export type EmvValue = string | EmvMap;
export interface EmvMap {
  readonly [tag: string]: EmvValue;
}

const NAPAS_GUID = 'A000000727';
const SERVICE_TO_ACCOUNT = 'QRIBFTTA';
const CURRENCY_VND = '704';
/** Banks truncate or reject longer transfer content. */
export const DESCRIPTION_MAX = 25;
const MERCHANT_NAME_MAX = 25;

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection) over the UTF-8 bytes of `str`. */
export function crc16ccitt(str: string): number {
  let crc = 0xffff;
  for (const byte of utf8(str)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc;
}

/** Banks accept only plain ASCII in transfer content: fold diacritics, keep a safe set. */
export function foldToAscii(text: string, max: number): string {
  return stripDiacritics(text)
    .replace(/[^A-Za-z0-9 .,-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .trim();
}

export function buildVietQr(input: VietQrInput): string {
  const { bankBin, accountNumber, amount } = input;
  if (!/^\d{6}$/.test(bankBin)) throw new RangeError(`bankBin must be 6 digits: ${bankBin}`);
  if (!/^[0-9A-Za-z]{1,19}$/.test(accountNumber)) {
    throw new RangeError(`accountNumber must be 1-19 letters or digits: ${accountNumber}`);
  }
  if (!Number.isSafeInteger(amount) || amount <= 0 || String(amount).length > 13) {
    throw new RangeError(`amount must be a positive whole number of VND: ${amount}`);
  }
  const beneficiary = tlv('00', bankBin) + tlv('01', accountNumber);
  const merchantAccount = tlv('00', NAPAS_GUID) + tlv('01', beneficiary) + tlv('02', SERVICE_TO_ACCOUNT);
  const description = foldToAscii(input.description, DESCRIPTION_MAX);
  const merchantName = input.merchantName && foldToAscii(input.merchantName, MERCHANT_NAME_MAX);
  const body =
    tlv('00', '01') +
    tlv('01', '12') + // dynamic: the QR carries this one amount
    tlv('38', merchantAccount) +
    tlv('53', CURRENCY_VND) +
    tlv('54', String(amount)) +
    tlv('58', 'VN') +
    (merchantName ? tlv('59', merchantName) : '') +
    (description ? tlv('62', tlv('08', description)) : '') +
    '6304';
  return body + hex4(crc16ccitt(body));
}

/** True when the payload ends in a '6304' CRC field (uppercase hex, as we emit it) that
 * matches everything before it. */
export function verifyEmvCrc(payload: string): boolean {
  const m = /^([\s\S]*6304)([0-9A-F]{4})$/.exec(payload);
  return m !== null && hex4(crc16ccitt(m[1]!)) === m[2];
}

/** Parses the TLV payload into a map; templates 38 (and its 01) and 62 are parsed nested. */
export function parseEmv(payload: string): EmvMap {
  const top: Record<string, EmvValue> = {};
  for (const [tag, value] of readTlv(payload)) {
    if (tag === '38') {
      const account: Record<string, EmvValue> = {};
      for (const [sub, v] of readTlv(value)) account[sub] = sub === '01' ? toMap(v) : v;
      top[tag] = account;
    } else {
      top[tag] = tag === '62' ? toMap(value) : value;
    }
  }
  return top;
}

/** The transfer a VietQR payload asks for, or an Error naming what is missing. */
export function readVietQr(payload: string): VietQrInput {
  if (!verifyEmvCrc(payload)) throw new Error('VietQR CRC does not match');
  const emv = parseEmv(payload);
  const account = emv['38'];
  const beneficiary = typeof account === 'object' ? account['01'] : undefined;
  const extra = emv['62'];
  if (typeof beneficiary !== 'object' || typeof beneficiary['00'] !== 'string' || typeof beneficiary['01'] !== 'string') {
    throw new Error('VietQR has no beneficiary (38/01)');
  }
  const description = typeof extra === 'object' ? extra['08'] : undefined;
  const merchantName = emv['59'];
  return {
    bankBin: beneficiary['00'],
    accountNumber: beneficiary['01'],
    amount: Number(emv['54'] ?? 0),
    description: typeof description === 'string' ? description : '',
    ...(typeof merchantName === 'string' ? { merchantName } : {}),
  };
}

function tlv(tag: string, value: string): string {
  if (value.length > 99) throw new RangeError(`EMV field ${tag} longer than 99: ${value.length}`);
  return tag + String(value.length).padStart(2, '0') + value;
}

function readTlv(data: string): Array<[string, string]> {
  const fields: Array<[string, string]> = [];
  const seen = new Set<string>();
  let i = 0;
  while (i < data.length) {
    const tag = data.slice(i, i + 2);
    const len = data.slice(i + 2, i + 4);
    if (!/^\d{2}$/.test(tag) || !/^\d{2}$/.test(len)) throw new SyntaxError(`bad EMV TLV at ${i}`);
    const end = i + 4 + Number(len);
    if (end > data.length) throw new SyntaxError(`EMV field ${tag} runs past the end`);
    if (seen.has(tag)) throw new SyntaxError(`EMV field ${tag} repeated`);
    seen.add(tag);
    fields.push([tag, data.slice(i + 4, end)]);
    i = end;
  }
  return fields;
}

function toMap(data: string): EmvMap {
  return Object.fromEntries(readTlv(data));
}

function hex4(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, '0');
}

/** UTF-8 bytes without TextEncoder, which a workflow sandbox need not provide. */
function utf8(str: string): number[] {
  const bytes: number[] = [];
  for (const ch of str) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return bytes;
}

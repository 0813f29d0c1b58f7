import { parseVnd } from './text';
import type { Fee } from './types';

const FREE = 'Miễn phí';
const NOT_STATED = 'Không có thông tin';
const AMOUNT = /^([\d.,]*)\s*(Việt Nam Đồng|VNĐ|Đồng|USD)/;
/** The province sets the amount (its People's Council, or its People's Committee), so it differs by province. */
const BY_PROVINCE = /Hội đồng nhân dân|HĐND|(?:Ủy|Uỷ) ban nhân dân (?:cấp )?tỉnh|UBND (?:cấp )?tỉnh/i;
/** With no fee column, the description may still say who sets it: "Phí, lệ phí (nếu có): Hội đồng nhân dân cấp tỉnh quyết định". */
const FEE_BY_COUNCIL_IN_TEXT = /(?:phí|lệ phí)[^.]{0,40}(?:Hội đồng nhân dân|HĐND)/i;
/** A rate set by a Ministry of Finance circular ("Áp dụng mức thu … Thông tư số 48/2022/TT-BTC"): a fee, amount not given. */
const FEE_BY_CIRCULAR = /\d+\/\d{4}\/TT-BTC/;
/** …unless the circular is for an optional extra ("bản sao … nếu có yêu cầu") or a waiver. */
const OPTIONAL_OR_WAIVED = /nếu có yêu cầu|miễn|không thu/i;
/**
 * Sums of money in an explanation: a number in thousands groups or plain, optionally in millions
 * ("02 triệu đồng"), followed by a currency; or grouped thousands divided by something ("8.000.000/lần").
 */
const MONEY = /(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(triệu|nghìn|ngàn)?\s*(?:đồng|Đồng|VNĐ|vnđ|đ(?![a-zà-ỹ]))|(\d{1,3}(?:[.,]\d{3})+)\s*\//g;
/** Units that mean "once per application" ("lần", "lần đăng ký", "hồ sơ"), i.e. a plain amount. */
const PER_APPLICATION = /^(?:lần|hồ sơ|bộ hồ sơ|lượt|yêu cầu|trường hợp)/i;
/** No fee is below 1,000 đồng; "50 VNĐ" or "500 VNĐ" is a figure the portal lost its thousands from. */
const SMALLEST_FEE = 1_000;
const SCALE: Record<string, number> = { triệu: 1_000_000, nghìn: 1_000, ngàn: 1_000 };

/** Splits the fee column from the row text: the head ("Miễn phí", "70,000 VNĐ"), its bracketed note, the description after. */
export function splitFee(text: string): { head: string; note: string; rest: string } {
  const head = text.startsWith(FREE) ? FREE : text.startsWith(NOT_STATED) ? NOT_STATED : AMOUNT.exec(text)?.[0] ?? '';
  let i = head.length;
  if (text[i] !== '(') return { head, note: '', rest: text.slice(i) };
  let depth = 0;
  for (; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) break;
  }
  return { head, note: text.slice(head.length + 1, i), rest: text.slice(i + 1) };
}

/** The sums of money a note states, in đồng. */
export function amountsIn(note: string): number[] {
  const out: number[] = [];
  for (const m of note.matchAll(MONEY)) {
    const n = parseVnd(m[1] ?? m[3]!);
    if (n !== null && n > 0) out.push(n * (SCALE[m[2] ?? ''] ?? 1));
  }
  return out;
}

/** The unit the note divides the amount by ("70.000 đồng/Giấy chứng nhận" → "giấy chứng nhận"), if any. */
function unitOf(note: string, vnd: number): string | null {
  const re = /(\d[\d.,]*)\s*(triệu|nghìn|ngàn)?\s*(?:đồng|Đồng|VNĐ|đ)?\s*\/\s*(?:0?1\s+)?([^\d\s.;,()/][^.;,()/]{0,40})/g;
  for (const m of note.matchAll(re)) {
    const n = parseVnd(m[1]!);
    if (n === null || n * (SCALE[m[2] ?? ''] ?? 1) !== vnd) continue;
    // The unit is a noun ("giấy chứng nhận", "trang"); what follows "của", "cho"… qualifies it.
    return m[3]!.split(/\s+(?:của|cho|đối với|và|khi|theo)\s+/)[0]!.trim().replace(/\s+Đồng$/, '').toLowerCase();
  }
  return null;
}

/**
 * Interprets the fee column of one channel row: its head, its bracketed note, and (only to find
 * who sets a fee the column leaves blank) the row's description.
 */
export function parseFee(head: string, note: string, description = ''): Fee {
  if (head === NOT_STATED || (head === '' && note === '')) {
    return FEE_BY_COUNCIL_IN_TEXT.test(description) ? { kind: 'council' } : { kind: 'not-stated' };
  }
  if (BY_PROVINCE.test(note)) return { kind: 'council' };
  const stated = amountsIn(note);
  if (head === FREE) {
    if (stated.length > 0) return { kind: 'unparsed' };
    return FEE_BY_CIRCULAR.test(note) && !OPTIONAL_OR_WAIVED.test(note) ? { kind: 'unparsed' } : { kind: 'free' };
  }
  const m = AMOUNT.exec(head);
  if (!m || m[2] === 'USD') return { kind: 'unparsed' };
  const vnd = parseVnd(m[1]!);
  if (vnd === null) return { kind: 'unparsed' };
  if (vnd === 0) return { kind: 'free' };
  if (vnd < SMALLEST_FEE) return { kind: 'unparsed' };
  // The note naming another sum (a tier, a temporary rate) contradicts the column: no single fee.
  if (stated.some((n) => n !== vnd)) return { kind: 'unparsed' };
  const unit = unitOf(note, vnd);
  return unit && !PER_APPLICATION.test(unit) ? { kind: 'per-unit', vnd, unit } : { kind: 'amount', vnd };
}

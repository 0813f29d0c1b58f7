import { parseVnd } from './text';
import type { Fee } from './types';

const FREE = 'Miễn phí';
const NOT_STATED = 'Không có thông tin';
const AMOUNT = /^([\d.,]*)\s*(Việt Nam Đồng|VNĐ|Đồng|USD)/;
/** A provincial People's Council sets the amount, so it differs by province. */
const COUNCIL = /Hội đồng nhân dân|HĐND/i;
/** Sums of money in the explanation: grouped thousands not followed by a year ("281/2016"), or long plain numbers before a currency or "/". */
const MONEY = /\d{1,3}(?:[.,]\d{3})+(?![\d/])|\d{1,3}(?:[.,]\d{3})+(?=\s*\/\s*\D)|\d{5,}(?=\s*(?:\/|đồng|Đồng|VNĐ|đ\b))/g;
/** Units that mean "once per application", i.e. a plain amount. */
const PER_APPLICATION = /^(?:lần|hồ sơ|bộ hồ sơ|lần cấp|lần thẩm định|lượt|yêu cầu|trường hợp)$/i;

/** Splits the fee column from the row text: the head ("Miễn phí", "70,000 VNĐ") and its bracketed explanation. */
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

/** The unit the note divides the amount by ("70.000 đồng/Giấy chứng nhận" → "giấy chứng nhận"), if any. */
function unitOf(note: string, vnd: number): string | null {
  for (const m of note.matchAll(/(\d[\d.,]*)\s*(?:đồng|Đồng|VNĐ|đ)?\s*\/\s*(?:0?1\s+)?([^\d\s.;,()/][^.;,()/]{0,40})/g)) {
    if (parseVnd(m[1]!) !== vnd) continue;
    const unit = m[2]!.trim().replace(/\s+Đồng$/, '').toLowerCase();
    return unit;
  }
  return null;
}

/** Interprets the fee column of one channel row. */
export function parseFee(head: string, note: string): Fee {
  if (head === NOT_STATED || (head === '' && note === '')) return { kind: 'not-stated' };
  if (COUNCIL.test(note)) return { kind: 'council' };
  if (head === FREE) return (note.match(MONEY) ?? []).length > 0 ? { kind: 'unparsed' } : { kind: 'free' };
  const m = AMOUNT.exec(head);
  if (!m || m[2] === 'USD') return { kind: 'unparsed' };
  const vnd = parseVnd(m[1]!);
  if (vnd === null) return { kind: 'unparsed' };
  if (vnd === 0) return { kind: 'free' };
  const unit = unitOf(note, vnd);
  return unit && !PER_APPLICATION.test(unit) ? { kind: 'per-unit', vnd, unit } : { kind: 'amount', vnd };
}

import type { Deadline, DeadlineUnit } from './types';

/** The portal's time units, longest first so "Ngày làm việc" wins over "Ngày". */
const UNITS: [string, DeadlineUnit][] = [
  ['Ngày làm việc', 'working-days'],
  ['Giờ làm việc', 'working-hours'],
  ['Ngày', 'days'],
  ['Giờ', 'hours'],
  ['Tháng', 'months'],
];

const NOT_STATED = 'Không có thông tin';
/** A time column that says there is none: "Không quy định", "Không", "Không phải trả kết quả cho người nộp thuế". */
export const NO_DEADLINE = /^(?:Không phải trả kết quả cho người nộp thuế|Không quy định|Không) ?(?=Miễn phí|Không có thông tin)/;
/** A number, then optionally one of the units, at the start of a channel row. */
const TIME = new RegExp(`^(\\d+(?:[.,]\\d+)?) ?(${UNITS.map(([label]) => label).join('|')})?`);
/** Digits glued to a currency ("120 VNĐ" = a bare time 1 and a fee 20? or no time and 120?) cannot be split safely. */
const MONEY_AHEAD = /^[\d.,]+\s*(?:Việt Nam Đồng|VNĐ|Đồng|USD)/;

/**
 * Reads the time column at the start of a channel row's text; returns the deadline and the rest
 * of the row (the fee column onwards). `ambiguous` says the fee column cannot be trusted either.
 */
export function parseDeadline(row: string): { deadline: Deadline; rest: string; ambiguous: boolean } {
  if (row.startsWith(NOT_STATED)) return { deadline: { amount: null, unit: null, marker: 'not-stated' }, rest: row.slice(NOT_STATED.length), ambiguous: false };
  const none = NO_DEADLINE.exec(row);
  if (none) return { deadline: { amount: null, unit: null, marker: 'not-stated' }, rest: row.slice(none[0].length), ambiguous: false };
  if (MONEY_AHEAD.test(row)) return { deadline: { amount: null, unit: null, marker: 'unparsed' }, rest: row, ambiguous: true };
  const m = TIME.exec(row);
  if (!m) return { deadline: { amount: null, unit: null, marker: 'not-stated' }, rest: row, ambiguous: false };
  const amount = Number(m[1]!.replace(',', '.'));
  const rest = row.slice(m[0].length);
  // "0" is the portal's placeholder where the province sets the procedure's details: no deadline.
  if (amount === 0) return { deadline: { amount: null, unit: null, marker: 'not-stated' }, rest, ambiguous: false };
  const unit = UNITS.find(([label]) => label === m[2])?.[1];
  return { deadline: unit ? { amount, unit } : { amount, unit: null, marker: 'unit-not-stated' }, rest, ambiguous: false };
}

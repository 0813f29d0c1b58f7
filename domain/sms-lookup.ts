import { foldVietnamese } from './text';

/**
 * What an inbound SMS asks (docs/assisted-filing.md, "Status by SMS"): `TRACUU <dossier code>`,
 * also `TC <code>` or `TRA CUU <code>`, in any case, with or without diacritics ("Tra cứu"), with
 * stray spaces or punctuation after the keyword. Anything else asks for help.
 */
export type SmsLookup = { kind: 'lookup'; code: string } | { kind: 'help' };

const KEYWORD = /^(?:tracuu|tra\s+cuu|tc)(?![a-z0-9])[\s:.,;#-]*(.*)$/;
/** `{agencyCode}-{YYMMDD}-{NNNN}`; agency codes are digits (communes) or like `H38.SNNMT`. */
const CODE = /^[a-z0-9.]{2,20}-\d{6}-\d{4}$/;

export function parseSmsLookup(text: string): SmsLookup {
  const folded = foldVietnamese(text).replace(/\s+/g, ' ').trim();
  const m = KEYWORD.exec(folded);
  if (!m) return { kind: 'help' };
  const code = (m[1] ?? '').split(' ')[0]!.replace(/[.,;]+$/, '');
  return CODE.test(code) ? { kind: 'lookup', code: code.toUpperCase() } : { kind: 'help' };
}

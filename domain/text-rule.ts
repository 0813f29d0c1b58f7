/**
 * The one rule for text that comes from outside (JSON bodies, query strings, stored headers,
 * upload file names, payment callbacks): what PostgreSQL cannot store, what can disguise text
 * (bidi overrides, invisible characters in a name) and what only bloats it (stacks of combining
 * marks) is refused with the field's name; everything accepted is normalized to NFC, the form
 * Vietnamese is stored and searched in. See docs/operations.md, "Poison input".
 */

/** How much whitespace a field may hold: tab/newline in multi-line text only, and no invisible characters in names. */
export type TextKind = 'name' | 'line' | 'multiline';

/** Objects/arrays nested deeper than this are refused (no form or action needs more than 3). */
export const MAX_DEPTH = 32;
/** Vietnamese needs at most 2 consecutive combining marks in NFD (ệ = e + U+0323 + U+0302). */
export const MAX_COMBINING_RUN = 2;

const LONE_SURROGATE = /\p{Surrogate}/u;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
const ZERO_WIDTH = /[\u200B-\u200D\uFEFF\u2060]/u;
/** Control (Cc) and format (Cf) characters; the allowed whitespace and zero-width ones are let through below. */
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}]/gu;
const MULTILINE_WHITESPACE = new Set(['\t', '\n', '\r']);
const COMBINING_RUN = new RegExp(`\\p{M}{${MAX_COMBINING_RUN + 1},}`, 'u');

/** Why a string breaks the rule for its kind, or undefined when it does not. */
export function textProblem(s: string, kind: TextKind): string | undefined {
  // Tested on the UTF-16 code units: a well-formed pair is one code point, never matched here.
  if (LONE_SURROGATE.test(s)) return 'lone UTF-16 surrogate (not a character) not allowed';
  if (BIDI_CONTROL.test(s)) return 'bidirectional override or isolate characters (U+202A–202E, U+2066–2069) not allowed';
  if (ZERO_WIDTH.test(s) && kind === 'name') return 'zero-width characters (U+200B–200D, U+FEFF, U+2060) not allowed in a name or code';
  for (const [c] of s.matchAll(CONTROL_OR_FORMAT)) {
    if (kind === 'multiline' && MULTILINE_WHITESPACE.has(c)) continue;
    if (kind !== 'name' && ZERO_WIDTH.test(c)) continue;
    const cp = `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return kind === 'multiline'
      ? `control or format character ${cp} not allowed (only tab and line breaks)`
      : `control or format character ${cp} not allowed (single-line text: no tab or line break either)`;
  }
  if (COMBINING_RUN.test(s.normalize('NFD'))) return `more than ${MAX_COMBINING_RUN} combining marks in a row not allowed`;
  return undefined;
}

/** The field kinds by the name of the field (its last key; array items take their array's name). */
const MULTILINE_FIELDS = new Set(['note', 'reason', 'comment', 'circumstances', 'purposeDetail', 'description', 'message']);
const NAME_FIELD = /^(name|id|code|email|phone|sha256|receiptNo|idNumber|bankAccount)$|(Name|Id|Code|Number|No)$/;

/**
 * Secrets are checked but passed on exactly as typed: normalizing one would lock out whoever set
 * it in another normalization form (it is hashed, never stored as text).
 */
const VERBATIM_FIELD = /password/i;

export function kindOfField(field: string): TextKind {
  if (MULTILINE_FIELDS.has(field)) return 'multiline';
  return NAME_FIELD.test(field) ? 'name' : 'line';
}

export type CleanResult = { ok: true; value: unknown } | { ok: false; field: string; message: string };

/**
 * Checks every string — value or object key — of a parsed JSON value (or a query object) and
 * returns a copy with each string NFC-normalized (passwords excepted), or the first offending field's path
 * (`form.items.0`). Iterative, with a depth cap: a body nested 100 000 deep is a 400, never a
 * stack overflow.
 */
export function cleanTree(root: unknown, kindOf: (field: string) => TextKind = kindOfField): CleanResult {
  type Frame = { value: unknown; path: string; field: string; depth: number; set: (v: unknown) => void };
  let out: unknown;
  const stack: Frame[] = [{ value: root, path: '', field: '', depth: 0, set: (v) => (out = v) }];
  while (stack.length > 0) {
    const { value, path, field, depth, set } = stack.pop()!;
    if (typeof value === 'string') {
      const message = textProblem(value, kindOf(field));
      if (message) return { ok: false, field: path, message };
      set(VERBATIM_FIELD.test(field) ? value : value.normalize('NFC'));
      continue;
    }
    if (value === null || typeof value !== 'object') {
      set(value);
      continue;
    }
    if (depth >= MAX_DEPTH) return { ok: false, field: path, message: `nested more than ${MAX_DEPTH} levels deep` };
    if (Array.isArray(value)) {
      const copy: unknown[] = new Array(value.length);
      set(copy);
      // Pushed last to first, so items are checked (and the first offender named) in order.
      for (let i = value.length - 1; i >= 0; i--) {
        stack.push({ value: value[i], path: path ? `${path}.${i}` : String(i), field, depth: depth + 1, set: (x) => (copy[i] = x) });
      }
      continue;
    }
    const copy: Record<string, unknown> = {};
    set(copy);
    for (const [key, v] of Object.entries(value).reverse()) {
      const at = path ? `${path}.${key}` : key;
      const message = textProblem(key, 'name');
      if (message) return { ok: false, field: at, message: `field name: ${message}` };
      const k = key.normalize('NFC');
      // defineProperty: a JSON key "__proto__" stays a plain key instead of replacing the prototype.
      const put = (x: unknown) => Object.defineProperty(copy, k, { value: x, enumerable: true, writable: true, configurable: true });
      stack.push({ value: v, path: at, field: k, depth: depth + 1, set: put });
    }
  }
  return { ok: true, value: out };
}

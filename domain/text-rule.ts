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

/** Printable ASCII, plus the whitespace multi-line text allows: nothing to refuse, already NFC (the common case, kept cheap). */
const PLAIN = { name: /^[\x20-\x7E]*$/, line: /^[\x20-\x7E]*$/, multiline: /^[\x20-\x7E\t\n\r]*$/ } satisfies Record<TextKind, RegExp>;
const ZERO_WIDTH = /[\u200B-\u200D\uFEFF\u2060]/u;
/**
 * The first character a kind refuses, in one pass: lone surrogates (Cs: under the `u` flag a
 * well-formed pair is one code point, never matched), control (Cc) and format (Cf) characters —
 * bidi controls and zero-width ones are Cf — except tab/line breaks in multi-line text and
 * zero-width characters outside names.
 */
const REFUSED = {
  name: /[\p{Cs}\p{Cc}\p{Cf}]/u,
  line: /(?![\u200B-\u200D\uFEFF\u2060])[\p{Cs}\p{Cc}\p{Cf}]/u,
  multiline: /(?![\t\n\r\u200B-\u200D\uFEFF\u2060])[\p{Cs}\p{Cc}\p{Cf}]/u,
} satisfies Record<TextKind, RegExp>;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
const ANY_MARK = /\p{M}/u;
const COMBINING_RUN = new RegExp(`\\p{M}{${MAX_COMBINING_RUN + 1},}`, 'u');

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why a string breaks the rule for its kind, or undefined when it does not. */
export function textProblem(s: string, kind: TextKind): string | undefined {
  if (PLAIN[kind].test(s)) return undefined;
  const c = REFUSED[kind].exec(s)?.[0];
  if (c !== undefined) {
    if (/\p{Cs}/u.test(c)) return 'lone UTF-16 surrogate (not a character) not allowed';
    if (BIDI_CONTROL.test(c)) return 'bidirectional override or isolate characters (U+202A–202E, U+2066–2069) not allowed';
    if (ZERO_WIDTH.test(c)) return 'zero-width characters (U+200B–200D, U+FEFF, U+2060) not allowed in a name or code';
    return kind === 'multiline'
      ? `control or format character ${codePoint(c)} not allowed (only tab and line breaks)`
      : `control or format character ${codePoint(c)} not allowed (single-line text: no tab or line break either)`;
  }
  // Only a combining mark typed as such can stack: precomposed letters alone decompose to at most
  // two (Vietnamese), so the decomposition is only worked out when the text has a mark.
  if (ANY_MARK.test(s) && COMBINING_RUN.test(s.normalize('NFD'))) return `more than ${MAX_COMBINING_RUN} combining marks in a row not allowed`;
  return undefined;
}

/** The NFC form; ASCII is NFC already (most keys and codes: skipped cheaply). */
export const toNfc = (s: string) => (/^\p{ASCII}*$/u.test(s) ? s : s.normalize('NFC'));

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
  /** One value to visit: where its copy goes (`into[slot]`), and its parent, to name its path on a refusal. */
  type Frame = { value: unknown; parent: Frame | null; slot: string | number; field: string; depth: number; into: Record<string | number, unknown> };
  const path = (f: Frame | null): string => {
    const parts: (string | number)[] = [];
    for (let at = f; at?.parent; at = at.parent) parts.push(at.slot);
    return parts.reverse().join('.');
  };
  const holder: Record<string, unknown> = {};
  const stack: Frame[] = [{ value: root, parent: null, slot: 'root', field: '', depth: 0, into: holder }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value, field, depth, into, slot } = frame;
    let copy: unknown = value;
    if (typeof value === 'string') {
      // Printable ASCII passes every kind and is NFC already: no kind to work out.
      if (!PLAIN.name.test(value)) {
        const message = textProblem(value, kindOf(field));
        if (message) return { ok: false, field: path(frame), message };
        if (!VERBATIM_FIELD.test(field)) copy = toNfc(value);
      }
    } else if (value !== null && typeof value === 'object') {
      if (depth >= MAX_DEPTH) return { ok: false, field: path(frame), message: `nested more than ${MAX_DEPTH} levels deep` };
      if (Array.isArray(value)) {
        const items: unknown[] = new Array(value.length);
        // Pushed last to first, so items are checked (and the first offender named) in order.
        for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], parent: frame, slot: i, field, depth: depth + 1, into: items as never });
        copy = items;
      } else {
        const fields: Record<string, unknown> = {};
        const keys = Object.keys(value);
        for (const key of keys) {
          const message = PLAIN.name.test(key) ? undefined : textProblem(key, 'name');
          if (message) return { ok: false, field: path({ value: undefined, parent: frame, slot: key, field: key, depth, into: fields }), message: `field name: ${message}` };
        }
        for (let i = keys.length - 1; i >= 0; i--) {
          const k = toNfc(keys[i]!);
          stack.push({ value: (value as Record<string, unknown>)[keys[i]!], parent: frame, slot: k, field: k, depth: depth + 1, into: fields });
        }
        copy = fields;
      }
    }
    // A JSON key "__proto__" stays a plain key instead of replacing the copy's prototype.
    if (slot === '__proto__') Object.defineProperty(into, slot, { value: copy, enumerable: true, writable: true, configurable: true });
    else into[slot] = copy;
  }
  return { ok: true, value: holder.root };
}

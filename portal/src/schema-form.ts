import type { JsonSchema } from './api';
import { num, t } from './i18n';

export type FormValue = Record<string, unknown>;
export type Errors = Record<string, string>;

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** The message for a value that breaks its schema, in the words a citizen understands. */
function check(name: string, s: JsonSchema, v: unknown, label: string): string | undefined {
  if (s.type === 'string' && typeof v === 'string') {
    if (s.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(v)) return t('valid.date');
    if (s.minLength !== undefined && v.trim().length < s.minLength) return t('valid.minLength', { label, n: s.minLength });
    if (s.maxLength !== undefined && v.length > s.maxLength) return t('valid.maxLength', { label, n: s.maxLength });
    if (s.pattern && !new RegExp(s.pattern).test(v)) {
      if (/^\^\\d\{12\}\$$/.test(s.pattern)) return t('valid.idNumber');
      if (/IdNumber$/.test(name)) return t('valid.idNumber');
      if (/phone/i.test(name)) return t('valid.phone');
      return t('valid.pattern', { label });
    }
  }
  if ((s.type === 'integer' || s.type === 'number') && v !== undefined) {
    if (typeof v !== 'number' || Number.isNaN(v)) return t('valid.number');
    if (s.type === 'integer' && !Number.isInteger(v)) return t('valid.integer');
    if (s.minimum !== undefined && v < s.minimum) return t('valid.min', { n: s.minimum });
    if (s.exclusiveMinimum !== undefined && v <= s.exclusiveMinimum) return t('valid.exclusiveMin', { n: s.exclusiveMinimum });
    if (s.maximum !== undefined && v > s.maximum) return t('valid.max', { n: num(s.maximum) });
  }
  if (s.type === 'array' && Array.isArray(v) && s.minItems !== undefined && v.length < s.minItems) return t('valid.minItems', { n: s.minItems });
  return undefined;
}

/** Client-side checks from the JSON Schema; the API checks again and its field errors win. */
export function validate(schema: JsonSchema, value: FormValue, labelOf: (k: string) => string, prefix = ''): Errors {
  const out: Errors = {};
  for (const [k, s] of Object.entries(schema.properties ?? {})) {
    const key = prefix + k;
    const v = value[k];
    if (isEmpty(v)) {
      if (schema.required?.includes(k) && s.type !== 'boolean') out[key] = s.type === 'array' ? t('valid.oneRow') : t('valid.required', { label: labelOf(k).toLowerCase() });
      continue;
    }
    const msg = check(k, s, v, labelOf(k));
    if (msg) out[key] = msg;
    if (s.type === 'array' && s.items?.type === 'object' && Array.isArray(v)) {
      v.forEach((item, i) => Object.assign(out, validate(s.items!, (item ?? {}) as FormValue, labelOf, `${key}.${i}.`)));
    }
  }
  return out;
}

/** The value without empty optional fields, ready for the API. */
export function clean(schema: JsonSchema, value: FormValue): FormValue {
  const out: FormValue = {};
  for (const [k, s] of Object.entries(schema.properties ?? {})) {
    const v = value[k];
    if (s.type === 'boolean') out[k] = v === true;
    else if (s.type === 'array' && Array.isArray(v)) out[k] = s.items?.type === 'object' ? v.map((x) => clean(s.items!, (x ?? {}) as FormValue)) : v;
    else if (!isEmpty(v)) out[k] = typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

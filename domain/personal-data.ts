import type { z } from 'zod';

/**
 * Personal data in procedure forms (ID numbers, phones, addresses, bank accounts) is tagged on
 * the field's schema with `.meta({ personal: true })` (procedures/coded/form-fields.ts), so the
 * form declares once what a role that only oversees must never read (docs/security.md).
 */
export const PERSONAL = { personal: true } as const;

/** Keeps the last 3 characters: enough for an officer to confirm over the phone, useless to a leak. */
export const mask = (v: string | null) => (v ? `${'*'.repeat(Math.max(v.length - 3, 0))}${v.slice(-3)}` : null);

interface Def {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
const isPersonal = (s: z.ZodType) => (s.meta?.() as { personal?: unknown } | undefined)?.personal === true;

/** A value of a personal field as a supervisor sees it: strings masked, anything else withheld. */
const maskValue = (v: unknown) => (typeof v === 'string' ? mask(v) : v === undefined ? undefined : null);

/**
 * `value` with every field its schema tags personal masked, walking objects, arrays and the
 * wrappers (optional, nullable, default, pipes) down to the tagged field. Keys the schema does
 * not know are withheld too: what cannot be classified is not shown.
 */
export function maskPersonal(schema: z.ZodType, value: unknown): unknown {
  if (value === undefined || value === null) return value;
  if (isPersonal(schema)) return maskValue(value);
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return maskPersonal(def.innerType!, value);
    case 'pipe':
      return maskPersonal(def.in!, value);
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return null;
      const shape = def.shape!;
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, shape[k] ? maskPersonal(shape[k], v) : maskValue(v)]));
    }
    case 'array':
      return Array.isArray(value) ? value.map((v) => maskPersonal(def.element!, v)) : null;
    case 'union':
      // A union hides personal data when any branch is tagged: mask it whole.
      return def.options!.some((o) => containsPersonal(o)) ? maskValue(value) : value;
    default:
      return value;
  }
}

/** Whether anything inside `schema` is tagged personal. */
export function containsPersonal(schema: z.ZodType): boolean {
  if (isPersonal(schema)) return true;
  const def = defOf(schema);
  if (def.innerType) return containsPersonal(def.innerType);
  if (def.type === 'pipe') return containsPersonal(def.in!);
  if (def.shape) return Object.values(def.shape).some(containsPersonal);
  if (def.element) return containsPersonal(def.element);
  if (def.options) return def.options.some(containsPersonal);
  return false;
}

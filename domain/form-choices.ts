/**
 * A form's choice field carries the display words of its options in its own schema: the zod enum
 * has `.meta({ optionLabels: { slug: 'Vietnamese words' } })` (procedures/coded/form-fields.ts,
 * `choice`), and z.toJSONSchema copies it into the form description the API sends, so the portal
 * and the back office show words, never slugs, with no label map of their own.
 */
export const OPTION_LABELS = 'optionLabels';

/** The part of a JSON Schema property a choice needs. */
export interface ChoiceProp {
  enum?: readonly unknown[];
  optionLabels?: Record<string, string>;
}

/** A choice value in words: its field's label for it, else the value as it is (free text, numbers). */
export function optionLabel(prop: ChoiceProp | undefined, value: unknown): string {
  const v = String(value);
  return prop?.enum?.includes(v) ? (prop.optionLabels?.[v] ?? v) : v;
}

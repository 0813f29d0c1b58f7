import { vi, type MessageKey } from './vi';

/** The `{name}` slots of a message (English's `{s:n}` plural mark is not a slot). */
export const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

/**
 * What keeps a language file from being offered: keys of Vietnamese it lacks or leaves empty, and
 * messages whose `{slots}` differ from Vietnamese's (a translation that drops `{n}` would hide the
 * number). Empty when the file is complete.
 */
export function problems(messages: Partial<Record<string, unknown>>): string[] {
  const out: string[] = [];
  for (const key of Object.keys(vi) as MessageKey[]) {
    const text = messages[key];
    if (typeof text !== 'string' || !text.trim()) out.push(`${key}: missing or empty`);
    else if (slots(text).join() !== slots(vi[key]).join()) out.push(`${key}: slots {${slots(text).join('}{')}} instead of {${slots(vi[key]).join('}{')}}`);
  }
  for (const key of Object.keys(messages)) if (!(key in vi)) out.push(`${key}: not a key of vi.ts`);
  return out;
}

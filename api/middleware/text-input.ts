import type { RequestHandler } from 'express';
import { badRequest } from '../problem';

/**
 * The path (`note`, `form.items.0`) of the first string — value or key — holding U+0000, which
 * PostgreSQL text and jsonb cannot store.
 */
export function nulField(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, v] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return at;
    const found = nulField(v, at);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Refuses a JSON body with a NUL character before it goes anywhere (mounted for every API route).
 * Essential where the body travels to a workflow first: the activity that stores it would fail on
 * every retry, and the dossier would hang (found by test/integration/fuzz.test.ts).
 */
export const rejectNulCharacters: RequestHandler = (req, _res, next) => {
  const field = nulField(req.body);
  if (field === undefined) return next();
  next(badRequest(`${field || 'body'}: the NUL character (\\u0000) is not allowed in text`, { errors: [{ field, message: 'NUL character (\\u0000) not allowed' }] }));
};

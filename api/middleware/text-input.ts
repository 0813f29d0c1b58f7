import type { Request, RequestHandler } from 'express';
import { cleanTree, textProblem, type CleanResult, type TextKind } from '../../domain/text-rule';
import { badRequest, type HttpProblem } from '../problem';

/** A refusal by the text rule as a 400 naming the field (`errors: [{ field, message }]`). */
export function textRefusal(field: string, message: string): HttpProblem {
  return badRequest(`${field || 'body'}: ${message}`, { errors: [{ field, message }] });
}

/** `cleanTree` for a value that arrived inside another (a JSON query parameter): its paths are prefixed. */
export function cleanNested(value: unknown, prefix: string): unknown {
  const r: CleanResult = cleanTree(value);
  if (!r.ok) throw textRefusal(r.field ? `${prefix}.${r.field}` : prefix, r.message);
  return r.value;
}

/** A header that gets stored (Idempotency-Key), checked by the same rule: its value, or a 400 naming it. */
export function checkedHeader(req: Request, name: string, kind: TextKind = 'name'): string | undefined {
  const value = req.get(name);
  if (value === undefined) return undefined;
  const message = textProblem(value, kind);
  if (message) throw textRefusal(name, message);
  return value.normalize('NFC');
}

/**
 * Every JSON body and query string goes through the one text rule (domain/text-rule.ts) before
 * any route runs, and continues NFC-normalized. Essential where text travels to a workflow first:
 * a value PostgreSQL refuses (a lone surrogate in jsonb, U+0000) would fail the activity that
 * stores it, and before docs/operations.md's "Poison input" change the dossier hung on it.
 */
export const checkTextInput: RequestHandler = (req, _res, next) => {
  const body = cleanTree(req.body);
  if (!body.ok) return next(textRefusal(body.field, body.message));
  if (req.body !== undefined) req.body = body.value;
  const query = cleanTree(req.query);
  if (!query.ok) return next(textRefusal(query.field, query.message));
  // Express 5 computes req.query with a getter on each read: the cleaned copy shadows it.
  Object.defineProperty(req, 'query', { value: query.value, configurable: true, enumerable: true, writable: true });
  next();
};

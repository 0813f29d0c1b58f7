import type { ZodError } from 'zod';

/** An error meant for the caller, rendered as RFC 9457 problem+json with a stable `code`. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
  }
}

export const badRequest = (detail: string, extra?: Record<string, unknown>) =>
  new HttpProblem(400, 'invalid-input', 'Invalid input', detail, extra);
export const unauthorized = (detail = 'sign in first') => new HttpProblem(401, 'unauthorized', 'Unauthorized', detail);
export const forbidden = (detail = 'not allowed for your role') => new HttpProblem(403, 'forbidden', 'Forbidden', detail);
export const notFound = (what: string) => new HttpProblem(404, 'not-found', 'Not found', `${what} not found`);
export const conflict = (code: string, detail: string, extra?: Record<string, unknown>) =>
  new HttpProblem(409, code, 'Conflict', detail, extra);
export const unprocessable = (detail: string) => new HttpProblem(422, 'rule-violation', 'Procedure rule violated', detail);

/**
 * Zod issues as field errors: `[{ field: 'applicant.phone', message, code }]`. The issue's `code`
 * (and its bound, for too_small/too_big) lets a client word the error in its user's language when
 * the message is zod's English default.
 */
export function fromZod(err: ZodError, prefix?: string): HttpProblem {
  const errors = err.issues.map((i) => ({
    field: [prefix, ...i.path.map(String)].filter(Boolean).join('.'),
    message: i.message,
    code: i.code,
    ...('minimum' in i ? { minimum: Number(i.minimum) } : {}),
    ...('maximum' in i ? { maximum: Number(i.maximum) } : {}),
  }));
  const detail = errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ');
  return badRequest(detail, { errors });
}

import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { API_ROUTES } from '../openapi';
import { HttpProblem, badRequest } from '../problem';

function send(res: Parameters<ErrorRequestHandler>[2], p: HttpProblem, instance: string) {
  res
    .status(p.status)
    .type('application/problem+json')
    .json({ type: `https://motcua.vn/problems/${p.code}`, title: p.title, status: p.status, code: p.code, detail: p.detail, instance, ...p.extra });
}

/** Every documented route under /api as a path pattern (`/dossiers/:code` → `^/dossiers/[^/]+/?$`). */
const ROUTE_PATTERNS = API_ROUTES.map((r) => ({ method: r.method.toUpperCase(), pattern: new RegExp(`^${r.path.replace(/\./g, '\\.').replace(/:\w+/g, '[^/]+')}/?$`) }));

/** No route: 405 with `Allow` when the path exists under other methods, else 404. */
export const notFoundHandler: RequestHandler = (req, res) => {
  const methods = new Set(ROUTE_PATTERNS.filter((r) => r.pattern.test(req.path)).map((r) => r.method));
  if (methods.has('GET')) methods.add('HEAD');
  if (methods.size) {
    const allow = [...methods];
    res.set('Allow', allow.join(', '));
    return send(res, new HttpProblem(405, 'method-not-allowed', 'Method not allowed', `${req.method} is not served at ${req.path}; allowed: ${allow.join(', ')}`), req.originalUrl);
  }
  send(res, new HttpProblem(404, 'not-found', 'Not found', `no route ${req.method} ${req.path}`), req.originalUrl);
};

/** The PostgreSQL error under drizzle's wrapping (both drivers set the SQLSTATE as `code`). */
function pgError(err: unknown): { code: string; detail?: string } | undefined {
  for (let e = err as { code?: unknown; detail?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return { code: e.code, detail: typeof e.detail === 'string' ? e.detail : undefined };
  }
  return undefined;
}

/**
 * A foreign key refused the row (SQLSTATE 23503): the request named something that does not
 * exist, which the route did not check first (or which went away meanwhile). The problem names
 * the column and the table, never the value.
 */
function missingReference(detail: string | undefined) {
  const m = /Key \(([^)]+)\)=\(.*\) is not present in table "([^"]+)"/s.exec(detail ?? '');
  const message = m ? `${m[1]} refers to no row of ${m[2]}` : 'a value refers to something that does not exist';
  return badRequest(message, m ? { errors: [{ field: m[1], message }] } : undefined);
}

/** Every error leaves as problem+json; unexpected ones are logged and hidden behind a 500. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (err instanceof HttpProblem) {
      // Every refused attempt leaves a trace (who, what); never the request body (personal data).
      if (err.status === 401 || err.status === 403 || err.status === 429) {
        log.warn({ status: err.status, code: err.code, method: req.method, path: req.path, user: req.user?.id ?? null, ip: req.ip }, 'refused');
      }
      return send(res, err, req.originalUrl);
    }
    // body-parser errors (malformed JSON, too large) carry a 4xx status of their own.
    const status = typeof err?.status === 'number' ? err.status : typeof err?.statusCode === 'number' ? err.statusCode : 500;
    if (status >= 400 && status < 500) {
      const code = err.type === 'entity.parse.failed' ? 'malformed-json' : err.type === 'entity.too.large' ? 'too-large' : 'bad-request';
      return send(res, new HttpProblem(status, code, 'Bad request', err.message), req.originalUrl);
    }
    // PostgreSQL's "data exception" class (SQLSTATE 22…: a NUL character in text, a value out of
    // range, an invalid date) and a foreign key's refusal mean input got past validation, not
    // that the server failed.
    const pg = pgError(err);
    if (pg && (pg.code.startsWith('22') || pg.code === '23503')) {
      log.warn({ sqlState: pg.code, method: req.method, path: req.path }, 'input refused by the database');
      const problem = pg.code === '23503' ? missingReference(pg.detail) : badRequest('a value cannot be stored as given (text with a NUL character, or a number or date out of range)');
      return send(res, problem, req.originalUrl);
    }
    log.error({ err, path: req.path }, 'unhandled error');
    send(res, new HttpProblem(500, 'internal', 'Internal error', 'an unexpected error occurred; it has been logged'), req.originalUrl);
  };
}

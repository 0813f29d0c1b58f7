import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { HttpProblem } from '../problem';

function send(res: Parameters<ErrorRequestHandler>[2], p: HttpProblem, instance: string) {
  res
    .status(p.status)
    .type('application/problem+json')
    .json({ type: `https://motcua.vn/problems/${p.code}`, title: p.title, status: p.status, code: p.code, detail: p.detail, instance, ...p.extra });
}

export const notFoundHandler: RequestHandler = (req, res) =>
  send(res, new HttpProblem(404, 'not-found', 'Not found', `no route ${req.method} ${req.path}`), req.originalUrl);

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
    log.error({ err, path: req.path }, 'unhandled error');
    send(res, new HttpProblem(500, 'internal', 'Internal error', 'an unexpected error occurred; it has been logged'), req.originalUrl);
  };
}

import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../problem';
import { checkedHeader, checkTextInput } from './text-input';

/** A tiny app with the middleware, echoing what a route would see, and problems as JSON. */
function app() {
  const a = express();
  a.use(express.json({ limit: '1mb' }));
  a.use(checkTextInput);
  a.all('/echo', (req, res) => res.json({ body: req.body ?? null, query: req.query, key: checkedHeader(req, 'idempotency-key') ?? null }));
  a.use(((err, _req, res, _next) => {
    if (err instanceof HttpProblem) return res.status(err.status).json({ detail: err.detail, ...err.extra });
    res.status(500).json({ err: String(err) });
  }) as express.ErrorRequestHandler);
  return a;
}

describe('checkTextInput', () => {
  it('hands routes NFC-normalized bodies and query strings', async () => {
    const nfd = 'Nguyễn Văn Ệ'.normalize('NFD');
    const res = await request(app()).post(`/echo?q=${encodeURIComponent(nfd)}`).send({ applicant: { fullName: nfd }, note: 'a\nb' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ body: { applicant: { fullName: 'Nguyễn Văn Ệ' }, note: 'a\nb' }, query: { q: 'Nguyễn Văn Ệ' }, key: null });
  });

  it('refuses a body with a lone surrogate, naming the field', async () => {
    const res = await request(app()).post('/echo').set('Content-Type', 'application/json').send('{"note":"x","missing":["ok","\\ud800"]}');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'missing.1', message: expect.stringMatching(/surrogate/) }]);
  });

  it('refuses a query string with a bidi override, naming the parameter', async () => {
    const res = await request(app()).get(`/echo?q=${encodeURIComponent('abc\u202efdp')}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('q');
  });

  it('refuses a stored header that breaks the rule', async () => {
    const res = await request(app()).get('/echo').set('Idempotency-Key', 'key-\u0085-abcdef');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('idempotency-key');
  });

  it('refuses a body nested 100 000 deep with a 400, not a 500 or a crash', async () => {
    const res = await request(app()).post('/echo').set('Content-Type', 'application/json').send(`{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/nested/);
  });
});

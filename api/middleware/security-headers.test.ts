import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers';

describe('security headers', () => {
  const app = express();
  app.use(securityHeaders);
  app.get('/api/health', (_req, res) => void res.json({ ok: true }));
  app.get(/^\/(admin\/)?$/, (_req, res) => void res.type('html').send('<!doctype html><script type="module" src="/assets/x.js"></script>'));

  it('gives the UIs a CSP that allows only their own scripts and no framing', async () => {
    for (const page of ['/', '/admin/']) {
      const res = await request(app).get(page);
      const csp = res.headers['content-security-policy'];
      expect(csp, page).toMatch(/(^|; )script-src 'self'(;|$)/);
      expect(csp, page).toMatch(/frame-ancestors 'none'/);
      expect(csp, page).not.toMatch(/script-src[^;]*unsafe/);
      expect(res.headers['x-content-type-options'], page).toBe('nosniff');
      expect(res.headers['referrer-policy'], page).toBe('no-referrer');
      expect(res.headers['x-frame-options'], page).toBe('DENY');
    }
  });

  it('lets the API load nothing at all', async () => {
    const res = await request(app).get('/api/health');
    expect(res.headers['content-security-policy']).toMatch(/^default-src 'none'; frame-ancestors 'none'/);
  });
});

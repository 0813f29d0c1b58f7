import type { RequestHandler } from 'express';

/**
 * The UIs' policy (portal at /, back office at /admin): scripts only from our own origin, no
 * inline script; styles inline too because MUI/emotion injects <style> tags; images as data:
 * (the payment QR) and blob: (attachment previews), which are also framed (a PDF scan in the
 * back office preview). Nothing may frame us (clickjacking).
 */
export const UI_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // data: and blob: are read back by the page itself (the QR shared as a file, a preview's bytes).
  "connect-src 'self' data: blob:",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** JSON and files from /api are never rendered as a page of ours: they may load nothing. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * helmet-style headers for every response (docs/security.md, "HTTP"), written out rather than
 * taken from a package: the list is short and stable, and each line says why it is there.
 */
export const securityHeaders: RequestHandler = (req, res, next) => {
  const api = req.path === '/metrics' || req.path.startsWith('/api/') || req.path === '/api';
  res.set('Content-Security-Policy', api ? API_CSP : UI_CSP);
  res.set('X-Content-Type-Options', 'nosniff');
  res.set('Referrer-Policy', 'no-referrer');
  res.set('X-Frame-Options', 'DENY');
  res.set('Cross-Origin-Opener-Policy', 'same-origin');
  res.set('Cross-Origin-Resource-Policy', 'same-origin');
  res.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  if (req.secure) res.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  next();
};

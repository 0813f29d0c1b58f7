import { Router, type Request, type Response } from 'express';
import type { AppContext } from '../context';
import { linkCitizen } from '../citizen-accounts';
import { issueToken } from '../middleware/auth';
import { FLOW_COOKIE, FLOW_TTL_S, ID_TOKEN_COOKIE, isPortalPath, OidcClient, OidcFailure } from '../oidc-client';

/** Where the portal says, in Vietnamese, why a sign-in through the issuer did not happen (portal/src/SignIn.tsx). */
const portalError = (code: string) => `/dang-nhap?loi=oidc-${code}`;

/** As long as the session it came with (api/middleware/auth.ts): past that, nothing is left to end at motcua. */
const ID_TOKEN_TTL_MS = 8 * 3600_000;

/** The portal page a `tiep` (or the logout's round-tripped state) names, else the home page. */
const portalPage = (v: unknown) => (typeof v === 'string' && isPortalPath(v) ? v : '/');

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/**
 * Citizen sign-in through the identity issuer (docs/security.md, "Citizen sign-in"). Both routes
 * are browser navigations, so every outcome is a 303: to the issuer, to «Hồ sơ của tôi» with the
 * session, or back to the portal's sign-in page with the reason (denied consent, a stale or forged
 * state, the issuer down) — never an error page of the API.
 */
export function oidcRoutes(ctx: AppContext): Router {
  const r = Router();
  const client = new OidcClient(ctx.env);
  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure: ctx.env.publicBaseUrl.startsWith('https://'), path: '/api/auth/oidc' };
  const seeOther = (res: Response, to: string) => res.status(303).location(to).end();

  r.get('/auth/oidc/login', async (req, res) => {
    if (!client.configured) return void seeOther(res, portalError('unavailable'));
    const next = typeof req.query.tiep === 'string' && isPortalPath(req.query.tiep) ? req.query.tiep : undefined;
    try {
      const { url, checks } = await client.start();
      res.cookie(FLOW_COOKIE, await client.sealChecks({ ...checks, ...(next ? { returnTo: next } : {}) }), { ...cookieOptions, maxAge: FLOW_TTL_S * 1000 });
      seeOther(res, url);
    } catch (err) {
      ctx.log.warn({ err }, 'oidc: sign-in could not start');
      seeOther(res, portalError(err instanceof OidcFailure ? err.code : 'unavailable'));
    }
  });

  r.get('/auth/oidc/callback', async (req, res) => {
    // One use: whatever happens, this flow is over.
    res.clearCookie(FLOW_COOKIE, cookieOptions);
    try {
      const checks = await client.openChecks(readCookie(req, FLOW_COOKIE));
      const url = new URL(client.redirectUri);
      url.search = new URL(req.originalUrl, 'http://callback').search;
      const who = await client.finish(url, checks);
      const link = await linkCitizen(ctx.dbh.db, who);
      if (!link.ok) {
        ctx.log.warn({ audit: 'session.oidc-refused', userId: link.userId, reason: link.reason, issuerSub: who.sub }, 'oidc: identity matches an account that may not sign in this way');
        return void seeOther(res, portalError(link.reason));
      }
      const u = link.user;
      // Kept for the logout at the issuer; HttpOnly, so no script of the page can read it.
      if (who.idToken) res.cookie(ID_TOKEN_COOKIE, who.idToken, { ...cookieOptions, maxAge: ID_TOKEN_TTL_MS });
      const token = await issueToken(ctx, { id: u.id, username: u.username, fullName: u.fullName, role: u.role, agencyCode: u.agencyCode }, u.tokenVersion);
      ctx.log.info({ audit: 'session.oidc', actor: u.id, created: link.created, issuerSub: who.sub }, 'citizen signed in through the identity issuer');
      // The token rides in the fragment, which browsers never send to a server; the portal takes it
      // out of the address at once (portal/src/api.ts adoptSessionFromAddress).
      seeOther(res, `${checks.returnTo ?? '/ho-so-cua-toi'}#phien=${token}`);
    } catch (err) {
      const reason = err instanceof OidcFailure ? err.code : 'unavailable';
      ctx.log.warn({ err, reason }, 'oidc: sign-in refused');
      seeOther(res, portalError(reason));
    }
  });

  /**
   * The portal's sign-out, second half (the first revokes motcua's tokens, POST /auth/logout): a
   * citizen who signed in through the issuer is sent to its end_session_endpoint with the ID token
   * as hint, so that the next sign-in there asks for their credentials again — on a shared
   * computer above all. Anyone else, or an issuer without the endpoint, goes straight to the page.
   */
  r.get('/auth/oidc/logout', async (req, res) => {
    const next = portalPage(req.query.tiep);
    const idToken = readCookie(req, ID_TOKEN_COOKIE);
    res.clearCookie(ID_TOKEN_COOKIE, cookieOptions);
    const atIssuer = idToken && client.configured ? await client.endSessionUrl(idToken, next) : null;
    if (atIssuer) ctx.log.info({ audit: 'session.oidc-logout' }, 'citizen sent to the identity issuer to sign out there too');
    seeOther(res, atIssuer ?? next);
  });

  /** Back from the issuer's logout: on to the portal page the state names (only a page of this portal). */
  r.get('/auth/oidc/logged-out', (req, res) => {
    seeOther(res, portalPage(req.query.state));
  });
  return r;
}

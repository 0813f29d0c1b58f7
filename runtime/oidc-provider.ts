import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import express from 'express';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';
import { POST_LOGOUT_PATH } from '../api/oidc-client';
import type { Env } from '../config/env';
import { DEMO_PASSWORD, DEMO_USERS } from '../db/seed';
import { consentPage, errorPage, loggedOutPage, loginPage, logoutPage } from './oidc-pages';

/**
 * A local OpenID Connect provider standing in for the national identity issuer in development and
 * in the test suites (docs/security.md, "Citizen sign-in"): the demo citizens sign in with their
 * 12-digit personal ID number and the demo password, consent, and motcua receives their name and
 * `personal_id`. Authorization code flow with PKCE (S256) only, one confidential client.
 */
export interface DevIdentity {
  /** The issuer's subject: opaque, like a real issuer's, and not the personal ID number. */
  sub: string;
  personalId: string;
  name: string;
}

/** The seeded demo citizens, plus one who has no motcua account yet (created at first sign-in). */
export const DEV_IDENTITIES: DevIdentity[] = [
  ...DEMO_USERS.filter((u) => u.personalId).map((u, i) => ({ sub: `dev-${String(i + 1).padStart(4, '0')}`, personalId: u.personalId!, name: u.fullName })),
  { sub: 'dev-0100', personalId: '010195000789', name: 'Lý Thị Mỷ' },
];

export interface DevOidcOptions {
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** Where the logout at the provider may send the browser back; default: each redirect URI's `…/logged-out` sibling. */
  postLogoutRedirectUris?: string[];
  identities?: DevIdentity[];
}

export interface DevOidcProvider {
  issuer: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * The logout came from a kiosk's idle reset: motcua's state (the portal page to land on, api/routes/oidc.routes.ts)
 * is the kiosk's start (`?kiosk=1`, portal/src/kiosk.ts). Nobody is left at the kiosk to answer the question.
 */
function isKioskReturn(state: unknown): boolean {
  if (typeof state !== 'string' || !state.startsWith('/')) return false;
  return new URL(state, 'http://portal.invalid').searchParams.get('kiosk') === '1';
}

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function startDevOidcProvider(opts: DevOidcOptions): Promise<DevOidcProvider> {
  const identities = opts.identities ?? DEV_IDENTITIES;
  const bySub = new Map(identities.map((i) => [i.sub, i]));
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'dev' };
  const app = express();
  // Not app.listen: Express 5 calls its callback on an error too (a taken port must reject).
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  const issuer = `http://127.0.0.1:${port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
        client_name: 'Dịch vụ công Lào Cai (motcua)',
        redirect_uris: opts.redirectUris,
        post_logout_redirect_uris: opts.postLogoutRedirectUris ?? opts.redirectUris.map((u) => u.replace(/\/callback$/, '/logged-out')),
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
    // A scope of its own for the personal ID number, as national issuers have.
    claims: { openid: ['sub'], profile: ['name'], personal_id: ['personal_id'] },
    scopes: ['openid', 'profile', 'personal_id'],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    features: {
      devInteractions: { enabled: false },
      // RP-initiated logout: motcua's portal sends a citizen who signs out here, to end this session too.
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: { body: string; type: string; oidc?: { params?: { state?: unknown; id_token_hint?: unknown } } }, form: string) => {
          ctx.type = 'html';
          // The hint was validated before this runs: a logout motcua itself asked for, with the ID token it was issued.
          ctx.body = logoutPage(form, Boolean(ctx.oidc?.params?.id_token_hint) && isKioskReturn(ctx.oidc?.params?.state));
        },
        postLogoutSuccessSource: async (ctx: { body: string; type: string }) => {
          ctx.type = 'html';
          ctx.body = loggedOutPage();
        },
      },
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx: unknown, sub: string) => {
      const who = bySub.get(sub);
      return who && { accountId: sub, claims: async () => ({ sub, name: who.name, personal_id: who.personalId }) };
    },
    renderError: async (ctx: { type: string; body: string }, out: { error_description?: string; error?: string }) => {
      ctx.type = 'html';
      ctx.body = errorPage(out.error_description ?? out.error ?? 'Yêu cầu không hợp lệ.');
    },
  });

  const clientName = async (clientId: string) => (await provider.Client.find(clientId))?.clientName ?? clientId;
  const form = express.urlencoded({ extended: false, limit: '4kb' });

  app.get('/interaction/:uid', async (req, res) => {
    const it = await provider.interactionDetails(req, res);
    const name = await clientName(it.params.client_id);
    if (it.prompt.name === 'login') return void res.type('html').send(loginPage(it.uid, name));
    res.type('html').send(consentPage(it.uid, name, bySub.get(it.session?.accountId ?? '')?.name ?? ''));
  });

  app.post('/interaction/:uid/login', form, async (req, res) => {
    const it = await provider.interactionDetails(req, res);
    const personalId = String(req.body?.personalId ?? '').trim();
    const who = identities.find((i) => i.personalId === personalId);
    if (!who || !sameText(String(req.body?.password ?? ''), DEMO_PASSWORD)) {
      return void res.status(401).type('html').send(loginPage(it.uid, await clientName(it.params.client_id), 'Số định danh cá nhân hoặc mật khẩu không đúng.'));
    }
    await provider.interactionFinished(req, res, { login: { accountId: who.sub } }, { mergeWithLastSubmission: false });
  });

  app.post('/interaction/:uid/confirm', async (req, res) => {
    const it = await provider.interactionDetails(req, res);
    const grant = it.grantId ? await provider.Grant.find(it.grantId) : new provider.Grant({ accountId: it.session!.accountId, clientId: it.params.client_id });
    const { details } = it.prompt;
    if (details.missingOIDCScope) grant!.addOIDCScope(details.missingOIDCScope.join(' '));
    if (details.missingOIDCClaims) grant!.addOIDCClaims(details.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {})) grant!.addResourceScope(indicator, scopes.join(' '));
    const grantId = await grant!.save();
    await provider.interactionFinished(req, res, { consent: it.grantId ? {} : { grantId } }, { mergeWithLastSubmission: true });
  });

  // "Hủy" on the sign-in page and "Từ chối" on the consent page: the relying party gets access_denied.
  app.post('/interaction/:uid/abort', async (req, res) => {
    await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'the citizen refused' }, { mergeWithLastSubmission: false });
  });

  app.use(provider.callback());
  // An expired or unknown interaction (a reloaded old tab): a page, not a stack trace.
  app.use((err: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(400).type('html').send(errorPage(`Phiên đăng nhập đã hết hạn hoặc không hợp lệ, Ông/Bà vui lòng bắt đầu lại. (${err.name})`));
  });

  return {
    issuer,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The development client secret of motcua at the local provider (never used with a real issuer). */
export const DEV_CLIENT_SECRET = 'motcua-dev-oidc-client-secret';

/**
 * `npm start` without OIDC_ISSUER: the local provider on OIDC_DEV_PORT (any free port when that
 * one is taken), with motcua's callback registered, and the settings that point motcua at it.
 */
export async function startDevIssuerFor(env: Env): Promise<{ provider: DevOidcProvider; env: Env }> {
  const clientSecret = env.OIDC_CLIENT_SECRET ?? DEV_CLIENT_SECRET;
  const redirectUris = [env.OIDC_REDIRECT_URI ?? `${env.publicBaseUrl}/api/auth/oidc/callback`];
  const postLogoutRedirectUris = [`${env.publicBaseUrl}${POST_LOGOUT_PATH}`];
  const start = (port: number) => startDevOidcProvider({ port, clientId: env.OIDC_CLIENT_ID, clientSecret, redirectUris, postLogoutRedirectUris });
  const provider = await start(env.OIDC_DEV_PORT).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EADDRINUSE') throw err;
    return start(0);
  });
  return { provider, env: { ...env, OIDC_ISSUER: provider.issuer, OIDC_CLIENT_SECRET: clientSecret } };
}

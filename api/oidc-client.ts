import * as oidc from 'openid-client';
import { jwtVerify, SignJWT } from 'jose';
import type { Env } from '../config/env';

/**
 * motcua as an OpenID Connect relying party (docs/security.md, "Citizen sign-in"): the issuer's
 * configuration from discovery, the authorization request (state, nonce, PKCE S256), and the
 * callback's checks, all by openid-client. The flow's secrets travel in a signed cookie that lives
 * 10 minutes, so any API process can finish a sign-in another one started.
 */
export type OidcSettings = Pick<Env, 'OIDC_ISSUER' | 'OIDC_CLIENT_ID' | 'OIDC_CLIENT_SECRET' | 'OIDC_REDIRECT_URI' | 'OIDC_SCOPES' | 'OIDC_PERSONAL_ID_CLAIM' | 'JWT_SECRET' | 'NODE_ENV' | 'publicBaseUrl'>;

/** What the callback needs to check the answer it gets: kept in the flow cookie. */
export interface FlowChecks {
  state: string;
  nonce: string;
  verifier: string;
  /** The portal page to land on after sign-in (a kiosk's filing form); absent: «Hồ sơ của tôi». */
  returnTo?: string;
}

/** A portal page of this site, never another site's (`//host`) or the API: what `returnTo` may be. */
export const isPortalPath = (p: string) => /^\/(?![/\\]|api(\/|$|\?))[\w\-./?=&%]{0,200}$/.test(p);

/** The citizen as the issuer asserts them. */
export interface IssuerIdentity {
  sub: string;
  personalId: string;
  name: string;
  /** The ID token as issued: the hint of the logout at the issuer (RP-initiated logout). */
  idToken?: string;
}

/** A failure with the code the portal words for the citizen (portal/src/oidc-errors.ts). */
export class OidcFailure extends Error {
  constructor(
    readonly code: 'unavailable' | 'denied' | 'expired' | 'rejected' | 'no-personal-id',
    message: string,
  ) {
    super(message);
  }
}

export const FLOW_COOKIE = 'motcua_oidc_flow';
/** The ID token of the citizen's sign-in, kept HttpOnly for the logout at the issuer. */
export const ID_TOKEN_COOKIE = 'motcua_oidc_id';
/** Where the issuer sends the browser back after its logout. */
export const POST_LOGOUT_PATH = '/api/auth/oidc/logged-out';
export const FLOW_TTL_S = 600;
const FLOW_AUDIENCE = 'motcua:oidc-flow';
const PERSONAL_ID = /^\d{12}$/;

export class OidcClient {
  private config?: Promise<oidc.Configuration>;
  private readonly flowKey: Uint8Array;
  readonly redirectUri: string;
  /** Registered at the issuer as the client's post_logout_redirect_uri. */
  readonly postLogoutRedirectUri: string;

  constructor(private readonly s: OidcSettings) {
    // Its own key, derived from the session secret: a flow cookie can never pass for a session token.
    this.flowKey = new TextEncoder().encode(`${s.JWT_SECRET}:oidc-flow`);
    this.redirectUri = s.OIDC_REDIRECT_URI ?? `${s.publicBaseUrl}/api/auth/oidc/callback`;
    this.postLogoutRedirectUri = `${s.publicBaseUrl}${POST_LOGOUT_PATH}`;
  }

  get configured(): boolean {
    return Boolean(this.s.OIDC_ISSUER);
  }

  /** The issuer's metadata, read once; a failed read is retried on the next sign-in. */
  private configuration(): Promise<oidc.Configuration> {
    if (!this.s.OIDC_ISSUER) return Promise.reject(new OidcFailure('unavailable', 'OIDC_ISSUER is not set'));
    const issuer = new URL(this.s.OIDC_ISSUER);
    // Plain http only for the local provider outside production (config/env.ts refuses it there).
    const insecure = issuer.protocol === 'http:' && this.s.NODE_ENV !== 'production';
    this.config ??= oidc
      .discovery(issuer, this.s.OIDC_CLIENT_ID, this.s.OIDC_CLIENT_SECRET, undefined, { timeout: 10, ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}) })
      .catch((err: unknown) => {
        this.config = undefined;
        throw new OidcFailure('unavailable', `discovery of ${issuer.href} failed: ${(err as Error).message}`);
      });
    return this.config;
  }

  /** The address at the issuer to send the citizen to, and the checks to keep until they come back. */
  async start(): Promise<{ url: string; checks: FlowChecks }> {
    const config = await this.configuration();
    const checks = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier() };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: this.s.OIDC_SCOPES,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.verifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, checks };
  }

  /**
   * The callback: the state, the code (with the PKCE verifier), the ID token (signature, issuer,
   * audience, nonce), then userinfo for the same subject. `callbackUrl` is the address the
   * issuer redirected to, with its query.
   */
  async finish(callbackUrl: URL, checks: FlowChecks): Promise<IssuerIdentity> {
    const config = await this.configuration();
    let tokens;
    try {
      tokens = await oidc.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: checks.verifier, expectedState: checks.state, expectedNonce: checks.nonce, idTokenExpected: true });
    } catch (err) {
      if (err instanceof oidc.AuthorizationResponseError && err.error === 'access_denied') throw new OidcFailure('denied', 'the citizen refused at the issuer');
      if (err instanceof TypeError || (err as { code?: string }).code === 'OAUTH_TIMEOUT') throw new OidcFailure('unavailable', `token request failed: ${(err as Error).message}`);
      throw new OidcFailure('rejected', `the issuer's answer did not pass the checks: ${(err as Error).message}`);
    }
    const idClaims = tokens.claims()!;
    let info: Record<string, unknown>;
    try {
      info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    } catch (err) {
      throw new OidcFailure('unavailable', `userinfo failed: ${(err as Error).message}`);
    }
    const claims = { ...idClaims, ...info };
    const personalId = String(claims[this.s.OIDC_PERSONAL_ID_CLAIM] ?? '');
    if (!PERSONAL_ID.test(personalId)) throw new OidcFailure('no-personal-id', `claim ${this.s.OIDC_PERSONAL_ID_CLAIM} is missing or not 12 digits`);
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().normalize('NFC').slice(0, 200) : `Công dân ${personalId.slice(-4)}`;
    return { sub: idClaims.sub, personalId, name, ...(tokens.id_token ? { idToken: tokens.id_token } : {}) };
  }

  /**
   * Where to send the browser to end the citizen's session at the issuer too (OpenID Connect
   * RP-Initiated Logout 1.0): its end_session_endpoint with the ID token as hint, and the page
   * the issuer sends them back to, registered there. Null when the issuer has no such endpoint or
   * cannot be reached: the sign-out at motcua stands on its own.
   */
  async endSessionUrl(idToken: string, state: string): Promise<string | null> {
    try {
      const config = await this.configuration();
      if (!config.serverMetadata().end_session_endpoint) return null;
      return oidc.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: this.postLogoutRedirectUri, state }).href;
    } catch {
      return null;
    }
  }

  /** The checks as a signed cookie value (HS256, 10 minutes). */
  sealChecks(checks: FlowChecks): Promise<string> {
    return new SignJWT({ ...checks }).setProtectedHeader({ alg: 'HS256' }).setAudience(FLOW_AUDIENCE).setIssuedAt().setExpirationTime(`${FLOW_TTL_S}s`).sign(this.flowKey);
  }

  async openChecks(cookie: string | undefined): Promise<FlowChecks> {
    if (!cookie) throw new OidcFailure('expired', 'no sign-in in progress (no flow cookie)');
    try {
      const { payload } = await jwtVerify(cookie, this.flowKey, { algorithms: ['HS256'], audience: FLOW_AUDIENCE });
      const { state, nonce, verifier, returnTo } = payload as Record<string, unknown>;
      if (typeof state !== 'string' || typeof nonce !== 'string' || typeof verifier !== 'string') throw new Error('incomplete');
      return { state, nonce, verifier, ...(typeof returnTo === 'string' && isPortalPath(returnTo) ? { returnTo } : {}) };
    } catch {
      throw new OidcFailure('expired', 'the flow cookie is invalid or expired');
    }
  }
}

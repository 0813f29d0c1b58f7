import { eq } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OidcClient, OidcFailure } from '../../api/oidc-client';
import { loadEnv } from '../../config/env';
import { users } from '../../db/schema';
import { DEV_IDENTITIES, startDevOidcProvider, type DevOidcProvider } from '../../runtime/oidc-provider';
import type { System } from '../../runtime/system';
import { freePort } from '../../temporal/dev-server';
import { CookieBrowser, type Stop } from '../support/cookie-browser';
import { startTestSystem } from '../support/system';

/**
 * Issue 15 §3: citizen sign-in with OpenID Connect, end to end — the real local provider
 * (runtime/oidc-provider.ts) and the real relying party (api/routes/oidc.routes.ts), the code
 * flow followed redirect by redirect with cookies, the provider's forms submitted.
 */
const SECRET = 'integration-oidc-client-secret';
/** An identity whose personal ID number the test gives to an officer's account. */
const OFFICER_ID = { sub: 'dev-9001', personalId: '010080000999', name: 'Nguyễn Thị Lan' };
const [DUA, , MY] = DEV_IDENTITIES as [(typeof DEV_IDENTITIES)[0], unknown, (typeof DEV_IDENTITIES)[0]];

describe('citizen sign-in through the identity issuer', () => {
  let system: System;
  let idp: DevOidcProvider;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    idp = await startDevOidcProvider({ port: 0, clientId: 'motcua', clientSecret: SECRET, redirectUris: [`${base}/api/auth/oidc/callback`], identities: [...DEV_IDENTITIES, OFFICER_ID] });
    system = await startTestSystem({ PORT: String(port), PUBLIC_BASE_URL: base, OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: 'motcua', OIDC_CLIENT_SECRET: SECRET });
    await system.dbh.db.update(users).set({ personalId: OFFICER_ID.personalId }).where(eq(users.id, 'u-laocai.desk'));
  });
  afterAll(async () => {
    await system?.dbh.db.update(users).set({ personalId: null }).where(eq(users.id, 'u-laocai.desk'));
    await system?.stop();
    await idp?.stop();
  });

  /** Portal pages end the walk: the API's redirects to them are what the test looks at. */
  const browser = () => new CookieBrowser((u) => u.origin === base && !u.pathname.startsWith('/api/'));
  /** From «Đăng nhập bằng định danh điện tử» to the provider's sign-in page. */
  async function toLoginPage(b: CookieBrowser, query = ''): Promise<Stop> {
    const page = await b.open(`${base}/api/auth/oidc/login${query}`);
    expect(page.status).toBe(200);
    expect(page.url.origin).toBe(idp.issuer);
    expect(page.html).toContain('Số định danh cá nhân');
    return page;
  }
  async function signIn(personalId: string, query = '', b = browser()): Promise<Stop> {
    const consent = await b.submit(await toLoginPage(b, query), '/login', { personalId, password: 'motcua123' });
    expect(consent.html).toContain('Đồng ý chia sẻ thông tin');
    return b.submit(consent, '/confirm');
  }
  const tokenOf = (stop: Stop, path = '/ho-so-cua-toi') => {
    expect(stop.location?.pathname).toBe(path);
    const token = new URLSearchParams(stop.location!.hash.slice(1)).get('phien');
    expect(token).toBeTruthy();
    return token!;
  };
  const me = (token: string) => request(system.server).get('/api/me').set('Authorization', `Bearer ${token}`);
  const holders = (personalId: string) => system.dbh.db.select().from(users).where(eq(users.personalId, personalId));

  it('links a seeded citizen by personal ID number and issues motcua’s session, landing on «Hồ sơ của tôi»', async () => {
    const landed = await signIn(DUA.personalId);
    const res = await me(tokenOf(landed));
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: 'u-citizen', username: 'citizen', role: 'citizen', fullName: 'Sùng Thị Dua' });
    // Linked, not duplicated.
    expect((await holders(DUA.personalId)).map((u) => u.id)).toEqual(['u-citizen']);
    // The session is motcua's usual one: dossiers are listed, and signing out revokes it.
    expect((await request(system.server).get('/api/dossiers').set('Authorization', `Bearer ${tokenOf(landed)}`)).status).toBe(200);
  });

  it('creates a citizen at the first sign-in and finds the same one at the next', async () => {
    const first = await me(tokenOf(await signIn(MY.personalId)));
    expect(first.status).toBe(200);
    expect(first.body.user).toMatchObject({ role: 'citizen', fullName: MY.name, username: `dinhdanh.${MY.personalId}`, agencyCode: null });
    const again = await me(tokenOf(await signIn(MY.personalId)));
    expect(again.body.user.id).toBe(first.body.user.id);
    expect(await holders(MY.personalId)).toHaveLength(1);
    // The created account has no password anyone knows: the issuer is its only way in.
    const pw = await request(system.server).post('/api/auth/login').send({ username: `dinhdanh.${MY.personalId}`, password: 'motcua123' });
    expect(pw.status).toBe(401);
  });

  it('lands a kiosk back on its filing form, and ignores a return address off the portal', async () => {
    const kiosk = await signIn(DUA.personalId, `?tiep=${encodeURIComponent('/nop-ho-so/1.001193?kiosk=1')}`);
    expect((await me(tokenOf(kiosk, '/nop-ho-so/1.001193'))).status).toBe(200);
    expect(kiosk.location!.searchParams.get('kiosk')).toBe('1');
    for (const away of ['//evil.example/x', 'https://evil.example/', '/api/me']) {
      const landed = await signIn(DUA.personalId, `?tiep=${encodeURIComponent(away)}`);
      expect(landed.location!.origin).toBe(base);
      tokenOf(landed);
    }
  });

  it('refuses a callback whose state is not the one it sent, and one with no flow cookie', async () => {
    const b = browser();
    const consent = await b.submit(await toLoginPage(b), '/login', { personalId: DUA.personalId, password: 'motcua123' });
    // Stop at the callback instead of following it, to tamper with the state.
    const portalPage = b.stopAt;
    b.stopAt = (u) => u.pathname === '/api/auth/oidc/callback';
    const callback = (await b.submit(consent, '/confirm')).location!;
    b.stopAt = portalPage;
    expect(callback.pathname).toBe('/api/auth/oidc/callback');
    expect(callback.searchParams.get('code')).toBeTruthy();
    const forged = new URL(callback);
    forged.searchParams.set('state', 'an-attacker-s-state');
    const refused = await b.open(forged);
    expect(refused.location?.pathname).toBe('/dang-nhap');
    expect(refused.location?.searchParams.get('loi')).toBe('oidc-rejected');
    // The flow cookie was spent by the refused attempt: the genuine callback is now refused too.
    const replay = await b.open(callback);
    expect(replay.location?.searchParams.get('loi')).toBe('oidc-expired');
    // A callback with no sign-in in progress at all (a forged link): refused, not a 500.
    const cold = await browser().open(callback);
    expect(cold.location?.searchParams.get('loi')).toBe('oidc-expired');
  });

  it('sends the citizen back to the sign-in page when they refuse consent', async () => {
    const b = browser();
    const consent = await b.submit(await toLoginPage(b), '/login', { personalId: DUA.personalId, password: 'motcua123' });
    const back = await b.submit(consent, '/abort');
    expect(back.location?.pathname).toBe('/dang-nhap');
    expect(back.location?.searchParams.get('loi')).toBe('oidc-denied');
  });

  it('keeps a wrong password at the provider, and gives an officer’s ID number no citizen session', async () => {
    const b = browser();
    const wrong = await b.submit(await toLoginPage(b), '/login', { personalId: DUA.personalId, password: 'sai-mat-khau' });
    expect(wrong.status).toBe(401);
    expect(wrong.html).toContain('không đúng');
    const officer = await signIn(OFFICER_ID.personalId);
    expect(officer.location?.pathname).toBe('/dang-nhap');
    expect(officer.location?.searchParams.get('loi')).toBe('oidc-not-a-citizen');
    // No account was created for it either.
    expect((await holders(OFFICER_ID.personalId)).map((u) => u.id)).toEqual(['u-laocai.desk']);
  });

  it('signs out at the issuer too: after the portal’s sign-out, the next sign-in asks for the credentials again', async () => {
    const b = browser();
    tokenOf(await signIn(DUA.personalId, '', b));
    // Still signed in at the issuer: a new sign-in in this browser comes straight back, asking nothing.
    tokenOf(await b.open(`${base}/api/auth/oidc/login`));

    // The portal's sign-out goes to the issuer's end_session_endpoint with the ID token as hint.
    const portalPage = b.stopAt;
    b.stopAt = (u) => u.origin === idp.issuer;
    const toIssuer = (await b.open(`${base}/api/auth/oidc/logout?tiep=${encodeURIComponent('/dang-nhap')}`)).location!;
    b.stopAt = portalPage;
    expect(toIssuer.searchParams.get('post_logout_redirect_uri')).toBe(`${base}/api/auth/oidc/logged-out`);
    expect(toIssuer.searchParams.get('id_token_hint')?.split('.')).toHaveLength(3);
    expect(toIssuer.searchParams.get('state')).toBe('/dang-nhap');
    const question = await b.open(toIssuer);
    expect(question.status).toBe(200);
    expect(question.html).toContain('Đăng xuất khỏi định danh điện tử');
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(question.html)?.[1];
    expect(xsrf).toBeTruthy();
    const back = await b.submit(question, '/session/end/confirm', { xsrf: xsrf!, logout: 'yes' });
    expect(back.location?.origin).toBe(base);
    expect(back.location?.pathname).toBe('/dang-nhap');

    // The issuer asks for the personal ID number and password again.
    await toLoginPage(b);
    // The ID token cookie went with the sign-out: another sign-out goes straight to the page.
    const again = await request(system.server).get('/api/auth/oidc/logout?tiep=%2Fdang-nhap');
    expect(again.status).toBe(303);
    expect(again.headers.location).toBe('/dang-nhap');
  });

  it('keeps the return from the issuer’s logout on the portal', async () => {
    for (const [state, to] of [['/ho-so-cua-toi', '/ho-so-cua-toi'], ['//evil.example/x', '/'], ['https://evil.example/', '/'], ['/api/me', '/']]) {
      const res = await request(system.server).get(`/api/auth/oidc/logged-out?state=${encodeURIComponent(state!)}`);
      expect(res.status).toBe(303);
      expect(res.headers.location, state).toBe(to);
    }
    expect((await request(system.server).get('/api/auth/oidc/logout?tiep=%2F%2Fevil.example')).headers.location).toBe('/');
  });

  it('answers an issuer that cannot be reached with a redirect to the sign-in page, never a 500', async () => {
    const down = new OidcClient({ ...loadEnv({ NODE_ENV: 'test' }), OIDC_ISSUER: `http://127.0.0.1:${await freePort()}`, OIDC_CLIENT_SECRET: SECRET });
    await expect(down.start()).rejects.toSatisfy((e) => e instanceof OidcFailure && e.code === 'unavailable');
  });
});

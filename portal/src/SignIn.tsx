import { useState } from 'react';
import { api, ApiError } from './api';
import { t, useT } from './i18n';
import type { MessageKey } from './i18n/vi';
import { isKiosk } from './kiosk';

/**
 * The API accepts dossiers from signed-in citizens only, so the portal signs the citizen in: first
 * through the identity issuer (OpenID Connect, docs/security.md), else with a username and password
 * (at a kiosk the session lives in memory and the idle reset ends it).
 */
export function SignIn({ why }: { why: string }) {
  // A shared kiosk never asks for a password (issue 18): only the identity issuer's sign-in.
  if (isKiosk()) return <KioskNoSignIn />;
  return (
    <>
      <IssuerSignIn why={why} />
      <SignInForm />
    </>
  );
}

function KioskNoSignIn() {
  const t = useT();
  return (
    <div className="panel" data-testid="kiosk-no-signin">
      <p>{t('signin.kiosk')}</p>
      <IssuerButton />
    </div>
  );
}

/** Why the last sign-in through the issuer did not happen (`?loi=` from api/routes/oidc.routes.ts). */
const ISSUER_ERRORS = ['oidc-denied', 'oidc-expired', 'oidc-rejected', 'oidc-unavailable', 'oidc-no-personal-id', 'oidc-not-a-citizen', 'oidc-deactivated'] as const;
const issuerError = (code: string | null) => ((ISSUER_ERRORS as readonly (string | null)[]).includes(code) ? t(`signin.${code}` as MessageKey) : undefined);

/**
 * «Đăng nhập bằng định danh điện tử»: a full navigation to the API, which sends the browser on to
 * the issuer and back to `returnTo` (default «Hồ sơ của tôi») signed in.
 */
export function IssuerButton({ returnTo }: { returnTo?: string }) {
  const t = useT();
  const url = `/api/auth/oidc/login${returnTo ? `?tiep=${encodeURIComponent(returnTo)}` : ''}`;
  return (
    <a className="button" href={url} data-testid="oidc-sign-in">
      {t('signin.issuer')}
    </a>
  );
}

function IssuerSignIn({ why }: { why: string }) {
  const t = useT();
  const error = issuerError(new URLSearchParams(location.search).get('loi'));
  return (
    <section className="panel signin" aria-labelledby="signin-title">
      <h2 id="signin-title">{t('signin.title')}</h2>
      <p>{why}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <IssuerButton />
      <p className="hint">{t('signin.hint')}</p>
    </section>
  );
}

function SignInForm() {
  const t = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="panel signin"
      aria-labelledby="signin-password-title"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError('');
        try {
          await api.login(username.trim(), password);
        } catch (err) {
          setError(err instanceof ApiError && err.status === 401 ? t('signin.wrong') : (err as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <h2 id="signin-password-title">{t('signin.passwordTitle')}</h2>
      <div className="field">
        <label htmlFor="username">{t('signin.username')}</label>
        <input id="username" name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="password">{t('signin.password')}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      <button type="submit" disabled={busy}>
        {busy ? t('signin.busy') : t('signin.submit')}
      </button>
    </form>
  );
}

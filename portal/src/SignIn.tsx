import { useState } from 'react';
import { api, ApiError } from './api';
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
  return (
    <div className="panel" data-testid="kiosk-no-signin">
      <p>Máy tự phục vụ không hỏi tên đăng nhập và mật khẩu. Ông/Bà có thể đăng nhập bằng định danh điện tử, hoặc dùng điện thoại của mình, hoặc đến quầy Bộ phận Một cửa.</p>
      <IssuerButton />
    </div>
  );
}

/** Why the last sign-in through the issuer did not happen (`?loi=` from api/routes/oidc.routes.ts). */
const ISSUER_ERRORS: Record<string, string> = {
  'oidc-denied': 'Ông/Bà đã không đồng ý chia sẻ thông tin, nên chưa đăng nhập. Có thể thử lại.',
  'oidc-expired': 'Phiên đăng nhập đã hết hạn hoặc đã được dùng. Ông/Bà vui lòng đăng nhập lại.',
  'oidc-rejected': 'Không xác nhận được kết quả đăng nhập. Ông/Bà vui lòng đăng nhập lại.',
  'oidc-unavailable': 'Dịch vụ định danh điện tử đang không kết nối được. Ông/Bà thử lại sau ít phút, hoặc đăng nhập bằng tài khoản.',
  'oidc-no-personal-id': 'Dịch vụ định danh không cho biết số định danh cá nhân, nên chưa đăng nhập được.',
  'oidc-not-a-citizen': 'Số định danh này thuộc tài khoản cán bộ: cán bộ đăng nhập bằng tên đăng nhập và mật khẩu ở trang quản trị.',
  'oidc-deactivated': 'Tài khoản của Ông/Bà đang bị khóa. Vui lòng liên hệ Bộ phận Một cửa.',
};

/**
 * «Đăng nhập bằng định danh điện tử»: a full navigation to the API, which sends the browser on to
 * the issuer and back to `returnTo` (default «Hồ sơ của tôi») signed in.
 */
export function IssuerButton({ returnTo }: { returnTo?: string }) {
  const url = `/api/auth/oidc/login${returnTo ? `?tiep=${encodeURIComponent(returnTo)}` : ''}`;
  return (
    <a className="button" href={url} data-testid="oidc-sign-in">
      Đăng nhập bằng định danh điện tử
    </a>
  );
}

function IssuerSignIn({ why }: { why: string }) {
  const error = ISSUER_ERRORS[new URLSearchParams(location.search).get('loi') ?? ''];
  return (
    <section className="panel signin" aria-labelledby="signin-title">
      <h2 id="signin-title">Đăng nhập</h2>
      <p>{why}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <IssuerButton />
      <p className="hint">Dùng tài khoản định danh điện tử của Ông/Bà (số định danh cá nhân); lần đầu đăng nhập, hồ sơ công dân được tạo theo số định danh.</p>
    </section>
  );
}

function SignInForm() {
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
          setError(err instanceof ApiError && err.status === 401 ? 'Tên đăng nhập hoặc mật khẩu không đúng.' : (err as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <h2 id="signin-password-title">Hoặc đăng nhập bằng tên đăng nhập và mật khẩu</h2>
      <div className="field">
        <label htmlFor="username">Tên đăng nhập</label>
        <input id="username" name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="password">Mật khẩu</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      <button type="submit" disabled={busy}>
        {busy ? 'Đang đăng nhập…' : 'Đăng nhập'}
      </button>
    </form>
  );
}

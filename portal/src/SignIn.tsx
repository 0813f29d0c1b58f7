import { useState } from 'react';
import { api, ApiError } from './api';
import { isKiosk } from './kiosk';

/**
 * The API accepts dossiers from signed-in citizens only, so the portal signs the citizen in
 * (username and password; at a kiosk the session lives in memory and the idle reset ends it).
 */
export function SignIn({ why }: { why: string }) {
  // A shared kiosk never asks for a password (issue 18): the citizen's own phone or the desk does.
  if (isKiosk()) return <KioskNoSignIn />;
  return <SignInForm why={why} />;
}

function KioskNoSignIn() {
  return (
    <p className="panel" data-testid="kiosk-no-signin">
      Máy tự phục vụ không hỏi tên đăng nhập và mật khẩu. Để xem, bổ sung hay tải kết quả hồ sơ, Ông/Bà dùng điện thoại của mình (vào trang Dịch vụ công Lào Cai, đăng nhập) hoặc đến
      quầy Bộ phận Một cửa.
    </p>
  );
}

function SignInForm({ why }: { why: string }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="panel signin"
      aria-labelledby="signin-title"
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
      <h2 id="signin-title">Đăng nhập</h2>
      <p>{why}</p>
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

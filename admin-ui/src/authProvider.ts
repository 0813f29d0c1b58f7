import type { AuthProvider } from 'react-admin';
import { canAccess, loadRules } from './ability';
import { API, httpClient } from './http';
import { totpPrompt } from './layout/totp-prompt';
import { session, type Session } from './session';

loadRules(session.get()?.rules);
let refreshed = false;

/** Sign-in against /api/auth/login; the rules come back with the token and drive canAccess. */
export const authProvider: AuthProvider = {
  async login({ username, password, code }: { username: string; password: string; code?: string }) {
    const res = await fetch(`${API}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ username, password, ...(code?.trim() ? { code: code.trim() } : {}) }),
    });
    const body = (await res.json().catch(() => ({}))) as Partial<Session> & { detail?: string; code?: string };
    // Locked after repeated failures (the right password is refused too until the lock ends).
    if (res.status === 429) throw new Error('app.auth.locked');
    // Two-step verification: the form shows the code field and the officer signs in again with it.
    if (body.code === 'totp-required') {
      totpPrompt.ask();
      throw new Error('app.auth.totp_required');
    }
    if (body.code === 'totp-invalid') throw new Error('app.auth.totp_invalid');
    if (!res.ok || !body.token || !body.user) throw new Error(res.status === 401 ? 'app.auth.wrong_credentials' : (body.detail ?? 'ra.auth.sign_in_error'));
    if (body.user.role === 'citizen') throw new Error('app.auth.citizen_not_allowed');
    session.set({ token: body.token, user: body.user, rules: body.rules ?? [] });
    loadRules(body.rules);
    refreshed = true;
  },
  async logout() {
    // Ends the session on the server too: the token stops working, wherever a copy of it is.
    if (session.get()) await httpClient(`${API}/auth/logout`, { method: 'POST' }).catch(() => undefined);
    session.clear();
    loadRules([]);
    refreshed = false;
  },
  async checkAuth() {
    const s = session.get();
    if (!s) throw new Error('ra.auth.auth_check_error');
    // Once per page load, re-read the user and rules: roles may have changed since sign-in.
    if (!refreshed) {
      const { json } = await httpClient(`${API}/me`);
      session.set({ ...s, user: json.user, rules: json.rules });
      loadRules(json.rules);
      refreshed = true;
    }
  },
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      session.clear();
      loadRules([]);
      throw new Error('ra.notification.logged_out');
    }
  },
  async getIdentity() {
    const u = session.user();
    if (!u) throw new Error('ra.auth.auth_check_error');
    return { id: u.id, fullName: u.fullName, role: u.role, agencyCode: u.agencyCode, agency: u.agency };
  },
  async getPermissions() {
    return session.get()?.rules ?? [];
  },
  async canAccess(params) {
    return canAccess(params as never);
  },
};

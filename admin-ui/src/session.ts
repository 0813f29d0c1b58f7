import type { PackRule } from '@casl/ability/extra';

/** The signed-in officer as the API describes it (GET /api/me). */
export interface SessionUser {
  id: string;
  username: string;
  fullName: string;
  role: 'citizen' | 'desk-officer' | 'specialist' | 'leader' | 'supervisor' | 'admin' | 'helper';
  agencyCode: string | null;
  agency: { code: string; name: string; kind: 'province' | 'department' | 'commune' | 'police' } | null;
}

const KEY = 'motcua.session';

export interface Session {
  token: string;
  user: SessionUser;
  rules: PackRule<never>[];
}

/** The session lives in localStorage so a reload keeps it; the token expires server-side (8 h). */
export const session = {
  get(): Session | null {
    try {
      const raw = localStorage.getItem(KEY);
      return raw ? (JSON.parse(raw) as Session) : null;
    } catch {
      return null;
    }
  },
  set(s: Session) {
    localStorage.setItem(KEY, JSON.stringify(s));
  },
  clear() {
    localStorage.removeItem(KEY);
  },
  user(): SessionUser | null {
    return this.get()?.user ?? null;
  },
};

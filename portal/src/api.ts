import type { Status } from '../../domain/status';
import { isKiosk } from './kiosk';

/** A field error from the API's problem+json (`errors:[{field,message}]`). */
export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
}

export interface Label {
  vi: string;
  en: string;
}

export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: (string | number)[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
}

export interface Procedure {
  code: string;
  name: Label;
  field: Label;
  level: 'commune' | 'province';
  fee: number;
  feeOnline: number;
  deadline: { workingDays: number };
  stages: { name: string }[];
  requiredDocuments: Label[];
  fullProcessOnline: boolean;
  formSchema: JsonSchema;
  formLabels: Record<string, Label>;
  example: Record<string, unknown>;
}

export interface Dossier {
  code: string;
  procedureCode: string;
  status: Status;
  channel: string;
  receivedAt: string | null;
  dueAt: string | null;
  fee: number;
  paid: boolean;
  allowedActions?: string[];
}

export interface PublicDossier {
  code: string;
  procedureName: string;
  status: string;
  statusText: string;
  receivedAt: string | null;
  dueAt: string | null;
  nextStep: string;
  missing: string[];
  fee: number;
  paid: boolean;
  documents: string[];
}

export interface Payment {
  amount: number;
  paid: boolean;
  qrPng: string;
  accountNumber?: string;
  accountName?: string;
  description?: string;
}

export interface User {
  id: string;
  username: string;
  fullName: string;
  role: string;
}

/**
 * The session: the API wants a signed-in citizen to submit. Online it lives in sessionStorage
 * (gone with the tab); at a kiosk only in memory, and the idle reset reloads the page.
 */
let session: { token: string; user: User } | null = (() => {
  if (isKiosk()) return null;
  try {
    return JSON.parse(sessionStorage.getItem('motcua.portal.session') ?? 'null');
  } catch {
    return null;
  }
})();
const listeners = new Set<() => void>();

export const getSession = () => session;
export function onSession(fn: () => void) {
  listeners.add(fn);
  return () => void listeners.delete(fn);
}
function setSession(s: typeof session) {
  session = s;
  if (!isKiosk()) {
    if (s) sessionStorage.setItem('motcua.portal.session', JSON.stringify(s));
    else sessionStorage.removeItem('motcua.portal.session');
  }
  listeners.forEach((fn) => fn());
}
export const signOut = () => setSession(null);

async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const h: Record<string, string> = { accept: 'application/json', ...headers };
  if (body !== undefined) h['content-type'] = 'application/json';
  if (session) h.authorization = `Bearer ${session.token}`;
  let res: Response;
  try {
    res = await fetch(`/api${path}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  }
  if (res.status === 401 && session) signOut();
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, data.detail ?? data.title ?? `Lỗi ${res.status}`, data.errors ?? []);
  return data as T;
}

export const api = {
  procedures: (q = '') => call<Procedure[]>('GET', `/procedures${q ? `?q=${encodeURIComponent(q)}` : ''}`),
  procedure: (code: string) => call<Procedure>('GET', `/procedures/${encodeURIComponent(code)}`),
  async login(username: string, password: string) {
    const r = await call<{ token: string; user: User }>('POST', '/auth/login', { username, password });
    setSession({ token: r.token, user: r.user });
    return r.user;
  },
  submit: (body: unknown, idempotencyKey: string) => call<Dossier>('POST', '/dossiers', body, { 'Idempotency-Key': idempotencyKey }),
  dossier: (code: string) => call<Dossier>('GET', `/dossiers/${encodeURIComponent(code)}`),
  payment: (code: string) => call<Payment>('GET', `/dossiers/${encodeURIComponent(code)}/payment`),
  lookup: (code: string, phone: string) => call<PublicDossier>('GET', `/public/dossiers/${encodeURIComponent(code.trim())}?phone=${encodeURIComponent(phone.trim())}`),
  rate: (code: string, score: number, comment: string) =>
    call<Dossier>('POST', `/dossiers/${encodeURIComponent(code)}/actions/rate`, comment ? { score, comment } : { score }),
  /** A PDF the signed-in owner may read, saved through a temporary link. */
  async download(code: string, kind: string) {
    const res = await fetch(`/api/dossiers/${encodeURIComponent(code)}/documents/${kind}`, { headers: session ? { authorization: `Bearer ${session.token}` } : {} });
    if (!res.ok) throw new ApiError(res.status, res.status === 404 ? 'Chưa có giấy tờ này, hoặc hồ sơ không thuộc tài khoản đang đăng nhập.' : `Lỗi ${res.status}`);
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `${code}-${kind}.pdf`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  },
};

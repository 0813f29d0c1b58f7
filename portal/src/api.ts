import type { FeeRule } from '../../domain/procedure-rules';
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
  /** A choice's display words, from the form schema itself (domain/form-choices.ts). */
  optionLabels?: Record<string, string>;
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
  /** How the fee follows the form (domain/fees.ts); null: the fixed fee of the channel. */
  feeRule: FeeRule | null;
  deadline: { workingDays: number | null; calendarDays?: number; kind?: string };
  /** The online and postal channels' own deadlines where they differ from the counter's (docs/calendar.md). */
  deadlines?: { online?: Procedure['deadline']; post?: Procedure['deadline'] } | null;
  stages: { name: string }[];
  requiredDocuments: Label[];
  fullProcessOnline: boolean;
  /** Offered online at all (through the national portal); with `fullProcessOnline`, the online level. */
  portalIntegrated?: boolean;
  formSchema: JsonSchema;
  formLabels: Record<string, Label>;
  example: Record<string, unknown>;
}

/** A file stored by POST /api/attachments, named by id in a submission or a supplement. */
export interface Attachment {
  id: string;
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
  /** The required document it was uploaded as (its Vietnamese label); null for none. */
  requirement?: string | null;
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
  missing?: string[];
  /** When a supplement is asked: the day it is due; the dossier is cancelled after it. */
  supplementDueAt?: string | null;
  procedureName?: Label | null;
  createdAt?: string | null;
  attachments?: Attachment[];
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
  supplementDueAt?: string | null;
  /** The fee's VietQR while payment is due (the lookup's code + phone is the key to it). */
  payment?: Payment | null;
}

/** GET /api/public/verify/:code (api/openapi-responses.ts documentVerificationResponse). */
export interface DocumentVerification {
  code: string;
  valid: boolean;
  checks: { hash: boolean; signature: boolean; certificate: boolean };
  problem?: string;
  document: { kind: string; title: string; dossierCode: string; sha256: string };
  signer: { subject: string; commonName: string | null; organization: string | null; issuer: string | null; certSha256: string };
  signedAt: string;
}

export interface Payment {
  amount: number;
  paid: boolean;
  qrPng: string;
  /** The VietQR payload (EMVCo text) the PNG encodes, for copying into a banking app. */
  vietqr?: string;
  bankBin?: string;
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
/** `viaIssuer`: signed in through the identity issuer, where signing out must end the session too. */
let session: { token: string; user: User; viaIssuer?: boolean } | null = (() => {
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

/**
 * After sign-in through the identity issuer the API sends the browser here with the session token
 * in the fragment (`#phien=`), which no server ever sees: it is taken out of the address at once
 * (history, bookmarks, a shared kiosk) and kept like a password sign-in's. The user shown comes from
 * the token's own claims; the API checks the token itself on every call.
 */
export function adoptSessionFromAddress() {
  const token = new URLSearchParams(location.hash.slice(1)).get('phien');
  if (!token) return;
  history.replaceState(history.state, '', location.pathname + location.search);
  try {
    // base64url of UTF-8 JSON (the name is Vietnamese).
    const bytes = Uint8Array.from(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as { sub: string; username: string; name: string; role: string };
    setSession({ token, user: { id: claims.sub, username: claims.username, fullName: claims.name, role: claims.role }, viaIssuer: true });
  } catch {
    // Not a token of ours: ignored, the citizen is simply not signed in.
  }
}
/**
 * Signs out on the server as well: every token of the citizen stops working, wherever a copy of it
 * is (a shared kiosk above all). `keepalive` lets the request finish while the page goes away.
 * A citizen who signed in through the identity issuer then goes there to sign out too
 * (`/api/auth/oidc/logout`, which comes back to the home page), so that the next sign-in on this
 * computer asks for the credentials again. Not at a kiosk: its idle reset reloads the kiosk at once
 * and cannot wait on the issuer's question.
 */
export function logOut() {
  const atIssuer = session?.viaIssuer && !isKiosk();
  if (session) {
    void fetch('/api/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${session.token}` }, keepalive: true }).catch(() => undefined);
  }
  signOut();
  if (atIssuer) location.assign('/api/auth/oidc/logout?tiep=%2F');
}

async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  return (await send<T>(method, path, body, headers)).data;
}

async function send<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ data: T; res: Response }> {
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
  return { data: data as T, res };
}

/** What the finder asks the server for: words, filters and a page (the server ranks, filters and pages). */
export interface ProcedureQuery {
  q?: string;
  field?: string;
  level?: 'commune' | 'province';
  onlineLevel?: 'full' | 'partial' | 'counter';
  offset?: number;
  limit?: number;
}

/** A page of procedures and how many there are in all (from `Content-Range: procedures 0-9/123`). */
async function procedurePage(p: ProcedureQuery): Promise<{ items: Procedure[]; total: number }> {
  const params = new URLSearchParams();
  for (const k of ['q', 'field', 'level', 'onlineLevel'] as const) if (p[k]?.trim()) params.set(k, p[k]!.trim());
  const offset = p.offset ?? 0;
  params.set('range', JSON.stringify([offset, offset + (p.limit ?? 10) - 1]));
  const { data, res } = await send<Procedure[]>('GET', `/procedures?${params}`);
  const total = Number(res.headers.get('content-range')?.split('/')[1]);
  return { items: data, total: Number.isFinite(total) ? total : data.length };
}

export interface ProcedureField {
  field: string;
  procedures: number;
  commune: number;
}

/** The province's headline figures (GET /api/stats/public). */
export interface PublicStats {
  procedures: number;
  online: { full: number; partial: number; total: number; rate: number | null };
  commune: { total: number; online: number; rate: number | null };
  fullProcessByLevel: { commune: number; province: number };
  nationalPortal: { synced: number; rate: number | null };
}

/** The kiosk advisor's answer (POST /api/advisor): candidates best first, and the next question while several are close. */
export interface Advice {
  candidates: { code: string; name: string; score: number }[];
  question?: { id: string; text: string; options: { id: string; label: string; codes: string[] }[] };
}
export interface AdviceAnswer {
  questionId: string;
  optionId: string;
}

/** Where the guidance is read aloud (GET /api/procedures/:code/guide/audio, a WAV). */
export const guideAudioUrl = (code: string) => `/api/procedures/${encodeURIComponent(code)}/guide/audio`;

/** What the server takes (it checks the content again): PDF, JPEG, PNG up to 10 MB each. */
export const UPLOAD_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
export function uploadProblem(file: File): string | null {
  if (file.size > UPLOAD_MAX_BYTES) return `Tệp «${file.name}» lớn hơn 10 MB.`;
  if (file.type && !UPLOAD_TYPES.includes(file.type)) return `Tệp «${file.name}» không phải PDF, JPG hoặc PNG.`;
  return null;
}

/**
 * One file to POST /api/attachments, with upload progress (0–1); fetch cannot report it, XHR can.
 * `requirement` names the required document it is a copy of (its Vietnamese label), for the
 * officers' checklist and the receipt.
 */
function uploadFile(file: File, onProgress: (fraction: number) => void, requirement?: string): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/attachments');
    xhr.setRequestHeader('accept', 'application/json');
    if (session) xhr.setRequestHeader('authorization', `Bearer ${session.token}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.'));
    xhr.onload = () => {
      let data: { detail?: string; title?: string; errors?: FieldError[] } | Attachment[] = {};
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      if (xhr.status === 401 && session) signOut();
      if (xhr.status === 201 && Array.isArray(data) && data[0]) {
        onProgress(1);
        return resolve(data[0]);
      }
      const p = Array.isArray(data) ? {} : data;
      const text =
        xhr.status === 413 ? `Tệp «${file.name}» lớn hơn 10 MB.` : xhr.status === 415 ? `Tệp «${file.name}» không phải PDF, JPG hoặc PNG.` : (p.detail ?? p.title ?? `Lỗi ${xhr.status}`);
      reject(new ApiError(xhr.status, text, p.errors ?? []));
    };
    const form = new FormData();
    // Before the file: the field tags the file parts that follow it.
    if (requirement) form.append('requirement', requirement);
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export const api = {
  upload: uploadFile,
  /** The `supplement` action with the caller's uploads (the server re-reads their names and hashes). */
  supplement: (code: string, attachments: Attachment[]) =>
    call<Dossier>('POST', `/dossiers/${encodeURIComponent(code)}/actions/supplement`, attachments.length ? { attachments: attachments.map(({ id, name, sha256 }) => ({ id, name, sha256 })) } : {}),
  procedures: procedurePage,
  procedureFields: () => call<ProcedureField[]>('GET', '/procedure-fields'),
  publicStats: () => call<PublicStats>('GET', '/stats/public'),
  procedure: (code: string) => call<Procedure>('GET', `/procedures/${encodeURIComponent(code)}`),
  advise: (query: string, answers: AdviceAnswer[]) => call<Advice>('POST', '/advisor', { query, answers }),
  /** When a dossier received now would fall due (GET /api/calendar/due), for the expected return date. */
  due: (kind: string, amount?: number) =>
    call<{ dueAt: string }>('GET', `/calendar/due?${new URLSearchParams({ from: new Date().toISOString(), kind, ...(amount === undefined ? {} : { workingDays: String(amount) }) })}`),
  async login(username: string, password: string) {
    const r = await call<{ token: string; user: User }>('POST', '/auth/login', { username, password });
    setSession({ token: r.token, user: r.user });
    return r.user;
  },
  submit: (body: unknown, idempotencyKey: string) => call<Dossier>('POST', '/dossiers', body, { 'Idempotency-Key': idempotencyKey }),
  /** The signed-in citizen's own dossiers, newest first (the API scopes the list to its owner). */
  myDossiers: () => call<Dossier[]>('GET', `/dossiers?range=${encodeURIComponent('[0,49]')}&sort=${encodeURIComponent('["createdAt","DESC"]')}`),
  dossier: (code: string) => call<Dossier>('GET', `/dossiers/${encodeURIComponent(code)}`),
  payment: (code: string) => call<Payment>('GET', `/dossiers/${encodeURIComponent(code)}/payment`),
  lookup: (code: string, phone: string) => call<PublicDossier>('GET', `/public/dossiers/${encodeURIComponent(code.trim())}?phone=${encodeURIComponent(phone.trim())}`),
  verify: (code: string) => call<DocumentVerification>('GET', `/public/verify/${encodeURIComponent(code)}`),
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

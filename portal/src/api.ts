import { t } from './i18n';
import type * as contract from '../../api/contract';
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

/**
 * The API's answers, inferred from its zod response schemas (api/contract.ts). Imported as types
 * only: nothing of the server reaches the portal's bundle.
 */
export type Label = contract.Localized;
export type JsonSchema = contract.FormJsonSchema;
/** A file stored by POST /api/attachments, named by id in a submission or a supplement. */
export type Attachment = contract.Upload;
/** A dossier as actions answer it; GET /dossiers/:code adds its files. */
export type Dossier = contract.Dossier & Partial<Pick<contract.DossierWithAttachments, 'attachments' | 'assistedBy'>>;
/** A row of «Hồ sơ của tôi» (GET /dossiers): what the list shows, not the form. */
export type DossierListItem = contract.DossierListItem;
/** Who is signed in, as the sign-in answer (or the token's own claims) name them. */
export type User = Pick<contract.SessionUser, 'id' | 'username' | 'fullName' | 'role'> & { agencyCode?: string | null };
export type Procedure = contract.Procedure;
export type ProcedureField = contract.ProcedureField;
export type PublicStats = contract.PublicStats;
export type Advice = contract.Advice;
export type Payment = contract.Payment;
export type PublicDossier = contract.PublicDossier;
export type DocumentVerification = contract.DocumentVerification;

/** How the citizen consented to a helper filing for them (POST /api/dossiers `assistance.consent`). */
export type Consent = { method: 'sms-code'; codeId: string } | { method: 'signed-form'; attachmentId: string };

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
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as { sub: string; username: string; name: string; role: User['role'] };
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
 * computer asks for the credentials again. Not from here at a kiosk: its idle reset (kiosk.ts) takes
 * the same way to the issuer, coming back to the kiosk's start.
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
    throw new ApiError(0, t('api.offline'));
  }
  if (res.status === 401 && session) signOut();
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, data.detail ?? data.title ?? t('api.error', { status: res.status }), data.errors ?? []);
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
  if (file.size > UPLOAD_MAX_BYTES) return t('upload.tooBig', { name: file.name });
  if (file.type && !UPLOAD_TYPES.includes(file.type)) return t('upload.badType', { name: file.name });
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
    xhr.onerror = () => reject(new ApiError(0, t('api.offline')));
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
        xhr.status === 413
          ? t('upload.tooBig', { name: file.name })
          : xhr.status === 415
            ? t('upload.badType', { name: file.name })
            : (p.detail ?? p.title ?? t('api.error', { status: xhr.status }));
      reject(new ApiError(xhr.status, text, p.errors ?? []));
    };
    const form = new FormData();
    // Before the file: the field tags the file parts that follow it.
    if (requirement) form.append('requirement', requirement);
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** A document of the citizen's store, «Kho dữ liệu» (GET /api/my-documents). */
export type StoreDocument = contract.StoreDocument;

export const api = {
  upload: uploadFile,
  /** The signed-in citizen's document store, newest first. */
  myDocuments: () => call<StoreDocument[]>('GET', '/my-documents'),
  /** A document of the store taken as an upload of this dossier-to-be, without sending it again. */
  fromStore: (id: string, requirement?: string) => call<Attachment>('POST', `/my-documents/${encodeURIComponent(id)}/attachments`, requirement ? { requirement } : {}),
  /** One document of the store (the signed PDF as issued), opened in a new tab. */
  async openStored(id: string) {
    const res = await fetch(`/api/my-documents/${encodeURIComponent(id)}/file`, { headers: session ? { authorization: `Bearer ${session.token}` } : {} });
    if (!res.ok) throw new ApiError(res.status, t('api.error', { status: res.status }));
    window.open(URL.createObjectURL(await res.blob()), '_blank');
  },
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
    call<contract.CalendarDue>('GET', `/calendar/due?${new URLSearchParams({ from: new Date().toISOString(), kind, ...(amount === undefined ? {} : { workingDays: String(amount) }) })}`),
  async login(username: string, password: string) {
    const r = await call<contract.Session>('POST', '/auth/login', { username, password });
    setSession({ token: r.token, user: r.user });
    return r.user;
  },
  /** A helper asks the citizen's consent: a code by SMS to the citizen's phone. */
  sendConsentCode: (citizen: { idNumber: string; phone: string }) => call<{ id: string; phone: string; expiresAt: string }>('POST', '/consent-codes', { citizen }),
  verifyConsentCode: (id: string, code: string) => call<{ id: string; verifiedAt: string }>('POST', `/consent-codes/${encodeURIComponent(id)}/verify`, { code }),
  /** The printable consent form (PDF) with the citizen's details, opened in a new tab to print. */
  async printConsentForm(query: Record<string, string>) {
    const res = await fetch(`/api/consent-form?${new URLSearchParams(query)}`, { headers: session ? { authorization: `Bearer ${session.token}` } : {} });
    if (!res.ok) throw new ApiError(res.status, t('api.consentFormFailed', { status: res.status }));
    window.open(URL.createObjectURL(await res.blob()), '_blank');
  },
  submit: (body: unknown, idempotencyKey: string) => call<Dossier>('POST', '/dossiers', body, { 'Idempotency-Key': idempotencyKey }),
  /** The signed-in citizen's own dossiers, newest first (the API scopes the list to its owner). */
  myDossiers: () => call<DossierListItem[]>('GET', `/dossiers?range=${encodeURIComponent('[0,49]')}&sort=${encodeURIComponent('["createdAt","DESC"]')}`),
  dossier: (code: string) => call<contract.DossierWithAttachments>('GET', `/dossiers/${encodeURIComponent(code)}`),
  payment: (code: string) => call<Payment>('GET', `/dossiers/${encodeURIComponent(code)}/payment`),
  lookup: (code: string, phone: string) => call<PublicDossier>('GET', `/public/dossiers/${encodeURIComponent(code.trim())}?phone=${encodeURIComponent(phone.trim())}`),
  verify: (code: string) => call<DocumentVerification>('GET', `/public/verify/${encodeURIComponent(code)}`),
  rate: (code: string, score: number, comment: string) =>
    call<Dossier>('POST', `/dossiers/${encodeURIComponent(code)}/actions/rate`, comment ? { score, comment } : { score }),
  /** A PDF the signed-in owner may read, saved through a temporary link. */
  async download(code: string, kind: string) {
    const res = await fetch(`/api/dossiers/${encodeURIComponent(code)}/documents/${kind}`, { headers: session ? { authorization: `Bearer ${session.token}` } : {} });
    if (!res.ok) throw new ApiError(res.status, res.status === 404 ? t('api.noDocument') : t('api.error', { status: res.status }));
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

import { Router } from 'express';
import { z } from 'zod';
import { DOCUMENT_KINDS } from './documents/forms';
import { ACTIONS, actionBodySchemas, type ActionBodies } from '../domain/actions';
import { getProcedure } from '../procedures';
import * as out from './openapi-responses';
import { adviceRequestSchema } from './routes/advisor.routes';
import { agencyBodySchema, agencyListParams, agencyUpdateSchema } from './routes/agencies.routes';
import { loginSchema } from './routes/auth.routes';
import { calendarDueQuery } from './routes/calendar.routes';
import { dossierListParams, submitSchema } from './routes/dossiers.routes';
import { consentCodeRequestSchema, consentCodeVerifySchema } from './routes/consent.routes';
import { smsInboundSchema } from './routes/sms-inbound.routes';
import { communeCategoryBodySchema, communeCategoryListParams } from './routes/commune-categories.routes';
import { holidayBodySchema, holidayListParams } from './routes/holidays.routes';
import { outboxListParams } from './routes/outbox.routes';
import { storeAttachBodySchema } from './routes/my-documents.routes';
import { paymentCallbackSchema } from './routes/payments.routes';
import { procedureListParams, profileChangesSchema, versionChangesSchema } from './routes/procedures.routes';
import { repairBodySchema, stuckListParams } from './routes/stuck.routes';
import { totpCodeSchema } from './routes/totp.routes';
import { userCreateSchema, userListParams, userUpdateSchema } from './routes/users.routes';

/**
 * Who may call a route at all: anyone, a signed-in user (bearer token; the role and agency rules
 * of domain/ability.ts then decide), the payment gateway or the SMS gateway (HMAC signature of the body).
 */
export type Access = 'public' | 'signed-in' | 'gateway' | 'sms-gateway';
export type HttpMethod = 'get' | 'post' | 'put' | 'delete';

/** A react-admin simple-rest list: its `filter` object and the fields `sort` accepts. */
export interface ListParams {
  filter: z.ZodType;
  sort: readonly string[];
}

/** The named response bodies of components.schemas (api/openapi-responses.ts). */
const RESPONSES = {
  Dossier: out.dossierResponse,
  DossierListItem: out.dossierListItemResponse,
  DossierWithAttachments: out.dossierWithAttachmentsResponse,
  DossierEvent: out.dossierEventResponse,
  Attachment: out.attachmentResponse,
  Upload: out.uploadedResponse,
  StoreDocument: out.storeDocumentResponse,
  Applicant: out.applicantLookupResponse,
  Procedure: out.procedureResponse,
  Agency: out.agencyResponse,
  User: out.userResponse,
  Holiday: out.holidayResponse,
  CommuneCategory: out.communeCategoryResponse,
  CalendarDue: out.calendarDueResponse,
  Session: out.loginResponse,
  LoggedOut: out.logoutResponse,
  TotpStatus: out.totpStatusResponse,
  TotpEnrolment: out.totpEnrolmentResponse,
  TotpActivated: out.totpActivatedResponse,
  TotpDisabled: out.totpDisabledResponse,
  Me: out.meResponse,
  Health: out.healthResponse,
  Payment: out.paymentResponse,
  PaymentAck: out.paymentAckResponse,
  PublicDossier: out.publicDossierResponse,
  DocumentVerification: out.documentVerificationResponse,
  OutboxMessage: out.outboxMessageResponse,
  Notifications: out.notificationsResponse,
  NotificationRead: out.notificationReadResponse,
  IntegrationStats: out.integrationStatsResponse,
  PublicStats: out.publicStatsResponse,
  ProcedureField: out.procedureFieldResponse,
  ProcedureProfile: out.procedureProfileResponse,
  TimelinessStats: out.timelinessStatsResponse,
  StuckDossier: out.stuckDossierResponse,
  Advice: out.adviceResponse,
  ConsentCode: out.consentCodeResponse,
  ConsentVerified: out.consentVerifiedResponse,
  SmsInboundAck: out.smsInboundAckResponse,
} satisfies Record<string, z.ZodType>;
type ResponseName = keyof typeof RESPONSES;

export interface ApiRoute {
  method: HttpMethod;
  /** Express path under `/api` (`:param` style). */
  path: string;
  tag: string;
  summary: string;
  access: Access;
  /** The request body, `action` for the per-action bodies of `domain/actions`, `multipart` for file uploads. */
  body?: z.ZodType | 'action' | 'multipart';
  /** A react-admin simple-rest list: `filter`, `range`, `sort`, and `Content-Range`; answers an array of `response`. */
  list?: ListParams;
  /** Query parameters; a string unless `schema` says more (the fuzzing suite generates from it). */
  query?: readonly { name: string; description: string; required?: boolean; schema?: Record<string, unknown> }[];
  /** 303: a browser navigation that answers with a redirect (`Location`) and no body. */
  success: 200 | 201 | 303;
  /** The JSON body of the success answer; an array of it for `list` and `array` routes. Absent: some object. */
  response?: ResponseName;
  /** The success body is an array of `response` (without being a paged list). */
  array?: boolean;
  /** An example request body (the fuzzing suite's examples phase sends it as is). */
  example?: unknown;
  /** `file`: the stored bytes under their own type (PDF, JPEG or PNG). */
  produces?: 'application/json' | 'application/pdf' | 'text/plain' | 'text/csv' | 'file' | 'audio/wav';
  /** Error statuses besides those every route of its access kind can answer. */
  errors: readonly number[];
}

/** Form 06's period and agency (api/routes/registers.routes.ts). */
const registerParams = [
  { name: 'agencyCode', description: 'the agency whose register it is; default the caller’s own' },
  { name: 'from', description: 'ISO date-time, inclusive (dossiers received from then); default the first day of the month in Vietnam', schema: { format: 'date-time' } },
  { name: 'to', description: 'ISO date-time, exclusive; default now; at most a year after from', schema: { format: 'date-time' } },
] as const;

/** A birth registration at the Lào Cai ward's desk, with the procedure's own example form. */
const submissionExample = {
  procedureCode: '1.001193',
  agencyCode: '02647',
  channel: 'online',
  applicant: { fullName: 'Sùng Thị Dua', idNumber: '010203004567', phone: '0912345678' },
  form: getProcedure('1.001193')?.example ?? {},
};

/** One valid body per action (whether it is allowed depends on the dossier's status and the caller). */
const ACTION_EXAMPLES: ActionBodies = {
  receive: {},
  'request-completion': { missing: ['Bản sao giấy khai sinh'], note: 'Mẫu số 02' },
  complete: { note: 'Đã nộp bổ sung bản sao' },
  'not-accept': { reason: 'Thiếu giấy chứng sinh' },
  'request-supplement': { missing: ['Giấy chứng sinh'], note: 'Bản chụp không rõ' },
  'record-objection': { note: 'Hộ liền kề cho rằng ranh giới thửa đất chưa đúng', from: 'Nguyễn Văn An' },
  'schedule-inspection': { at: '2026-12-03T09:00:00+07:00', place: 'Thửa đất số 278, tờ bản đồ số 34, tổ 5, phường Cam Đường', note: 'Chủ đầu tư có mặt tại thực địa' },
  'record-inspection': { minutes: { id: '00000000-0000-4000-8000-000000000000', name: 'bien-ban-kiem-tra-thuc-dia.pdf' }, outcome: 'conforms', note: 'Hiện trạng phù hợp bản vẽ' },
  'request-opinions': { agencies: [{ agencyCode: 'H38.SNNMT', days: 7 }], note: 'Xin ý kiến về sự phù hợp với quy hoạch sử dụng đất' },
  'record-opinion': { opinion: 'conditions', note: 'Đồng ý, với điều kiện lùi công trình 2 m so với chỉ giới đường đỏ' },
  'send-to-tax': { slipNo: 'PCTT-2026-000123', note: 'Mẫu số 19, NĐ 151/2025/NĐ-CP' },
  'record-tax-notice': { noticeNo: 'TB-2026-004567', amount: 12500000 },
  'record-tax-payment': { receiptNo: 'CT-2026-008910' },
  supplement: { attachments: [] },
  assign: { assigneeId: 'u-laocai.specialist' },
  verify: { note: 'Hồ sơ hợp lệ' },
  'require-verification': { reason: 'Cần xác minh tình trạng hôn nhân tại nơi cư trú trước đây', days: 5 },
  forward: { agencyCode: 'H38.SNNMT' },
  return: { note: 'Bổ sung ý kiến thẩm định' },
  approve: { note: 'Đồng ý' },
  reject: { reason: 'Không đủ điều kiện theo quy định' },
  'record-payment': { amount: 50000, receiptNo: 'BL-000123' },
  deliver: { method: 'desk' },
  withdraw: { reason: 'Nộp nhầm thủ tục' },
  extend: { newDueAt: '2030-01-07T08:00:00+07:00', reason: 'Cần xác minh thêm' },
  rate: { score: 5 },
};

/**
 * Every route the API serves, and nothing else: `test/integration/authorization-matrix.test.ts`
 * compares this table with the Express router both ways, so a route cannot go undocumented.
 */
export const API_ROUTES: readonly ApiRoute[] = [
  { method: 'get', path: '/health', tag: 'system', summary: 'Liveness, PostgreSQL and Temporal reachability (503 when degraded)', access: 'public', success: 200, response: 'Health', errors: [503] },
  { method: 'get', path: '/metrics', tag: 'system', summary: 'Prometheus metrics: request latency histogram, dossiers by status, overdue count (scrape from the internal network; with METRICS_TOKEN set, send it as a bearer token)', access: 'public', produces: 'text/plain', success: 200, errors: [401] },
  { method: 'get', path: '/openapi.json', tag: 'system', summary: 'This document', access: 'public', success: 200, errors: [] },
  { method: 'get', path: '/procedures', tag: 'procedures', summary: 'The catalogue (coded procedures first), a page at a time; q matches Vietnamese with or without diacritics; filters: field, level, onlineLevel, code (also as plain query parameters)', access: 'public', list: procedureListParams, query: [{ name: 'q', description: 'search words' }, { name: 'field', description: 'the field (lĩnh vực), exactly' }, { name: 'level', description: 'commune or province' }, { name: 'onlineLevel', description: 'full, partial or counter' }, { name: 'prefer', description: 'with q: the level ranked first among equals, commune (default) or province' }], success: 200, response: 'Procedure', errors: [400] },
  { method: 'get', path: '/procedure-fields', tag: 'procedures', summary: 'The fields (lĩnh vực) of the procedures offered, those with a coded procedure first, then most commune-level procedures, with their counts', access: 'public', array: true, success: 200, response: 'ProcedureField', errors: [] },
  { method: 'get', path: '/stats/public', tag: 'public', summary: 'The province’s headline figures from the procedures as offered: online (full and partial), at the commune, full process by level, synced with the national portal', access: 'public', success: 200, response: 'PublicStats', errors: [] },
  { method: 'get', path: '/procedures/:code', tag: 'procedures', summary: 'One procedure at its current version, its form as JSON Schema, an example and its version history', access: 'public', success: 200, response: 'Procedure', errors: [404] },
  { method: 'get', path: '/procedures/:code/guide/audio', tag: 'procedures', summary: 'The guidance sheet read aloud in Vietnamese (WAV, espeak-ng on the server, cached by the text’s hash); 503 speech-unavailable when espeak-ng is not installed', access: 'public', produces: 'audio/wav', success: 200, errors: [404, 503] },
  {
    method: 'post',
    path: '/advisor',
    tag: 'procedures',
    summary: 'The kiosk advisor, stateless: the citizen’s words (or a life-event tile’s) and the answers so far → the candidate procedures and, while several are close and fewer than 3 were asked, the question that best splits them (each option with the codes it keeps; «any» keeps all)',
    access: 'public',
    body: adviceRequestSchema,
    example: { query: 'đăng ký khai sinh cho con', answers: [{ questionId: 'foreign', optionId: 'border' }] },
    success: 200,
    response: 'Advice',
    errors: [],
  },
  { method: 'post', path: '/procedures/:code/versions', tag: 'procedure-versions', summary: 'Publish a new version of a procedure’s rules (deadline, fee, hand-off share); ?dryRun=1 previews it; dossiers in flight keep theirs (administrators)', access: 'signed-in', body: versionChangesSchema, example: { deadline: { workingDays: 5 }, note: 'Quyết định công bố mới' }, success: 201, response: 'Procedure', errors: [400, 403, 404, 422] },
  { method: 'get', path: '/procedures/:code/profile', tag: 'procedure-versions', summary: 'Lào Cai’s profile of a procedure (who receives and decides it, its online level, synced with the national portal): the current version, its history and the departments that may decide (administrators)', access: 'signed-in', success: 200, response: 'ProcedureProfile', errors: [403, 404] },
  { method: 'post', path: '/procedures/:code/profile', tag: 'procedure-versions', summary: 'Correct a procedure’s profile: a new version; when who decides changes, a new version of its rules for new dossiers (dossiers in flight keep theirs); ?dryRun=1 previews it; 422 for an agency that does not exist or cannot decide at that level (administrators)', access: 'signed-in', body: profileChangesSchema, example: { onlineLevel: 'full', note: 'Đã tích hợp thanh toán trực tuyến' }, success: 201, response: 'ProcedureProfile', errors: [400, 403, 404, 422] },
  { method: 'post', path: '/auth/login', tag: 'auth', summary: 'Sign in: a bearer token, the user and the CASL packed rules; an officer with TOTP on also sends `code` (401 totp-required without it, totp-invalid when wrong)', access: 'public', body: loginSchema, success: 200, response: 'Session', errors: [400, 401, 429], example: { username: 'citizen', password: 'motcua123' } },
  { method: 'get', path: '/auth/totp', tag: 'totp', summary: 'The caller’s TOTP: on, waiting for its first code, recovery codes left (officers)', access: 'signed-in', success: 200, response: 'TotpStatus', errors: [403] },
  { method: 'post', path: '/auth/totp/enrol', tag: 'totp', summary: 'A new TOTP secret for the caller, as base32, otpauth:// URI and QR (shown this once; replaces one not yet confirmed); 409 totp-enabled when on (officers; audited)', access: 'signed-in', success: 200, response: 'TotpEnrolment', errors: [403, 409] },
  { method: 'post', path: '/auth/totp/activate', tag: 'totp', summary: 'Confirm the enrolment with a first code: TOTP is on, and the 10 recovery codes are answered this once (officers; audited; codes rate-limited)', access: 'signed-in', body: totpCodeSchema, example: { code: '123456' }, success: 200, response: 'TotpActivated', errors: [403, 409, 429] },
  { method: 'post', path: '/auth/totp/disable', tag: 'totp', summary: 'Turn TOTP off with a code from the app or a recovery code (officers; audited; codes rate-limited)', access: 'signed-in', body: totpCodeSchema, example: { code: '123456' }, success: 200, response: 'TotpDisabled', errors: [403, 409, 429] },
  // Tagged apart: a caller that signs out loses its token (the fuzzing suite runs it as a caller of its own).
  { method: 'post', path: '/auth/logout', tag: 'session', summary: 'Sign out everywhere: every token of the caller stops working', access: 'signed-in', success: 200, response: 'LoggedOut', errors: [] },
  { method: 'get', path: '/auth/oidc/login', tag: 'auth', summary: 'Citizen sign-in through the identity issuer (OpenID Connect, code flow with PKCE): redirects to the issuer, with the state, nonce and PKCE verifier in a signed 10-minute cookie; when sign-in through the issuer is not available, back to the portal sign-in page with ?loi=', access: 'public', query: [{ name: 'tiep', description: 'the portal page to land on after sign-in (e.g. a kiosk’s /nop-ho-so/<code>?kiosk=1); default «Hồ sơ của tôi»; anything but a path of this site is ignored' }], success: 303, errors: [] },
  { method: 'get', path: '/auth/oidc/callback', tag: 'auth', summary: 'Where the issuer sends the citizen back: checks state, nonce, PKCE and the ID token, links or creates the citizen by personal ID number, and redirects to «Hồ sơ của tôi» (or the page `tiep` named) with the session token in the fragment (#phien=); any failure (refused consent, a stale or forged state, the issuer down, an officer’s ID number) redirects to /dang-nhap?loi=oidc-<reason>', access: 'public', query: [{ name: 'code', description: 'the authorization code' }, { name: 'state', description: 'the state sent with the request' }, { name: 'iss', description: 'the issuer (RFC 9207)' }, { name: 'error', description: 'the issuer’s error, e.g. access_denied' }, { name: 'error_description', description: 'the issuer’s explanation' }], success: 303, errors: [] },
  { method: 'get', path: '/auth/oidc/logout', tag: 'auth', summary: 'The portal’s sign-out at the identity issuer too (after POST /auth/logout): a citizen who signed in through the issuer is redirected to its end_session_endpoint with the ID token (kept in an HttpOnly cookie) as hint and /auth/oidc/logged-out as post_logout_redirect_uri; anyone else straight to the page `tiep` names', access: 'public', query: [{ name: 'tiep', description: 'the portal page to land on afterwards; default the home page; anything but a path of this site is ignored' }], success: 303, errors: [] },
  { method: 'get', path: '/auth/oidc/logged-out', tag: 'auth', summary: 'Where the issuer sends the browser back after its logout: on to the portal page the state names (only a path of this site), else the home page', access: 'public', query: [{ name: 'state', description: 'the portal page sent to the issuer with the logout' }], success: 303, errors: [] },
  { method: 'get', path: '/me', tag: 'auth', summary: 'The signed-in user, agency, role and rules', access: 'signed-in', success: 200, response: 'Me', errors: [] },
  { method: 'post', path: '/dossiers', tag: 'dossiers', summary: 'Submit a dossier (citizen online, desk officer at the counter: the server sets the channel; a helper online for a citizen, with `assistance` naming the consent: a checked SMS code or a signed consent form upload, the citizen linked or created by personal ID number); Idempotency-Key header, 409 when it was used for another request; 422 consent-missing or applicant-not-a-citizen', access: 'signed-in', body: submitSchema, example: submissionExample, success: 201, response: 'Dossier', errors: [400, 403, 409, 422, 429] },
  { method: 'post', path: '/consent-codes', tag: 'assisted', summary: 'A helper asks a citizen’s consent to file for them: a 6-digit code is sent by SMS to the citizen’s phone (through the outbox), valid 10 minutes; rate-limited per helper and per phone (helpers)', access: 'signed-in', body: consentCodeRequestSchema, example: { citizen: { idNumber: '010203004567', phone: '0912345678' } }, success: 201, response: 'ConsentCode', errors: [403, 429] },
  { method: 'post', path: '/consent-codes/:id/verify', tag: 'assisted', summary: 'Check the code the citizen read out: 422 consent-code-wrong (with attemptsLeft), 410 consent-code-expired or consent-code-locked after 5 wrong codes, 409 consent-code-used (helpers; only the one who asked)', access: 'signed-in', body: consentCodeVerifySchema, example: { code: '123456' }, success: 200, response: 'ConsentVerified', errors: [403, 404, 409, 410, 422, 429] },
  { method: 'get', path: '/consent-form', tag: 'assisted', summary: 'The printable consent form (PDF, Vietnamese) a citizen signs for a helper to file for them, blank or with the citizen’s details (helpers)', access: 'signed-in', query: [{ name: 'fullName', description: 'the citizen’s full name' }, { name: 'idNumber', description: 'the citizen’s personal ID number (12 digits)' }, { name: 'phone', description: 'the citizen’s phone' }, { name: 'procedureCode', description: 'the procedure the dossier is for' }], produces: 'application/pdf', success: 200, errors: [403] },
  { method: 'post', path: '/sms/inbound', tag: 'sms', summary: 'The SMS gateway’s inbound callback (X-Sms-Signature: sha256=<hex HMAC of the raw body>): «TRACUU <mã hồ sơ>» (also TC, any case, with or without diacritics) is answered by SMS through the outbox with the status and due date, nothing personal; an unknown code or an unreadable message gets a reply that says how to ask; idempotent on messageId; rate-limited per sender', access: 'sms-gateway', body: smsInboundSchema, example: { from: '0912345678', text: 'TRACUU 02647-261123-0001', messageId: 'gw-000001' }, success: 200, response: 'SmsInboundAck', errors: [429] },
  { method: 'get', path: '/dossiers', tag: 'dossiers', summary: 'Dossiers the caller may read (filters: status, procedureCode, agencyCode, assigneeId, overdue, q, dueBefore)', access: 'signed-in', list: dossierListParams, success: 200, response: 'DossierListItem', errors: [400] },
  { method: 'get', path: '/dossiers/stuck', tag: 'stuck', summary: 'Stuck dossiers in the caller’s subtree: a change PostgreSQL refused (record-failed) or recording retried (retrying) — supervisors and the admin (filters: kind, agencyCode)', access: 'signed-in', list: stuckListParams, success: 200, response: 'StuckDossier', errors: [400, 403] },
  { method: 'post', path: '/dossiers/:code/repair', tag: 'stuck', summary: 'Repair a record-failed dossier (admin): retry the set-aside change after a fix, or close it with a reason; recorded in the audit trail', access: 'signed-in', body: repairBodySchema, example: { mode: 'close', reason: 'Giao dịch lỗi, đã liên hệ ngân hàng' }, success: 200, response: 'StuckDossier', errors: [400, 403, 404, 409] },
  { method: 'get', path: '/dossiers/:code', tag: 'dossiers', summary: 'A dossier and the actions allowed to the caller; another agency’s answers 404', access: 'signed-in', success: 200, response: 'DossierWithAttachments', errors: [404] },
  { method: 'get', path: '/applicants/:idNumber', tag: 'dossiers', summary: 'The counter’s prefill: the applicant of the last dossier received at the desk officer’s own agency for this ID number (spaces and dots ignored); logged', access: 'signed-in', success: 200, response: 'Applicant', errors: [400, 403, 404] },
  { method: 'get', path: '/dossiers/:code/events', tag: 'dossiers', summary: 'The audit trail, oldest first', access: 'signed-in', success: 200, response: 'DossierEvent', array: true, errors: [404] },
  { method: 'post', path: '/dossiers/:code/actions/:action', tag: 'dossiers', summary: 'Take an action; the body depends on the action', access: 'signed-in', body: 'action', success: 200, response: 'Dossier', errors: [400, 403, 404, 409, 422] },
  { method: 'get', path: '/dossiers/:code/documents/:kind', tag: 'dossiers', summary: 'A PDF of Circular 01/2018’s forms (docs/forms.md): receipt (01), supplement (02), refusal (03), apology (04), control (05, officers only), tax-transfer (form 19 of Decree 151/2025 to the tax office, officers only, once the slip is sent), rejection (the reasoned refusal after review) or result; the receipt and the result signed (PAdES) and served as issued, their QR leading to the verification page (a masked reader gets an unsigned copy)', access: 'signed-in', produces: 'application/pdf', success: 200, errors: [404] },
  { method: 'get', path: '/registers/dossiers', tag: 'registers', summary: 'Form 06, the register (sổ theo dõi hồ sơ) of the dossiers an agency received or was handed over a period, as a PDF: its leader or a supervisor above it; personal numbers masked for supervisors', access: 'signed-in', query: registerParams, produces: 'application/pdf', success: 200, errors: [403, 422] },
  { method: 'get', path: '/registers/dossiers/csv', tag: 'registers', summary: 'Form 06, the same register as CSV', access: 'signed-in', query: registerParams, produces: 'text/csv', success: 200, errors: [403, 422] },
  { method: 'post', path: '/attachments', tag: 'attachments', summary: 'Upload files (multipart/form-data, field "file", 1–10 files of at most 10 MB: PDF, JPEG or PNG judged by their content; a "requirement" field before file parts names the required document they are copies of, by its Vietnamese label) → [{id, name, mimeType, size, sha256, requirement}] to name in a submission or a supplement (citizens, desk officers)', access: 'signed-in', body: 'multipart', success: 201, response: 'Upload', array: true, errors: [400, 403, 413, 415] },
  { method: 'get', path: '/dossiers/:code/attachments', tag: 'attachments', summary: 'The files attached to a dossier (owner and scoped readers)', access: 'signed-in', success: 200, response: 'Attachment', array: true, errors: [404] },
  { method: 'get', path: '/dossiers/:code/attachments/:id', tag: 'attachments', summary: 'One attached file, byte for byte, under its type', access: 'signed-in', produces: 'file', success: 200, errors: [404] },
  { method: 'get', path: '/my-documents', tag: 'attachments', summary: 'The citizen’s document store, «Kho dữ liệu của tôi»: the signed results delivered to them online, newest first, each with the procedure and dossier it came from, its SHA-256 and verification code (citizens; others 403)', access: 'signed-in', success: 200, response: 'StoreDocument', array: true, errors: [403] },
  { method: 'get', path: '/my-documents/:id/file', tag: 'attachments', summary: 'One document of the caller’s store, the signed PDF as issued (hash re-checked: 409 store-document-altered otherwise); another citizen’s answers 404', access: 'signed-in', produces: 'application/pdf', success: 200, errors: [403, 404, 409] },
  { method: 'post', path: '/my-documents/:id/attachments', tag: 'attachments', summary: 'Take a document of the caller’s store as an upload, without sending it again (hash re-checked; counted in the upload quota, 429 beyond; audited) → {id, name, mimeType, size, sha256, requirement} to name in a submission or a supplement; the dossier’s readers see it marked as from the store, its signature checked; another citizen’s answers 404', access: 'signed-in', body: storeAttachBodySchema, example: { requirement: 'Giấy khai sinh' }, success: 201, response: 'Upload', errors: [400, 403, 404, 409, 429] },
  { method: 'get', path: '/dossiers/:code/payment', tag: 'payments', summary: 'The fee as a VietQR payload and PNG', access: 'signed-in', success: 200, response: 'Payment', errors: [404, 409] },
  { method: 'post', path: '/payments/callback', tag: 'payments', summary: 'The payment gateway’s confirmation, X-Signature: sha256=<hex HMAC of the raw body>; idempotent', access: 'gateway', body: paymentCallbackSchema, success: 200, response: 'PaymentAck', errors: [400, 404, 409, 422] },
  { method: 'get', path: '/public/dossiers/:code', tag: 'public', summary: 'Status lookup by code and phone, nothing private; a wrong phone answers 404', access: 'public', query: [{ name: 'phone', description: 'the applicant’s phone', required: true }], success: 200, response: 'PublicDossier', errors: [404, 429] },
  { method: 'get', path: '/public/dossiers/:code/audio', tag: 'public', summary: 'The status lookup read aloud in Vietnamese (WAV, espeak-ng, cached by the text’s hash): the procedure, the status, what to do, the appointment; nothing personal; a wrong phone answers 404; 503 speech-unavailable without espeak-ng', access: 'public', query: [{ name: 'phone', description: 'the applicant’s phone', required: true }], produces: 'audio/wav', success: 200, errors: [404, 429, 503] },
  { method: 'get', path: '/public/verify/:code', tag: 'public', summary: 'The verification page of a signed receipt or result (the code in its QR): the stored file’s SHA-256, its PAdES signature and signer certificate checked now', access: 'public', success: 200, response: 'DocumentVerification', errors: [404, 429] },
  { method: 'get', path: '/stats/overdue', tag: 'stats', summary: 'Overdue dossiers in the caller’s subtree by agency, procedure, stage and where the time was lost (supervisors)', access: 'signed-in', success: 200, errors: [403] },
  { method: 'get', path: '/stats/timeliness', tag: 'stats', summary: 'Results ready early / on time / late against the original due date (an apology never makes a late one on time), by deciding agency and procedure, and Decision 766’s indicator groups scored where the data allows (supervisors)', access: 'signed-in', query: [{ name: 'from', description: 'ISO date-time, inclusive' }, { name: 'to', description: 'ISO date-time, exclusive' }], success: 200, response: 'TimelinessStats', errors: [400, 403] },
  { method: 'get', path: '/stats/summary', tag: 'stats', summary: 'On-time, online and online-payment rates in the caller’s subtree (supervisors)', access: 'signed-in', query: [{ name: 'from', description: 'ISO date-time, inclusive' }, { name: 'to', description: 'ISO date-time, exclusive' }], success: 200, errors: [400, 403] },
  { method: 'get', path: '/agencies', tag: 'reference', summary: 'The agency tree (filters: kind, parentCode, q)', access: 'signed-in', list: agencyListParams, success: 200, response: 'Agency', errors: [400, 403] },
  { method: 'get', path: '/agencies/:code', tag: 'reference', summary: 'One agency', access: 'signed-in', success: 200, response: 'Agency', errors: [403, 404] },
  { method: 'post', path: '/agencies', tag: 'reference', summary: 'Add an agency (admin)', access: 'signed-in', body: agencyBodySchema, success: 201, response: 'Agency', errors: [400, 403, 409] },
  { method: 'put', path: '/agencies/:code', tag: 'reference', summary: 'Edit an agency; its code cannot change (admin)', access: 'signed-in', body: agencyUpdateSchema, success: 200, response: 'Agency', errors: [400, 403, 404] },
  { method: 'get', path: '/users', tag: 'users', summary: 'Users: all for an admin, the caller’s agency for officers (filters: role, agencyCode, q)', access: 'signed-in', list: userListParams, success: 200, response: 'User', errors: [400, 403] },
  { method: 'get', path: '/users/:id', tag: 'users', summary: 'One user (never a password)', access: 'signed-in', success: 200, response: 'User', errors: [403, 404] },
  {
    method: 'post',
    path: '/users',
    tag: 'users',
    summary: 'Create a user (admin); the password: 12+ characters, not a well-known one, not containing the username',
    access: 'signed-in',
    body: userCreateSchema,
    success: 201,
    response: 'User',
    errors: [400, 403, 409],
    example: { username: 'bachhac.specialist', password: 'Sông Hồng chảy mãi', fullName: 'Lý Thị Mây', role: 'specialist', agencyCode: '02647' },
  },
  { method: 'put', path: '/users/:id', tag: 'users', summary: 'Edit a user (admin); a password given replaces the old one; a new role, agency or password revokes the user’s tokens', access: 'signed-in', body: userUpdateSchema, success: 200, response: 'User', errors: [400, 403, 404, 409] },
  { method: 'post', path: '/users/:id/deactivate', tag: 'users', summary: 'Deactivate a user (admin): no more sign-in, every token revoked; not one’s own account (409)', access: 'signed-in', success: 200, response: 'User', errors: [403, 404, 409] },
  { method: 'post', path: '/users/:id/reactivate', tag: 'users', summary: 'Let a deactivated user sign in again (admin)', access: 'signed-in', success: 200, response: 'User', errors: [403, 404] },
  { method: 'delete', path: '/users/:id/totp', tag: 'users', summary: 'Reset a user’s TOTP (admin; audited): for an officer who lost the app and the recovery codes; they sign in with the password alone until they enrol again', access: 'signed-in', success: 200, response: 'TotpDisabled', errors: [403, 404] },
  {
    method: 'get',
    path: '/calendar/due',
    tag: 'reference',
    summary: 'When a dossier received at `from` falls due (working days, same day, working hours or calendar days), with the administrator’s calendar overrides',
    access: 'public',
    query: [
      { name: 'from', description: 'reception time, ISO 8601 date-time; without an offset it is read as Vietnam time (UTC+7); years 2000–2189', required: true, schema: calendarDueQuery.from },
      { name: 'workingDays', description: 'the amount in the unit of `kind` (hours for working-hours), 0–1000; whole for day kinds; not needed for same-day', schema: calendarDueQuery.workingDays },
      { name: 'kind', description: 'working-days (default), same-day, working-hours or calendar-days', schema: calendarDueQuery.kind },
      { name: 'procedureCode', description: 'instead of workingDays and kind: the procedure’s current deadline for the channel (422 when it states none)', schema: calendarDueQuery.code },
      { name: 'channel', description: 'with procedureCode: counter (default), online, kiosk or post', schema: calendarDueQuery.channel },
      { name: 'agencyCode', description: 'with procedureCode: the receiving commune; a commune on the administrator’s list of especially difficult ones gets the procedure’s extra days', schema: calendarDueQuery.code },
    ],
    success: 200,
    response: 'CalendarDue',
    errors: [422],
  },
  { method: 'get', path: '/holidays', tag: 'reference', summary: 'Overrides of the computed calendar (filters: year, kind)', access: 'signed-in', list: holidayListParams, success: 200, response: 'Holiday', errors: [400, 403] },
  { method: 'post', path: '/holidays', tag: 'reference', summary: 'Add an override: an extra day off or a working day (admin)', access: 'signed-in', body: holidayBodySchema, success: 201, response: 'Holiday', errors: [400, 403, 409] },
  { method: 'delete', path: '/holidays/:date', tag: 'reference', summary: 'Remove an override (admin)', access: 'signed-in', success: 200, response: 'Holiday', errors: [403, 404] },
  { method: 'get', path: '/commune-categories', tag: 'reference', summary: 'Communes with especially difficult conditions, whose deadlines get a procedure’s extra days (filter: category)', access: 'signed-in', list: communeCategoryListParams, success: 200, response: 'CommuneCategory', errors: [400, 403] },
  { method: 'post', path: '/commune-categories', tag: 'reference', summary: 'List a commune, with the decision that lists it (admin; audited)', access: 'signed-in', body: communeCategoryBodySchema, success: 201, response: 'CommuneCategory', errors: [400, 403, 409], example: { agencyCode: '02683', category: 'especially-difficult', source: 'Quyết định số …/QĐ-TTg' } },
  { method: 'delete', path: '/commune-categories/:agencyCode', tag: 'reference', summary: 'Remove a commune from the list (admin; audited)', access: 'signed-in', success: 200, response: 'CommuneCategory', errors: [403, 404] },
  { method: 'get', path: '/outbox', tag: 'integrations', summary: 'Outgoing messages (portal, SMS, e-mail), dead letters included; supervisors (their subtree) and the admin (filters: status, channel, dossierCode)', access: 'signed-in', list: outboxListParams, success: 200, response: 'OutboxMessage', errors: [400, 403] },
  { method: 'post', path: '/outbox/:id/retry', tag: 'integrations', summary: 'Send a pending or dead message again from attempt 1 (admin)', access: 'signed-in', success: 200, response: 'OutboxMessage', errors: [403, 404, 409] },
  { method: 'get', path: '/notifications', tag: 'integrations', summary: 'Reminders and escalations of the officer’s agency (a supervisor’s subtree), with the unread count', access: 'signed-in', query: [{ name: 'unread', description: 'true: unread only' }, { name: 'limit', description: '1–200, default 50' }], success: 200, response: 'Notifications', errors: [403] },
  { method: 'post', path: '/notifications/:id/read', tag: 'integrations', summary: 'Mark a notification (event id <dossier>#<seq>) read', access: 'signed-in', success: 200, response: 'NotificationRead', errors: [403, 404] },
  { method: 'get', path: '/stats/integration', tag: 'integrations', summary: 'Portal integration rate: services integrated / total, dossiers whose latest status reached the portal / total', access: 'signed-in', success: 200, response: 'IntegrationStats', errors: [403] },
];

export type RouteKey = `${Uppercase<HttpMethod>} ${string}`;
export const routeKey = (r: { method: string; path: string }): RouteKey => `${r.method.toUpperCase() as Uppercase<HttpMethod>} ${r.path}`;

const PROBLEM_TITLES: Record<number, string> = {
  400: 'Invalid input (field errors listed)',
  401: 'Not signed in, or the signature is invalid',
  403: 'Not allowed for your role',
  404: 'Not found (also another agency’s dossier)',
  409: 'Conflict: illegal transition or duplicate',
  410: 'Gone: expired or used up (a consent code)',
  413: 'Too large: a file over 10 MB, or more than 10 files',
  415: 'Unsupported file type (PDF, JPEG or PNG, judged by content)',
  422: 'Procedure rule violated',
  429: 'Too many requests (Retry-After)',
  500: 'Internal error',
  503: 'Degraded: a dependency is down',
};

/** A zod schema as a JSON Schema 2020-12 object for OpenAPI 3.1: what the caller sends (`input`) or gets back (`output`). */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

/** A query parameter sent as JSON text (`filter={"status":"RECEIVED"}`), its schema that of the parsed value. */
const jsonQuery = (name: string, description: string, schema: Record<string, unknown>, example: string) => ({
  name,
  in: 'query',
  description,
  content: { 'application/json': { schema } },
  example,
});

function listParameters(list: ListParams) {
  const sort = z.tuple([z.enum(list.sort as [string, ...string[]]), z.enum(['ASC', 'DESC', 'asc', 'desc'])]);
  const range = z.tuple([z.number().int().min(0), z.number().int().min(0)]);
  return [
    jsonQuery('filter', 'JSON object of filters', jsonSchema(list.filter), '{}'),
    jsonQuery('range', 'JSON [first, last], last ≥ first; at most 500 rows', jsonSchema(range), '[0,24]'),
    jsonQuery('sort', `JSON [field, "ASC"|"DESC"], field one of ${list.sort.join(', ')}`, jsonSchema(sort), JSON.stringify([list.sort[0], 'ASC'])),
  ];
}

const toOpenApiPath = (p: string) => p.replace(/:(\w+)/g, '{$1}');

const PARAM_SCHEMAS: Record<string, Record<string, unknown>> = {
  action: { type: 'string', enum: [...ACTIONS] },
  kind: { type: 'string', enum: [...DOCUMENT_KINDS] },
  date: { type: 'string', format: 'date' },
};

function parameters(r: ApiRoute) {
  const inPath = [...r.path.matchAll(/:(\w+)/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: PARAM_SCHEMAS[name!] ?? { type: 'string' } }));
  const list = r.list ? listParameters(r.list) : [];
  const query = (r.query ?? []).map((q) => ({ name: q.name, in: 'query', description: q.description, required: q.required ?? false, schema: { type: 'string', ...q.schema } }));
  const headers =
    r.method === 'post' && r.path === '/dossiers'
      ? [{ name: 'Idempotency-Key', in: 'header', description: '8–128 of letters, digits, . : _ -; a repeat answers the same dossier', schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{8,128}$' } }]
      : [];
  return [...inPath, ...list, ...query, ...headers];
}

function requestBody(r: ApiRoute) {
  if (!r.body) return undefined;
  if (r.body === 'multipart') {
    const file = { type: 'string', contentMediaType: 'application/octet-stream' };
    return {
      required: true,
      content: {
        'multipart/form-data': {
          schema: { type: 'object', required: ['file'], properties: { file: { oneOf: [file, { type: 'array', items: file, maxItems: 10 }] } } },
          // busboy takes a part for a file when it has a filename or is application/octet-stream.
          encoding: { file: { contentType: 'application/octet-stream, application/pdf, image/jpeg, image/png' } },
          example: { file: '%PDF-1.4\n% motcua\n%%EOF\n' },
        },
      },
    };
  }
  const schema =
    r.body === 'action'
      ? // anyOf, not oneOf: `{}` is the body of several actions at once (receive, verify…); the path picks the one.
        { anyOf: ACTIONS.map((a) => ({ $ref: `#/components/schemas/action.${a}` })), description: 'The body of the action named in the path' }
      : { $ref: `#/components/schemas/${bodyName(r)}` };
  // An action without fields (receive) may be posted with no body at all: it is read as `{}`.
  return { required: r.body !== 'action', content: { 'application/json': { schema, ...(r.example === undefined ? {} : { example: r.example }) } } };
}

const bodyName = (r: ApiRoute) => `${r.method}${r.path.replace(/\/:(\w+)/g, '').replace(/\/(\w)/g, (_, c: string) => c.toUpperCase()).replace(/\W/g, '')}Body`;

function responses(r: ApiRoute) {
  const success =
    r.success === 303
      ? { description: 'See Other: the browser goes on to the address in Location', headers: { Location: { description: 'where to go next', schema: { type: 'string' } } } }
      : r.produces === 'file'
      ? { description: 'The file', content: Object.fromEntries(['application/pdf', 'image/jpeg', 'image/png'].map((t) => [t, { schema: { type: 'string', contentMediaType: t } }])) }
      : r.produces === 'application/pdf'
      ? { description: 'PDF', content: { 'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } } } }
      : r.produces === 'audio/wav'
      ? { description: 'WAV audio (RIFF, PCM)', content: { 'audio/wav': { schema: { type: 'string', contentMediaType: 'audio/wav' } } } }
      : r.produces === 'text/csv'
      ? { description: 'CSV (UTF-8 with a byte-order mark)', content: { 'text/csv': { schema: { type: 'string' } } } }
      : r.produces === 'text/plain'
      ? { description: 'Prometheus text exposition format', content: { 'text/plain': { schema: { type: 'string' } } } }
      : {
          description: r.success === 201 ? 'Created' : 'OK',
          content: { 'application/json': { schema: successSchema(r) } },
          ...(r.list ? { headers: { 'Content-Range': { description: '<resource> first-last/total', schema: { type: 'string' } } } } : {}),
        };
  // Any input can be malformed: a NUL character, a bad %-escape, JSON that does not parse.
  const takesInput = r.body !== undefined || r.list !== undefined || (r.query?.length ?? 0) > 0 || r.path.includes(':');
  const implied = [...(r.access === 'public' ? [] : [401]), ...(takesInput ? [400] : [])];
  const codes = [...new Set([...implied, ...r.errors, 500])].sort();
  return { [r.success]: success, ...Object.fromEntries(codes.map((c) => [c, { $ref: `#/components/responses/Problem${c}` }])) };
}

function successSchema(r: ApiRoute) {
  const item = r.response ? { $ref: `#/components/schemas/${r.response}` } : { type: 'object' };
  return r.list || r.array ? { type: 'array', items: item } : item;
}

const SECURITY: Record<Access, unknown[]> = { public: [], 'signed-in': [{ bearer: [] }], gateway: [{ paymentSignature: [] }], 'sms-gateway': [{ smsSignature: [] }] };

/** The OpenAPI 3.1 document: paths from API_ROUTES, request bodies from their zod schemas. */
export function buildOpenApi(routes: readonly ApiRoute[] = API_ROUTES) {
  const schemas: Record<string, unknown> = {
    Problem: {
      type: 'object',
      required: ['type', 'title', 'status', 'code'],
      properties: {
        type: { type: 'string', format: 'uri' },
        title: { type: 'string' },
        status: { type: 'integer' },
        code: { type: 'string', description: 'stable machine-readable code' },
        detail: { type: 'string' },
        instance: { type: 'string' },
        errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' }, code: { type: 'string', description: 'the validation issue (too_small, too_big, invalid_format, …) for wording it in the user’s language' }, minimum: { type: 'number' }, maximum: { type: 'number' } } } },
      },
    },
  };
  for (const a of ACTIONS) schemas[`action.${a}`] = { title: a, ...jsonSchema(actionBodySchemas[a]), examples: [ACTION_EXAMPLES[a]] };
  for (const [name, schema] of Object.entries(RESPONSES)) schemas[name] = jsonSchema(schema, 'output');
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    if (r.body && r.body !== 'action' && r.body !== 'multipart') schemas[bodyName(r)] = jsonSchema(r.body);
    const p = (paths[toOpenApiPath(`/api${r.path}`)] ??= {});
    p[r.method] = {
      tags: [r.tag],
      summary: r.summary,
      operationId: `${r.method}${toOpenApiPath(r.path).replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(\w)?/g, (_, c?: string) => (c ? c.toUpperCase() : ''))}`,
      security: SECURITY[r.access],
      parameters: parameters(r),
      ...(r.body ? { requestBody: requestBody(r) } : {}),
      responses: responses(r),
    };
  }
  const problemResponses = Object.fromEntries(
    Object.entries(PROBLEM_TITLES).map(([code, description]) => [`Problem${code}`, { description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } }]),
  );
  return {
    openapi: '3.1.0',
    info: { title: 'motcua API', version: '0.1.0', description: 'One-stop-shop case management. Errors are RFC 9457 problem+json.' },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas,
      responses: problemResponses,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        paymentSignature: { type: 'apiKey', in: 'header', name: 'X-Signature', description: 'sha256=<hex HMAC-SHA256 of the raw body with PAYMENT_WEBHOOK_SECRET>' },
        smsSignature: { type: 'apiKey', in: 'header', name: 'X-Sms-Signature', description: 'sha256=<hex HMAC-SHA256 of the raw body with SMS_INBOUND_SECRET>' },
      },
    },
  };
}

export function openapiRoutes(): Router {
  const r = Router();
  let doc: ReturnType<typeof buildOpenApi> | undefined;
  r.get('/openapi.json', (_req, res) => {
    doc ??= buildOpenApi();
    res.json(doc);
  });
  return r;
}

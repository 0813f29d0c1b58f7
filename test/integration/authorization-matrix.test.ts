import { createHash, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES, buildOpenApi, routeKey } from '../../api/openapi';
import { signPaymentBody } from '../../api/routes/payments.routes';
import { citizenDocuments, issuedDocuments, rateLimits, users } from '../../db/schema';
import type { System } from '../../runtime/system';
import { login, startTestSystem } from '../support/system';

/**
 * Every documented route × every kind of caller, with the status api/openapi.ts and domain/ability.ts prescribe:
 * own agency (laocai = commune 02647, where the fixture dossier is), another commune (batxat,
 * 02683), a province department (snnmt, stp), the parent province (tinh.supervisor), the owner
 * citizen and another citizen, a community helper of another commune (batxat.helper, who reads
 * only the dossiers they filed: test/integration/assisted-filing.test.ts), the administrator and nobody.
 */
const PRINCIPALS = [
  'anonymous',
  'citizen',
  'citizen2',
  'laocai.desk',
  'laocai.specialist',
  'laocai.leader',
  'laocai.supervisor',
  'batxat.desk',
  'batxat.specialist',
  'batxat.leader',
  'snnmt.desk',
  'snnmt.specialist',
  'stp.leader',
  'tinh.supervisor',
  'batxat.helper',
  'admin',
] as const;
type Principal = (typeof PRINCIPALS)[number];
type Expected = Record<Principal, number>;
const ADMIN_PASSWORD = process.env.MOTCUA_ADMIN_PASSWORD ?? 'admin';

const all = (status: number): Expected => Object.fromEntries(PRINCIPALS.map((p) => [p, status])) as Expected;
/** Signed-in callers get `status`; nobody gets 401. */
const signedIn = (status: number, over: Partial<Expected> = {}): Expected => ({ ...all(status), anonymous: 401, ...over });
const CITIZENS = { citizen: 403, citizen2: 403 } as const;
/** A community helper files for citizens and reads what they filed: no officer's business. */
const HELPER = { 'batxat.helper': 403 } as const;
/** Only a helper asks a citizen's consent. */
const helpersOnly = (status: number) => signedIn(403, { 'batxat.helper': status });
/** Officers and the admin read reference data; citizens and helpers do not (helpers read the agencies). */
const officersRead = signedIn(200, { ...CITIZENS, ...HELPER });
/** Only the administrator writes reference data and users. */
const adminWrites = (status: number) => signedIn(403, { admin: status });
/** A dossier of 02647 submitted online by `citizen`: its owner, its agency and the province above see it; no one else learns it exists. */
const dossierRead = signedIn(404, {
  citizen: 200,
  'laocai.desk': 200,
  'laocai.specialist': 200,
  'laocai.leader': 200,
  'laocai.supervisor': 200,
  'tinh.supervisor': 200,
});

/** Statistics are for supervisors (domain/ability.ts), over their own subtree. */
const supervisorsOnly = signedIn(403, { 'laocai.supervisor': 200, 'tinh.supervisor': 200 });

interface Call {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** multipart/form-data `file` parts instead of a JSON body. */
  files?: { name: string; type: string; content: Buffer }[];
}
interface Row {
  call: (p: Principal) => Call;
  expect: Expected;
}

const runId = Date.now().toString(36);
const applicant = { fullName: 'Sùng Thị Dua', idNumber: '010203004567', phone: '0912345678' };
const fx = {
  dossier: '', // birth registration at 02647, received: status-independent reads and `assign`
  feeDossier: '', // business household at 02647, with a fee: the payment route
  agency: `T.${runId}.A`,
  userId: '',
  holiday: '2099-01-05',
  birthExample: {} as unknown,
  attachment: '', // a PDF the owner citizen attached to `dossier`
  storeDocument: '', // a document of the owner citizen's store (api/citizen-store.ts), pointing at a result issued for `dossier`
};
/** The smallest file the upload accepts: a PDF by its magic bytes. */
const tinyPdf = (tag: string) => Buffer.from(`%PDF-1.4\n% motcua matrix ${tag}\n%%EOF\n`);

/** The matrix: one row per documented route; a route without a row fails the suite. */
const MATRIX: Record<string, Row> = {
  'GET /health': { call: () => ({ path: '/api/health' }), expect: all(200) },
  // No METRICS_TOKEN in this run: open; Prometheus scrapes it from the internal network (keep it off the public proxy).
  'GET /metrics': { call: () => ({ path: '/api/metrics' }), expect: all(200) },
  'GET /openapi.json': { call: () => ({ path: '/api/openapi.json' }), expect: all(200) },
  'GET /procedures': { call: () => ({ path: '/api/procedures?q=khai sinh' }), expect: all(200) },
  'GET /procedures/:code': { call: () => ({ path: '/api/procedures/1.001193' }), expect: all(200) },
  // The guidance read aloud (espeak-ng is on every machine the suite runs on: .ci/run installs it).
  'GET /procedures/:code/guide/audio': { call: () => ({ path: '/api/procedures/1.001193/guide/audio' }), expect: all(200) },
  // The kiosk advisor: public, stateless, for anyone at the kiosk or on the portal.
  'POST /advisor': { call: () => ({ path: '/api/advisor', body: { query: 'đăng ký khai sinh', answers: [] } }), expect: all(200) },
  'GET /procedure-fields': { call: () => ({ path: '/api/procedure-fields' }), expect: all(200) },
  'GET /stats/public': { call: () => ({ path: '/api/stats/public' }), expect: all(200) },
  // Publishing procedure versions is the administrator's; a dry run, so the matrix changes nothing.
  'POST /procedures/:code/versions': {
    call: () => ({ path: '/api/procedures/1.001193/versions?dryRun=1', body: { deadline: { workingDays: 5 }, note: 'kiểm tra quyền' } }),
    expect: adminWrites(200),
  },
  // Lào Cai's profile: read and corrected by the administrator only; a dry run, so the matrix changes nothing.
  'GET /procedures/:code/profile': { call: () => ({ path: '/api/procedures/1.001193/profile' }), expect: adminWrites(200) },
  'POST /procedures/:code/profile': {
    call: () => ({ path: '/api/procedures/1.001193/profile?dryRun=1', body: { onlineLevel: 'partial', note: 'kiểm tra quyền' } }),
    expect: adminWrites(200),
  },
  'GET /calendar/due': { call: () => ({ path: '/api/calendar/due?from=2025-03-10T09:00:00%2B07:00&workingDays=3' }), expect: all(200) },
  'POST /auth/login': { call: () => ({ path: '/api/auth/login', body: { username: 'citizen2', password: 'motcua123' } }), expect: all(200) },
  // Browser navigations: everyone is redirected (this stack has no issuer: to the sign-in page with
  // the reason; test/integration/oidc-sign-in.test.ts follows the real flow).
  'GET /auth/oidc/login': { call: () => ({ path: '/api/auth/oidc/login' }), expect: all(303) },
  'GET /auth/oidc/callback': { call: () => ({ path: '/api/auth/oidc/callback?code=abc&state=xyz' }), expect: all(303) },
  'GET /auth/oidc/logout': { call: () => ({ path: '/api/auth/oidc/logout?tiep=/ho-so-cua-toi' }), expect: all(303) },
  'GET /auth/oidc/logged-out': { call: () => ({ path: '/api/auth/oidc/logged-out?state=/' }), expect: all(303) },
  'GET /me': { call: () => ({ path: '/api/me' }), expect: signedIn(200) },
  // Revokes the caller's tokens: run after every other row, then everyone signs in again.
  // Officers' own TOTP (citizens sign in at the identity issuer). Enrolment leaves a secret
  // waiting for its first code, which changes nothing at sign-in; a 7-digit code is never right.
  'GET /auth/totp': { call: () => ({ path: '/api/auth/totp' }), expect: signedIn(200, CITIZENS) },
  'POST /auth/totp/enrol': { call: () => ({ path: '/api/auth/totp/enrol' }), expect: signedIn(200, CITIZENS) },
  'POST /auth/totp/activate': { call: () => ({ path: '/api/auth/totp/activate', body: { code: '0000000' } }), expect: signedIn(400, CITIZENS) },
  'POST /auth/totp/disable': { call: () => ({ path: '/api/auth/totp/disable', body: { code: '0000000' } }), expect: signedIn(409, CITIZENS) },
  'POST /auth/logout': { call: () => ({ path: '/api/auth/logout' }), expect: signedIn(200) },
  'POST /dossiers': {
    // Everyone tries to submit at 02647; desk officers at the counter, others online.
    call: (p) => ({
      path: '/api/dossiers',
      headers: { 'Idempotency-Key': `matrix-${runId}-${p}` },
      body: { procedureCode: '1.001193', agencyCode: '02647', channel: p.endsWith('.desk') ? 'counter' : 'online', applicant, form: fx.birthExample },
    }),
    expect: signedIn(403, { citizen: 201, citizen2: 201, 'laocai.desk': 201 }),
  },
  'GET /dossiers': { call: () => ({ path: '/api/dossiers' }), expect: signedIn(200) },
  // Assisted filing (docs/assisted-filing.md): the helper's alone. The code is sent to a number no
  // other suite uses; no consent request has this id, so the helper's check finds nothing.
  'POST /consent-codes': { call: () => ({ path: '/api/consent-codes', body: { citizen: { idNumber: '010203116655', phone: '0912116655' } } }), expect: helpersOnly(201) },
  'POST /consent-codes/:id/verify': { call: () => ({ path: '/api/consent-codes/cc-no-such-request/verify', body: { code: '123456' } }), expect: helpersOnly(404) },
  'GET /consent-form': { call: () => ({ path: '/api/consent-form?fullName=Thào A Lử' }), expect: helpersOnly(200) },
  // The SMS gateway's door: a bearer token is not its signature (a signed call: assisted-filing.test.ts).
  'POST /sms/inbound': { call: () => ({ path: '/api/sms/inbound', body: { from: '0912345678', text: 'TRACUU 02647-261123-0001', messageId: `matrix-${runId}` } }), expect: all(401) },
  // Stuck dossiers (docs/operations.md): listed for supervisors and the admin, each over their subtree.
  'GET /dossiers/stuck': { call: () => ({ path: '/api/dossiers/stuck' }), expect: signedIn(403, { 'laocai.supervisor': 200, 'tinh.supervisor': 200, admin: 200 }) },
  // Repaired by the admin only; the fixture dossier is not stuck, so the admin's repair is a conflict.
  'POST /dossiers/:code/repair': {
    call: () => ({ path: `/api/dossiers/${fx.dossier}/repair`, body: { mode: 'close', reason: 'kiểm tra quyền' } }),
    expect: signedIn(403, { admin: 409 }),
  },
  'GET /dossiers/:code': { call: () => ({ path: `/api/dossiers/${fx.dossier}` }), expect: dossierRead },
  // A number no dossier carries: desks are let in (and find nothing), every other role is not.
  'GET /applicants/:idNumber': { call: () => ({ path: '/api/applicants/099999999999' }), expect: signedIn(403, { 'laocai.desk': 404, 'batxat.desk': 404, 'snnmt.desk': 404 }) },
  'GET /dossiers/:code/events': { call: () => ({ path: `/api/dossiers/${fx.dossier}/events` }), expect: dossierRead },
  'POST /dossiers/:code/actions/:action': {
    // `assign` is legal in RECEIVED and IN_REVIEW alike, so the order of the calls does not matter.
    call: () => ({ path: `/api/dossiers/${fx.dossier}/actions/assign`, body: { assigneeId: 'u-laocai.specialist' } }),
    expect: {
      ...dossierRead,
      citizen: 403, // the owner may act on the dossier, but assigning is not a citizen's action
      'laocai.specialist': 403,
      'laocai.supervisor': 403, // supervisors read, they do not act
      'tinh.supervisor': 403,
    },
  },
  'GET /dossiers/:code/documents/:kind': { call: () => ({ path: `/api/dossiers/${fx.dossier}/documents/receipt` }), expect: dossierRead },
  // Uploads are for those who submit: citizens online, desk officers at the counter (any agency: the file is theirs until attached).
  'POST /attachments': {
    call: (p) => ({ path: '/api/attachments', files: [{ name: `${p}.pdf`, type: 'application/pdf', content: tinyPdf(`${runId}-${p}`) }] }),
    // Officers upload what their steps produce too (a site inspection's minutes, an opinion letter).
    expect: signedIn(201, { anonymous: 401, 'laocai.supervisor': 403, 'tinh.supervisor': 403, admin: 403 }),
  },
  'GET /dossiers/:code/attachments': { call: () => ({ path: `/api/dossiers/${fx.dossier}/attachments` }), expect: dossierRead },
  // The scans themselves are personal data: oversight lists them but does not download them.
  'GET /dossiers/:code/attachments/:id': {
    call: () => ({ path: `/api/dossiers/${fx.dossier}/attachments/${fx.attachment}` }),
    expect: { ...dossierRead, 'laocai.supervisor': 403, 'tinh.supervisor': 403 },
  },
  // The citizen's store: its owner's alone; another citizen learns nothing of it (404), roles without a store are refused (403).
  'GET /my-documents': { call: () => ({ path: '/api/my-documents' }), expect: signedIn(403, { citizen: 200, citizen2: 200 }) },
  'GET /my-documents/:id/file': {
    call: () => ({ path: `/api/my-documents/${fx.storeDocument}/file` }),
    expect: signedIn(403, { citizen: 200, citizen2: 404 }),
  },
  'POST /my-documents/:id/attachments': {
    call: () => ({ path: `/api/my-documents/${fx.storeDocument}/attachments`, body: { requirement: 'Giấy khai sinh' } }),
    expect: signedIn(403, { citizen: 201, citizen2: 404 }),
  },
  // The fee dossier is only submitted: its readers learn no payment is due yet (409), others nothing (404).
  'GET /dossiers/:code/payment': {
    call: () => ({ path: `/api/dossiers/${fx.feeDossier}/payment` }),
    expect: Object.fromEntries(Object.entries(dossierRead).map(([p, s]) => [p, s === 200 ? 409 : s])) as Expected,
  },
  // A bearer token is not the gateway's signature, whoever holds it.
  'POST /payments/callback': {
    call: () => ({ path: '/api/payments/callback', body: { dossierCode: fx.feeDossier, amount: 1, transactionId: `tx-${runId}`, paidAt: new Date().toISOString() } }),
    expect: all(401),
  },
  'GET /public/dossiers/:code': { call: () => ({ path: `/api/public/dossiers/${fx.dossier}?phone=${applicant.phone}` }), expect: all(200) },
  // Public: a token changes nothing; a code never issued is not found (issued ones: payments-documents.test.ts).
  'GET /public/dossiers/:code/audio': { call: () => ({ path: `/api/public/dossiers/${fx.dossier}/audio?phone=${applicant.phone}` }), expect: all(200) },
  'GET /public/verify/:code': { call: () => ({ path: '/api/public/verify/AAAAAAAAAAAAAAAA' }), expect: all(404) },
  // Form 06, the register of 02647: its leader and the supervisors above it; another agency's leader not.
  'GET /registers/dossiers': { call: () => ({ path: '/api/registers/dossiers?agencyCode=02647' }), expect: signedIn(403, { 'laocai.leader': 200, 'laocai.supervisor': 200, 'tinh.supervisor': 200 }) },
  'GET /registers/dossiers/csv': { call: () => ({ path: '/api/registers/dossiers/csv?agencyCode=02647' }), expect: signedIn(403, { 'laocai.leader': 200, 'laocai.supervisor': 200, 'tinh.supervisor': 200 }) },
  'GET /stats/overdue': { call: () => ({ path: '/api/stats/overdue' }), expect: supervisorsOnly },
  'GET /stats/summary': { call: () => ({ path: '/api/stats/summary' }), expect: supervisorsOnly },
  'GET /stats/timeliness': { call: () => ({ path: '/api/stats/timeliness' }), expect: supervisorsOnly },
  // Integrations (README): the outbox for supervisors and the admin, reminders for officers of an agency.
  'GET /outbox': { call: () => ({ path: '/api/outbox' }), expect: { ...supervisorsOnly, admin: 200 } },
  'POST /outbox/:id/retry': { call: () => ({ path: '/api/outbox/no-such-message/retry' }), expect: adminWrites(404) },
  'GET /notifications': { call: () => ({ path: '/api/notifications' }), expect: signedIn(200, { ...CITIZENS, ...HELPER, admin: 403 }) },
  'POST /notifications/:id/read': { call: () => ({ path: '/api/notifications/no-such-event/read' }), expect: signedIn(404, { ...CITIZENS, ...HELPER, admin: 403 }) },
  'GET /stats/integration': { call: () => ({ path: '/api/stats/integration' }), expect: supervisorsOnly },
  // A helper reads the agencies too: the commune desks they file at.
  'GET /agencies': { call: () => ({ path: '/api/agencies?filter={"kind":"commune"}' }), expect: { ...officersRead, 'batxat.helper': 200 } },
  'GET /agencies/:code': { call: () => ({ path: '/api/agencies/02647' }), expect: { ...officersRead, 'batxat.helper': 200 } },
  'POST /agencies': {
    call: () => ({ path: '/api/agencies', body: { code: `T.${runId}.B`, name: 'Xã Thử Nghiệm', kind: 'commune', parentCode: 'H38' } }),
    expect: adminWrites(201),
  },
  'PUT /agencies/:code': {
    call: () => ({ path: `/api/agencies/${fx.agency}`, body: { name: 'Xã Thử Nghiệm (đổi tên)', kind: 'commune', parentCode: 'H38' } }),
    expect: adminWrites(200),
  },
  'GET /users': { call: () => ({ path: '/api/users' }), expect: officersRead },
  'GET /users/:id': {
    // A 02647 specialist: visible to 02647 and to the province supervisor above it.
    call: () => ({ path: '/api/users/u-laocai.specialist' }),
    expect: { ...dossierRead, ...CITIZENS, ...HELPER, admin: 200 },
  },
  'POST /users': {
    call: () => ({ path: '/api/users', body: { username: `matrix.${runId}`, password: 'mat-khau-dai', fullName: 'Người Thử', role: 'specialist', agencyCode: '02647' } }),
    expect: adminWrites(201),
  },
  'PUT /users/:id': { call: () => ({ path: `/api/users/${fx.userId}`, body: { fullName: 'Người Thử Đổi Tên' } }), expect: adminWrites(200) },
  // Deactivation runs before reactivation (API_ROUTES order); each answers the user either way.
  'POST /users/:id/deactivate': { call: () => ({ path: `/api/users/${fx.userId}/deactivate` }), expect: adminWrites(200) },
  'POST /users/:id/reactivate': { call: () => ({ path: `/api/users/${fx.userId}/reactivate` }), expect: adminWrites(200) },
  'DELETE /users/:id/totp': { call: () => ({ path: `/api/users/${fx.userId}/totp` }), expect: adminWrites(200) },
  'GET /holidays': { call: () => ({ path: '/api/holidays?filter={"year":2099}' }), expect: officersRead },
  'POST /holidays': { call: () => ({ path: '/api/holidays', body: { date: '2099-02-03', kind: 'off', note: 'thử' } }), expect: adminWrites(201) },
  'DELETE /holidays/:date': { call: () => ({ path: `/api/holidays/${fx.holiday}` }), expect: adminWrites(200) },
  'GET /commune-categories': { call: () => ({ path: '/api/commune-categories' }), expect: officersRead },
  // The fixture commune: listed by the administrator's call, removed by the next row's.
  'POST /commune-categories': {
    call: () => ({ path: '/api/commune-categories', body: { agencyCode: fx.agency, category: 'especially-difficult', source: 'Quyết định thử' } }),
    expect: adminWrites(201),
  },
  'DELETE /commune-categories/:agencyCode': { call: () => ({ path: `/api/commune-categories/${fx.agency}` }), expect: adminWrites(200) },
};

/** `METHOD /path` of every route the Express app serves under /api, read from its router stack. */
function servedRoutes(app: Express): string[] {
  type Layer = { rawPath?: unknown; handle: { stack?: Layer[] }; route?: { path: string; methods: Record<string, boolean> } };
  const root = (app as unknown as { router: { stack: Layer[] } }).router.stack;
  const api = root.find((l) => l.rawPath === '/api' && l.handle.stack);
  if (!api) throw new Error('no /api router in the app');
  const out: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const l of stack) {
      if (l.route) for (const m of Object.keys(l.route.methods).filter((m) => m !== '_all')) out.push(routeKey({ method: m, path: l.route.path }));
      else if (l.handle.stack) walk(l.handle.stack);
    }
  };
  walk(api.handle.stack!);
  return out;
}

describe('authorization matrix: every route × every role × own / other / parent agency', () => {
  let system: System;
  const tokens: Partial<Record<Principal, string>> = {};
  const results: { key: string; principal: Principal; status: number; body: unknown }[] = [];

  const send = (p: Principal, method: string, c: Call) => {
    const agent = request(system.server);
    let req = (agent as unknown as Record<string, (path: string) => request.Test>)[method.toLowerCase()]!(c.path);
    if (tokens[p]) req = req.set('Authorization', `Bearer ${tokens[p]}`);
    for (const [k, v] of Object.entries(c.headers ?? {})) req = req.set(k, v);
    if (c.files) {
      for (const f of c.files) req = req.attach('file', f.content, { filename: f.name, contentType: f.type });
      return req;
    }
    return c.body === undefined ? req : req.send(c.body as object);
  };

  beforeAll(async () => {
    const t0 = Date.now();
    system = await startTestSystem();
    const t1 = Date.now();
    await Promise.all(
      PRINCIPALS.filter((p) => p !== 'anonymous').map(async (p) => {
        tokens[p] = await login(system, p, p === 'admin' ? ADMIN_PASSWORD : undefined);
      }),
    );
    const api = request(system.server);
    const auth = (p: Principal) => ({ Authorization: `Bearer ${tokens[p]}` });
    const birth = await api.get('/api/procedures/1.001193');
    fx.birthExample = birth.body.example;
    const upload = await api.post('/api/attachments').set(auth('citizen')).attach('file', tinyPdf(`${runId}-fixture`), { filename: 'giay-chung-sinh.pdf', contentType: 'application/pdf' });
    expect(upload.status).toBe(201);
    fx.attachment = upload.body[0].id;
    const created = await api
      .post('/api/dossiers')
      .set(auth('citizen'))
      .send({ procedureCode: '1.001193', agencyCode: '02647', channel: 'online', applicant, form: fx.birthExample, attachments: [fx.attachment] });
    expect(created.status).toBe(201);
    fx.dossier = created.body.code;
    // A store entry as delivery files one (test/integration/citizen-store.test.ts walks the real way there).
    const storedPdf = tinyPdf(`${runId}-store`);
    const issuedCode = 'MATRIX' + runId.replace(/[^A-HJKMNP-Z2-9]/gi, '').toUpperCase().replace(/[ILO01]/g, 'Z').padEnd(10, 'Z').slice(0, 10);
    const storedSha = createHash('sha256').update(storedPdf).digest('hex');
    await system.dbh.db.insert(issuedDocuments).values({ code: issuedCode, dossierCode: fx.dossier, kind: 'result', dataSha256: storedSha, sha256: storedSha, pdf: storedPdf, signer: 'CN=matrix', certSha256: '0'.repeat(64), signedAt: new Date() });
    const [owner] = await system.dbh.db.select({ id: users.id }).from(users).where(eq(users.username, 'citizen'));
    fx.storeDocument = randomUUID();
    await system.dbh.db.insert(citizenDocuments).values({ id: fx.storeDocument, ownerId: owner!.id, kind: 'result', procedureCode: '1.001193', dossierCode: fx.dossier, issuedCode, sha256: storedSha, issuedAt: new Date() });
    expect((await api.post(`/api/dossiers/${fx.dossier}/actions/receive`).set(auth('laocai.desk')).send({})).status).toBe(200);

    const household = await api.get('/api/procedures/1.001612');
    const withFee = await api
      .post('/api/dossiers')
      .set(auth('citizen'))
      .send({ procedureCode: '1.001612', agencyCode: '02647', channel: 'online', applicant, form: household.body.example });
    expect(withFee.status).toBe(201);
    expect(withFee.body.fee).toBeGreaterThan(0);
    fx.feeDossier = withFee.body.code;

    const agency = await api.post('/api/agencies').set(auth('admin')).send({ code: fx.agency, name: 'Xã Thử', kind: 'commune', parentCode: 'H38' });
    expect(agency.status).toBe(201);
    const user = await api
      .post('/api/users')
      .set(auth('admin'))
      .send({ username: `target.${runId}`, password: 'mat-khau-dai', fullName: 'Người Được Sửa', role: 'desk-officer', agencyCode: '02683' });
    expect(user.status).toBe(201);
    fx.userId = user.body.id;
    expect((await api.post('/api/holidays').set(auth('admin')).send({ date: fx.holiday, kind: 'off', note: 'thử' })).status).toBe(201);

    // The matrix itself: route after route, all callers of a route at once (every call that
    // succeeds is independent of the refused ones, which change nothing).
    const t2 = Date.now();
    const signsOut = (r: { path: string }) => r.path === '/auth/logout';
    for (const route of [...API_ROUTES.filter((r) => !signsOut(r)), ...API_ROUTES.filter(signsOut)]) {
      const key = routeKey(route);
      const row = MATRIX[key];
      if (!row) continue;
      // Every caller comes from 127.0.0.1: fresh rate-limit counters for each route, so that the
      // public limiter (30 a minute per address) judges no route by the calls made to the ones before.
      await system.dbh.db.delete(rateLimits);
      const answers = await Promise.all(PRINCIPALS.map(async (p) => ({ p, res: await send(p, route.method, row.call(p)) })));
      for (const { p, res } of answers) results.push({ key, principal: p, status: res.status, body: res.body });
    }
    // Signed out by the last row: fresh tokens for the checks below.
    await Promise.all(
      PRINCIPALS.filter((p) => p !== 'anonymous').map(async (p) => {
        tokens[p] = await login(system, p, p === 'admin' ? ADMIN_PASSWORD : undefined);
      }),
    );
    console.info(`system ${t1 - t0} ms, fixtures ${t2 - t1} ms, matrix of ${results.length} calls ${Date.now() - t2} ms`);
  });
  afterAll(async () => system?.stop());

  it('documents every served route, and serves every documented one', () => {
    const app = system.server.listeners('request')[0] as Express;
    const served = servedRoutes(app).sort();
    const documented: string[] = API_ROUTES.map(routeKey).sort();
    expect(served.filter((k) => !documented.includes(k)), 'served but missing from API_ROUTES (api/openapi.ts)').toEqual([]);
    expect(documented.filter((k) => !served.includes(k)), 'in API_ROUTES but not served').toEqual([]);
    expect(new Set(documented).size).toBe(documented.length);
  });

  it('has a full matrix row for every documented route, and no row for anything else', () => {
    const documented = API_ROUTES.map(routeKey);
    expect(documented.filter((k) => !MATRIX[k]), 'routes with no entry in the matrix').toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !(documented as string[]).includes(k)), 'matrix rows for undocumented routes').toEqual([]);
    for (const [key, row] of Object.entries(MATRIX)) expect(Object.keys(row.expect).sort(), key).toEqual([...PRINCIPALS].sort());
  });

  it('answers each caller with the status the rules prescribe', () => {
    const wrong = results
      .filter((r) => r.status !== MATRIX[r.key]!.expect[r.principal])
      .map((r) => `${r.key} as ${r.principal}: expected ${MATRIX[r.key]!.expect[r.principal]}, got ${r.status} ${JSON.stringify(r.body).slice(0, 160)}`);
    expect(wrong).toEqual([]);
    expect(results.length).toBe(API_ROUTES.length * PRINCIPALS.length);
  });

  it('answers refusals as problem+json', () => {
    for (const r of results.filter((x) => x.status >= 400)) {
      expect(r.body, `${r.key} as ${r.principal}`).toMatchObject({ status: r.status, code: expect.any(String), type: expect.stringContaining('/problems/') });
    }
  });

  it('masks the applicant’s ID number and phone for supervisors, own agency and province alike', async () => {
    const view = (p: Principal) => results.find((r) => r.key === 'GET /dossiers/:code' && r.principal === p)!.body as { applicant: Record<string, string> };
    for (const p of ['laocai.supervisor', 'tinh.supervisor'] as const) {
      expect(view(p).applicant.idNumber).toBe('*********567');
      expect(view(p).applicant.phone).toBe('*******678');
    }
    expect(view('laocai.desk').applicant).toMatchObject({ idNumber: applicant.idNumber, phone: applicant.phone });
    expect(view('citizen').applicant).toMatchObject({ idNumber: applicant.idNumber, phone: applicant.phone });
  });

  it('never returns a password or its hash', () => {
    for (const r of results.filter((x) => x.key.includes('/users'))) {
      expect(JSON.stringify(r.body), `${r.key} as ${r.principal}`).not.toMatch(/password/i);
    }
  });

  it('lists only what the caller may open', async () => {
    const codes = async (p: Principal) =>
      (await send(p, 'get', { path: '/api/dossiers?range=[0,499]' })).body.map((d: { code: string }) => d.code) as string[];
    for (const p of ['citizen', 'laocai.desk', 'laocai.supervisor', 'tinh.supervisor'] as const) expect(await codes(p), p).toContain(fx.dossier);
    for (const p of ['citizen2', 'batxat.desk', 'snnmt.specialist', 'batxat.helper', 'admin'] as const) expect(await codes(p), p).not.toContain(fx.dossier);

    const agencyOf = async (p: Principal) => new Set(((await send(p, 'get', { path: '/api/users?range=[0,499]' })).body as { agencyCode: string }[]).map((u) => u.agencyCode));
    expect([...(await agencyOf('batxat.leader'))]).toEqual(['02683']);
    expect([...(await agencyOf('laocai.desk'))]).toEqual(['02647']);
    expect(await agencyOf('admin')).toContain('H38.SNNMT');
  });

  it('lets a signed body, not a token, through the payment gateway door', async () => {
    const raw = JSON.stringify({ dossierCode: 'NO-SUCH-DOSSIER', amount: 1000, transactionId: `tx-${runId}-signed`, paidAt: new Date().toISOString() });
    const res = await request(system.server)
      .post('/api/payments/callback')
      .set('content-type', 'application/json')
      .set('X-Signature', signPaymentBody(system.env.PAYMENT_WEBHOOK_SECRET, raw))
      .send(raw);
    expect(res.status).toBe(404);
  });

  it('publishes an OpenAPI 3.1 document with every route, its security and problem responses', () => {
    const doc = results.find((r) => r.key === 'GET /openapi.json' && r.principal === 'anonymous')!.body as ReturnType<typeof buildOpenApi>;
    expect(doc.openapi).toBe('3.1.0');
    for (const r of API_ROUTES) {
      const op = (doc.paths[`/api${r.path.replace(/:(\w+)/g, '{$1}')}`] as Record<string, { security: unknown[]; responses: Record<string, unknown>; requestBody?: unknown }>)[r.method];
      expect(op, routeKey(r)).toBeDefined();
      expect(op!.security.length > 0, routeKey(r)).toBe(r.access !== 'public');
      expect(Object.keys(op!.responses)).toContain(String(r.success));
      if (r.body) expect(op!.requestBody, routeKey(r)).toBeDefined();
    }
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['action.assign', 'action.rate', 'postDossiersBody', 'postPaymentsCallbackBody', 'postAuthLoginBody']));
  });
});

import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { API_ROUTES } from '../../api/openapi';
import type { System } from '../../runtime/system';
import { ensureTemporalTools } from '../../temporal/dev-server';
import { ensureSchemathesis, runSchemathesis, toml, type SchemathesisResult } from '../support/schemathesis';
import { paymentSignal } from '../../workflows/messages';
import { citizenDocuments, issuedDocuments, users } from '../../db/schema';
import { login, startTestSystem } from '../support/system';

/**
 * Issue #7: schemathesis generates requests from GET /api/openapi.json — valid ones, and invalid
 * ones at every boundary the schemas draw — and checks each answer against the same document:
 * never a 5xx, only declared status codes and content types, bodies valid against the declared
 * schemas (problem+json for every error), 401 without a token, 405 for a method the path lacks.
 * It runs as several callers, with dictionaries of real codes and ids so that generated requests
 * reach the handlers behind "not found". Seeded (MOTCUA_FUZZ_SEED) and bounded in examples per
 * operation (MOTCUA_FUZZ_EXAMPLES): ~2 min on 2 cores.
 *
 * The fuzzer changes what it may (users' passwords, agencies, the calendar, dossiers), so it gets
 * a database and a Temporal namespace of its own: the other suites never see what it did.
 */
const MAX_EXAMPLES = Number(process.env.MOTCUA_FUZZ_EXAMPLES ?? 12);
const SEED = Number(process.env.MOTCUA_FUZZ_SEED ?? 7);
const ADMIN_PASSWORD = process.env.MOTCUA_ADMIN_PASSWORD ?? 'admin';
const runId = Date.now().toString(36);
const applicant = { fullName: 'Sùng Thị Dua', idNumber: '010203004567', phone: '0912345678' };
const tinyPdf = (tag: string) => Buffer.from(`%PDF-1.4\n% motcua fuzz ${tag}\n%%EOF\n`);

/**
 * One run per caller; the administrator last, since its runs rename agencies and change users.
 * `tags` bound each run to the operations that caller has business with; together they cover
 * every operation of the document (checked below).
 */
const RUNS: readonly { user: string; tags: readonly string[]; exclude?: readonly string[] }[] = [
  // The gateway's callback is the admin run's: a token changes nothing there.
  { user: 'citizen', tags: ['auth', 'procedures', 'dossiers', 'attachments', 'public', 'payments'], exclude: ['/api/payments/callback'] },
  // Signing out revokes the caller's token: a caller of its own, whose token nothing else needs.
  { user: 'citizen2', tags: ['session'] },
  // An officer's own TOTP (enrolling leaves a secret waiting, which changes nothing at sign-in).
  { user: 'laocai.desk', tags: ['dossiers', 'attachments', 'integrations', 'users', 'totp'] },
  { user: 'tinh.supervisor', tags: ['stats', 'integrations', 'stuck', 'registers'] },
  // Stuck dossiers: the list in the admin's subtree, and the repair of the one made stuck below.
  { user: 'admin', tags: ['stuck'] },
  // A community helper asks citizens' consent (docs/assisted-filing.md).
  { user: 'batxat.helper', tags: ['assisted'] },
  // Dossiers are the citizen's and the desk's: an admin reads none of them. The SMS gateway's door, like the payment gateway's.
  { user: 'admin', tags: ['system', 'reference', 'users', 'integrations', 'payments', 'procedure-versions', 'sms'] },
];

/** Checks that need what the spec cannot say are left out: a schema-valid body may still name an agency that does not exist. */
const EXCLUDED_CHECKS = ['positive_data_acceptance'];

/**
 * Strings that broke or could break something behind validation, put in place of generated ones
 * now and then — in every string parameter, and in the free-text fields of bodies below. A NUL
 * character in a path, a filter or an action's note gave a 500 or hung a dossier before.
 */
const NASTY = ['\u0000', 'a\u0000b', '\\', "'", '%', '../..', ' ', '😀', '-1', '1e400', '9'.repeat(30), '0000-00-00', '9999-99-99T99:99:99Z', 'null', '{}'];

describe('API fuzzing from the OpenAPI document (schemathesis)', () => {
  let python: string;
  let system: System;
  let fuzzDb: { admin: postgres.Sql; name: string } | undefined;
  const tokens: Record<string, string> = {};
  const fx = { dossiers: [] as string[], stuck: '', attachment: '', agency: `FZ.${runId}`, user: '', holiday: '2099-03-02', outbox: [] as string[], issued: [] as string[], feeDue: '', storeDocument: '' };
  const results: SchemathesisResult[] = [];

  beforeAll(async () => {
    const t0 = Date.now();
    python = ensureSchemathesis();
    const t1 = Date.now();

    // A database and a namespace of the fuzzer's own, on the run's PostgreSQL and dev server.
    const url = new URL(inject('databaseUrl'));
    const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
    const name = `${url.pathname.slice(1)}_fuzz`;
    await admin.unsafe(`create database ${name}`);
    fuzzDb = { admin, name };
    url.pathname = `/${name}`;
    const namespace = `motcua-fuzz-${runId}`;
    const { cli } = ensureTemporalTools({ testServer: false });
    const created = spawnSync(cli, ['operator', 'namespace', 'create', '--address', inject('temporalAddress'), '--namespace', namespace, '--retention', '24h'], { encoding: 'utf8' });
    expect(created.status, created.stderr).toBe(0);
    // LOG_LEVEL error: thousands of refusals are the point here; a 500 is still logged with its stack.
    system = await startTestSystem({ DATABASE_URL: url.toString(), TEMPORAL_NAMESPACE: namespace, LOG_LEVEL: 'error' });
    const t2 = Date.now();

    for (const { user } of RUNS) tokens[user] = await login(system, user, user === 'admin' ? ADMIN_PASSWORD : undefined);
    const api = request(system.server);
    const as = (u: string) => ({ Authorization: `Bearer ${tokens[u]}` });
    const upload = await api.post('/api/attachments').set(as('citizen')).attach('file', tinyPdf(runId), { filename: 'giay-chung-sinh.pdf', contentType: 'application/pdf' });
    expect(upload.status).toBe(201);
    fx.attachment = upload.body[0].id;
    const submit = async (procedureCode: string, attachments: string[] = []) => {
      const { body: p } = await api.get(`/api/procedures/${procedureCode}`);
      const res = await api.post('/api/dossiers').set(as('citizen')).send({ procedureCode, agencyCode: '02647', channel: 'online', applicant, form: p.example, attachments });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.code as string;
    };
    // Received (desk actions), submitted (citizen actions), with a fee (payment).
    const received = await submit('1.001193', [fx.attachment]);
    expect((await api.post(`/api/dossiers/${received}/actions/receive`).set(as('laocai.desk')).send({})).status).toBe(200);
    // The fee dossier is received, so its fee is due (business households pay first): the QR is served only then.
    const fee = await submit('1.001612');
    expect((await api.post(`/api/dossiers/${fee}/actions/receive`).set(as('laocai.desk')).send({})).status).toBe(200);
    fx.dossiers = [received, await submit('1.001193'), fee];
    // One more whose fee stays due: the generated actions cannot withdraw or pay it, so the QR is there to be read.
    fx.feeDue = await submit('1.001612');
    expect((await api.post(`/api/dossiers/${fx.feeDue}/actions/receive`).set(as('laocai.desk')).send({})).status).toBe(200);
    // Its signed receipt, so the verification page is reached with a real code (docs/signing.md).
    expect((await api.get(`/api/dossiers/${received}/documents/receipt`).set(as('citizen'))).status).toBe(200);
    fx.issued = (await system.dbh.db.select({ code: issuedDocuments.code }).from(issuedDocuments).where(eq(issuedDocuments.dossierCode, received))).map((r) => r.code);
    expect(fx.issued).toHaveLength(1);
    // That signed receipt filed in the citizen's store, as an online delivery files a result (api/citizen-store.ts), so the store's routes are reached with a real id.
    const [issued] = await system.dbh.db.select().from(issuedDocuments).where(eq(issuedDocuments.code, fx.issued[0]!));
    const [owner] = await system.dbh.db.select({ id: users.id }).from(users).where(eq(users.username, 'citizen'));
    fx.storeDocument = randomUUID();
    await system.dbh.db.insert(citizenDocuments).values({ id: fx.storeDocument, ownerId: owner!.id, kind: issued!.kind, procedureCode: '1.001193', dossierCode: received, issuedCode: issued!.code, sha256: issued!.sha256, issuedAt: issued!.signedAt });
    // A stuck dossier (docs/operations.md): a payment notice PostgreSQL cannot store, signalled past the API.
    fx.stuck = await submit('1.001193');
    await system.temporal.workflow.getHandle(fx.stuck).signal(paymentSignal, { transactionId: 'FZ-\ud800', amount: 1, paidAt: new Date().toISOString() });
    const isStuck = async () => ((await api.get('/api/dossiers/stuck').set(as('admin'))).body as { code: string }[]).some((d) => d.code === fx.stuck);
    for (let i = 0; i < 200 && !(await isStuck()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await isStuck()).toBe(true);
    expect((await api.post('/api/agencies').set(as('admin')).send({ code: fx.agency, name: 'Xã Thử', kind: 'commune', parentCode: 'H38' })).status).toBe(201);
    const user = await api.post('/api/users').set(as('admin')).send({ username: `fuzz.${runId}`, password: 'mat-khau-dai', fullName: 'Người Thử', role: 'specialist', agencyCode: '02647' });
    expect(user.status).toBe(201);
    fx.user = user.body.id;
    expect((await api.post('/api/holidays').set(as('admin')).send({ date: fx.holiday, kind: 'off', note: 'thử' })).status).toBe(201);
    fx.outbox = ((await api.get('/api/outbox').set(as('admin'))).body as { id: string }[]).map((m) => m.id).slice(0, 5);
    console.info(`fuzz setup: schemathesis ${t1 - t0} ms, system ${t2 - t1} ms, fixtures ${Date.now() - t2} ms`);
  }, 600_000); // the first run on a machine installs schemathesis (~30–100 s)

  afterAll(async () => {
    await system?.stop();
    if (fuzzDb) {
      await fuzzDb.admin.unsafe(`drop database if exists ${fuzzDb.name} with (force)`).catch(() => {});
      await fuzzDb.admin.end();
    }
    if (results.length) console.info(summary(results));
  });

  /** Real values for path, query and body fields, mixed with generated ones. */
  function config(): string {
    const dict = {
      dossier: fx.dossiers,
      stuck: [fx.stuck],
      feeDue: [fx.feeDue],
      issued: fx.issued,
      procedure: ['1.001193', '1.001612', '1.004873'],
      agency: ['02647', '02683', 'H38', 'H38.SNNMT', fx.agency],
      commune: ['02647', '02683'],
      department: ['H38.SNNMT', 'H38.STP'],
      user: ['u-laocai.specialist', fx.user],
      holiday: [fx.holiday],
      attachment: [fx.attachment],
      storeDocument: [fx.storeDocument],
      documentKind: ['receipt'],
      outbox: fx.outbox.length ? fx.outbox : ['none'],
      notification: fx.dossiers.map((d) => `${d}#1`),
      phone: [applicant.phone],
      // The fixtures' applicant, received at laocai.desk's commune: list rows no longer carry ID
      // numbers for the fuzzer to pick up (api/dossier-list-view.ts), so the counter's prefill gets them here.
      idNumber: [applicant.idNumber],
      // Headers get values of their own: a NUL in a header never reaches the app (Node's parser answers a bare 400).
      signature: [`sha256=${'0'.repeat(64)}`, 'sha256=zz', 'md5=0'],
      idempotency: [`fuzz-${runId}-0001`, 'short', 'x'.repeat(129)],
      username: ['citizen', 'laocai.desk'],
      password: ['motcua123'],
      nasty: NASTY,
    };
    const bind = (dictionary: string, probability = 0.7) => `{ dictionary = ${toml(dictionary)}, probability = ${probability} }`;
    const nasty = (...fields: string[]) => Object.fromEntries(fields.map((f) => [`body.${f}`, bind('nasty', 0.2)]));
    // The first [[operations]] entry that matches an operation is the one that applies.
    /**
     * Ids only from the dictionaries, not from earlier responses: a new role, agency or password
     * revokes a user's tokens, and the fuzzer would otherwise read `u-admin` in GET /users and sign
     * its own caller out (every later request of the run: 401).
     */
    const OWN_IDS_ONLY = ['examples', 'coverage', 'fuzzing'].map((p) => `phases.${p}.extra-data-sources.responses = false`);
    const ops: [string, Record<string, string>, string[]?][] = [
      ['^/api/dossiers/\\{code\\}/attachments/\\{id\\}$', { 'path.code': bind('dossier', 0.9), 'path.id': bind('attachment') }],
      // Half the time a document every received dossier has, so some requests succeed.
      ['^/api/dossiers/\\{code\\}/documents/\\{kind\\}$', { 'path.code': bind('dossier', 0.9), 'path.kind': bind('documentKind', 0.5) }],
      ['^/api/dossiers/\\{code\\}/payment$', { 'path.code': bind('feeDue', 0.9) }],
      ['^/api/dossiers/\\{code\\}/repair$', { 'path.code': bind('stuck', 0.9), ...nasty('reason') }],
      ['^/api/dossiers/\\{code\\}/actions/\\{action\\}$', { 'path.code': bind('dossier', 0.9), 'body.assigneeId': bind('user'), 'body.agencyCode': bind('department'), ...nasty('note', 'reason', 'comment', 'receiptNo') }],
      ['^/api/applicants/\\{idNumber\\}$', { 'path.idNumber': bind('idNumber') }],
      ['^/api/my-documents/\\{id\\}', { 'path.id': bind('storeDocument', 0.9) }],
      ['^/api/public/dossiers/\\{code\\}$', { 'path.code': bind('dossier'), 'query.phone': bind('phone') }],
      ['^/api/public/verify/\\{code\\}$', { 'path.code': bind('issued', 0.9) }],
      ['^/api/dossiers/\\{code\\}', { 'path.code': bind('dossier', 0.9) }],
      ['^/api/auth/login$', { 'body.username': bind('username', 0.5), 'body.password': bind('password', 0.5) }],
      ['^/api/dossiers$', { 'body.procedureCode': bind('procedure'), 'body.agencyCode': bind('commune'), 'header.Idempotency-Key': bind('idempotency', 1) }],
      ['^/api/procedures/\\{code\\}/versions$', { 'path.code': bind('procedure', 0.9), ...nasty('note') }],
      ['^/api/procedures/\\{code\\}/profile$', { 'path.code': bind('procedure', 0.9), 'body.departmentCode': bind('department'), ...nasty('note') }],
      ['^/api/procedures/\\{code\\}$', { 'path.code': bind('procedure') }],
      ['^/api/agencies', { 'path.code': bind('agency'), 'body.parentCode': bind('agency'), ...nasty('name', 'nameEn') }],
      ['^/api/users', { 'path.id': bind('user'), 'body.agencyCode': bind('agency'), ...nasty('fullName', 'phone') }, OWN_IDS_ONLY],
      ['^/api/holidays$', nasty('note')],
      ['^/api/holidays/\\{date\\}$', { 'path.date': bind('holiday') }],
      ['^/api/outbox/\\{id\\}', { 'path.id': bind('outbox') }],
      ['^/api/notifications/\\{id\\}', { 'path.id': bind('notification') }],
      ['^/api/payments/callback$', { 'body.dossierCode': bind('dossier'), 'header.X-Signature': bind('signature', 1) }],
      ['^/api/sms/inbound$', { 'header.X-Sms-Signature': bind('signature', 1), ...nasty('text') }],
      ['^/api/consent-form$', { 'query.fullName': bind('nasty', 0.2) }],
    ];
    return [
      `seed = ${SEED}`,
      'suppress-health-check = ["all"]',
      'request-timeout = 30',
      '[generation]',
      // Seeded, not `deterministic`: the same seed replays the same cases, another seed explores.
      'database = "none"',
      `max-examples = ${MAX_EXAMPLES}`,
      'dictionaries = { string = { dictionary = "nasty", probability = 0.1 } }',
      '[checks]',
      ...EXCLUDED_CHECKS.map((c) => `${c} = { enabled = false }`),
      ...Object.entries(dict).flatMap(([name, values]) => [`[dictionaries.${name}]`, `values = ${toml(values)}`]),
      ...ops.flatMap(([regex, params, extra = []]) => [
        '[[operations]]',
        `include-path-regex = ${toml(regex)}`,
        `parameters = { ${Object.entries(params).map(([k, v]) => `${toml(k)} = ${v}`).join(', ')} }`,
        ...extra,
      ]),
      '',
    ].join('\n');
  }

  // What the fuzzer found, pinned down: this request used to hang until a timeout, while the
  // workflow retried storing the event for ever (jsonb cannot hold \u0000).
  it('refuses a NUL character in an action body instead of hanging the dossier', async () => {
    const api = request(system.server);
    const desk = { Authorization: `Bearer ${tokens['laocai.desk']}` };
    const submitted = fx.dossiers[1]!;
    const res = await api.post(`/api/dossiers/${submitted}/actions/not-accept`).set(desk).send({ reason: 'thiếu\u0000giấy tờ' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid-input', errors: [{ field: 'reason' }] });
    expect((await api.get(`/api/dossiers/${submitted}`).set(desk)).body.status).toBe('SUBMITTED');
    // And where PostgreSQL sees it first, a 400 rather than a 500.
    expect((await api.get('/api/dossiers/a%00b').set(desk)).status).toBe(400);
  });

  for (const run of RUNS) {
    it(`answers ${run.user}'s generated requests as the document says`, async () => {
      const res = await runSchemathesis(python, {
        name: run.user,
        schemaUrl: `http://127.0.0.1:${system.port}/api/openapi.json`,
        config: config(),
        args: ['-H', `Authorization: Bearer ${tokens[run.user]}`, '--phases', 'examples,coverage,fuzzing', ...run.tags.flatMap((t) => ['--include-tag', t]), ...(run.exclude ?? []).flatMap((p) => ['--exclude-path', p])],
      });
      results.push(res);
      const serverErrors = res.interactions.filter((i) => i.status !== null && i.status >= 500);
      expect(serverErrors, res.output).toEqual([]);
      expect(res.failures, res.output).toEqual([]);
      expect(res.exitCode, res.output).toBe(0);
    }, 300_000);
  }

  it('reached every documented operation, and all but at most four with a request that succeeded', () => {
    const operations = API_ROUTES.map((r) => `${r.method.toUpperCase()} /api${r.path.replace(/:(\w+)/g, '{$1}')}`);
    // 303: the browser-navigation routes (citizen sign-in through the issuer) succeed by redirecting.
    const succeeded = new Set(results.flatMap((r) => r.interactions).filter((i) => i.status !== null && (i.status < 300 || i.status === 303) && i.operation.startsWith(`${i.method} `)).map((i) => i.operation));
    const reached = new Set(results.flatMap((r) => r.interactions).map((i) => i.operation));
    expect(operations.filter((op) => !reached.has(op))).toEqual([]);
    // An action must suit the dossier's status, the caller and the path at once (the lifecycle
    // suites take those steps), the gateways' HMACs are not to be guessed, a consent code is read
    // from the citizen's SMS, and notifications come from timers days away.
    // At most these: whether a generated action happens to suit its dossier depends on the seed.
    // Publishing a procedure version or correcting a profile is the admin's alone and needs
    // something to change: the authorization matrix and the profile suite show them succeeding;
    // here they rarely do.
    // Confirming or disabling TOTP needs a code of the secret, which no generator can guess (test/integration/totp.test.ts shows them succeeding).
    const hard = ['POST /api/auth/totp/activate', 'POST /api/auth/totp/disable', 'POST /api/dossiers/{code}/actions/{action}', 'POST /api/payments/callback', 'POST /api/sms/inbound', 'POST /api/consent-codes/{id}/verify', 'POST /api/notifications/{id}/read', 'POST /api/procedures/{code}/versions', 'POST /api/procedures/{code}/profile'];
    expect(operations.filter((op) => !succeeded.has(op) && !hard.includes(op))).toEqual([]);
  });
});

/** Operations × test cases per caller, and the statuses each operation answered. */
function summary(results: SchemathesisResult[]): string {
  const lines = [`API fuzzing (schemathesis, seed ${SEED}, ≤ ${MAX_EXAMPLES} examples per operation and phase):`];
  for (const r of results) {
    const ops = new Set(r.interactions.map((i) => i.operation));
    lines.push(`  ${r.name}: ${ops.size} operations, ${r.interactions.length} requests, ${r.failures.length} failures, ${(r.ms / 1000).toFixed(1)} s, exit ${r.exitCode}`);
  }
  const byOp = new Map<string, Map<string, number>>();
  for (const i of results.flatMap((r) => r.interactions)) {
    const statuses = byOp.get(i.operation) ?? new Map<string, number>();
    const s = String(i.status ?? 'no answer');
    statuses.set(s, (statuses.get(s) ?? 0) + 1);
    byOp.set(i.operation, statuses);
  }
  for (const [op, statuses] of [...byOp].sort(([a], [b]) => a.localeCompare(b))) {
    const n = [...statuses.values()].reduce((a, b) => a + b, 0);
    lines.push(`    ${op.padEnd(48)} ${String(n).padStart(5)}  ${[...statuses].sort().map(([s, c]) => `${s}×${c}`).join(' ')}`);
  }
  return lines.join('\n');
}

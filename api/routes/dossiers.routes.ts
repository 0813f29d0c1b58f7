import { and, asc, desc, eq, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { dossiers, submissions, users, type DossierRow } from '../../db/schema';
import { actionBodySchemas, actionSchema, type ActionRequest } from '../../domain/actions';
import { applicantSchema } from '../../domain/applicant';
import { hasRoute } from '../../domain/lifecycle/hop-share';
import { channelSchema, rulesOf } from '../../domain/procedure';
import { ASSIGNABLE_ROLES, SUBMISSION } from '../../domain/role-policy';
import { CLOCK_RUNNING, STATUSES } from '../../domain/status';
import { foldVietnamese } from '../../domain/text';
import { getProcedure } from '../../procedures';
import { assistanceSchema, assistedFilingOf, assistedView, prepareAssistance } from '../assisted-filing';
import { attachmentView, claimableAttachments, dossierAttachments, linkAttachments } from '../attachment-records';
import { AttachmentStore } from '../attachment-store';
import { citizenStore } from '../citizen-store';
import type { AppContext } from '../context';
import { readsOf } from '../prepared-reads';
import { readableDossier } from '../readable-dossier';
import { refundDue } from '../refunds';
import { dossierCodeKey } from '../dossier-code';
import { actOnDossier, submitDossier } from '../dossier-commands';
import { decidingAgency } from '../deciding-agency';
import { claimStepDocument } from '../step-documents';
import { walkInRequest } from '../walk-in';
import { checkPresence } from '../delivery-presence';
import { dossierListItem } from '../dossier-list-view';
import { dossierSubject, dossierView } from '../dossier-view';
import { eventView } from '../event-view';
import { parseListParams, sendList } from '../list-params';
import { COUNT_CAP, listTotal } from '../list-total';
import { actorOf, requireUser } from '../middleware/auth';
import { RateLimiter, rateLimit } from '../middleware/rate-limit';
import { checkedHeader } from '../middleware/text-input';
import { badRequest, forbidden, fromZod, notFound } from '../problem';
import { dossierScope } from '../scope';

export const submitSchema = z.object({
  procedureCode: z.string().min(1),
  agencyCode: z.string().min(1),
  applicant: applicantSchema,
  form: z.record(z.string(), z.unknown()),
  /** Optional: the server decides it from the submitter's role (it sets the fee); see domain/role-policy.ts. */
  channel: channelSchema.optional(),
  /** Ids of the caller's own uploads (POST /api/attachments) not yet attached to a dossier. */
  attachments: z.array(z.string().min(1)).max(50).default([]),
  /** A helper's submission for a citizen, with the citizen's consent (api/assisted-filing.ts); only helpers send it. */
  assistance: assistanceSchema.optional(),
});

/** An extension moves the appointment by days or weeks; a year is already beyond any procedure's law. */
export const EXTEND_HORIZON_MS = 366 * 86_400_000;

/** Submissions per user and minute (429 with Retry-After beyond, as api/openapi.ts documents). */
export const SUBMISSIONS_PER_MINUTE = 20;

const statusSchema = z.enum(STATUSES);
const listFilter = z
  .object({
    status: z.union([statusSchema, z.array(statusSchema)]).optional(),
    procedureCode: z.string().optional(),
    agencyCode: z.string().optional(),
    receivingAgencyCode: z.string().optional(),
    assigneeId: z.string().optional(),
    overdue: z.boolean().optional(),
    q: z.string().max(100).optional(),
    dueBefore: z.iso.datetime({ offset: true }).optional(),
    open: z.boolean().optional(),
  })
  .strict();

const SORTABLE = { dueAt: dossiers.dueAt, createdAt: dossiers.createdAt, updatedAt: dossiers.updatedAt, code: dossiers.code, status: dossiers.status } as const;
/** The list's `filter` and `sort` as the OpenAPI document describes them. */
export const dossierListParams = { filter: listFilter, sort: Object.keys(SORTABLE) };

export function dossierRoutes(ctx: AppContext): Router {
  const store = citizenStore(ctx, new AttachmentStore(ctx.env.dataDir));
  const r = Router();
  const db = ctx.dbh.db;
  const reads = readsOf(db);

  const readable = (req: Request, code: string) => readableDossier(db, req, code);
  const temporalUi = ctx.temporalUiUrl ? { baseUrl: ctx.temporalUiUrl, namespace: ctx.env.TEMPORAL_NAMESPACE } : undefined;

  const codeKey = dossierCodeKey(ctx.env);
  const submissionLimiter = new RateLimiter(ctx.dbh.db, 'submit', SUBMISSIONS_PER_MINUTE, 60_000);
  r.post('/dossiers', requireUser, rateLimit(submissionLimiter, (req) => `user:${req.user!.id}`), async (req, res) => {
    const user = req.user!;
    if (!req.ability!.can('create', 'Dossier')) throw forbidden('your role cannot submit dossiers');
    const body = submitSchema.safeParse(req.body);
    if (!body.success) throw fromZod(body.error);
    const { assistance, ...input } = body.data;
    const procedure = getProcedure(input.procedureCode);
    if (!procedure) throw badRequest(`unknown procedure ${input.procedureCode}`, { errors: [{ field: 'procedureCode', message: 'unknown procedure' }] });
    const agency = ctx.agencies.get(input.agencyCode);
    if (!agency || agency.kind !== 'commune') {
      throw badRequest(`agency ${input.agencyCode} is not a commune-level one-stop desk`, { errors: [{ field: 'agencyCode', message: 'not a receiving desk' }] });
    }
    // The commune filed at, or the body its rules give the decision to (its police unit for residence).
    const rules = ctx.procedures.current(input.procedureCode) ?? rulesOf(procedure);
    const holder = decidingAgency(rules, agency, ctx.agencies);
    // Jurisdiction (domain/ability.ts): a desk officer receives for their own agency only, the one
    // that will hold the dossier (for residence, the commune's police desk, not its one-stop desk);
    // a helper files at their own commune, for the citizen.
    const at = user.role === 'helper' ? input.agencyCode : holder;
    if (!req.ability!.can('create', dossierSubject({ agencyCode: at, receivingAgencyCode: at, applicantUserId: null }))) {
      throw forbidden(at === input.agencyCode ? 'a desk officer or a helper submits at their own agency' : `this procedure is received and decided by ${at}: its desk officers submit it`);
    }
    // A helper files for a citizen, with the citizen's consent; no one else does (docs/assisted-filing.md).
    if ((user.role === 'helper') !== (assistance !== undefined)) {
      throw badRequest(user.role === 'helper' ? 'a helper files with the citizen\'s consent: send `assistance`' : 'only a helper files with `assistance`', { errors: [{ field: 'assistance', message: user.role === 'helper' ? 'required' : 'not allowed' }] });
    }
    // The channel, which sets the fee, follows how the dossier came in (domain/role-policy.ts).
    const policy = SUBMISSION[user.role];
    const channels = policy?.channels ?? [];
    if (input.channel !== undefined && !channels.includes(input.channel)) {
      throw badRequest(`channel "${input.channel}" is not yours: you submit through ${channels.map((c) => `"${c}"`).join(' or ')}`);
    }
    const channel = input.channel ?? channels[0]!;
    const form = procedure.form.safeParse(input.form);
    if (!form.success) throw fromZod(form.error, 'form');
    const idempotencyKey = checkedHeader(req, 'idempotency-key');
    if (idempotencyKey !== undefined && !/^[\w.:-]{8,128}$/.test(idempotencyKey)) {
      throw badRequest('Idempotency-Key must be 8–128 characters of letters, digits, . : _ -');
    }
    // A retried request finds its attachments (or a helper's consent) already on the dossier its
    // key made; a plain submission needs no look-up here, submitDossier checks its key itself.
    const [prior] = idempotencyKey && (input.attachments.length > 0 || assistance)
      ? await db.select({ code: submissions.dossierCode }).from(submissions).where(eq(submissions.idempotencyKey, idempotencyKey))
      : [];
    await claimableAttachments(db, user.id, input.attachments, 'attachments', prior?.code);
    // A helper files for the citizen: the dossier is theirs, with the consent on record.
    const assisted = assistance ? await prepareAssistance(db, ctx.agencies, user, input.applicant, assistance, prior?.code) : undefined;
    const attachments = [...new Set([...input.attachments, ...(assisted?.attachments ?? [])])];
    const { code, created, row: recorded, startError } = await submitDossier(
      db,
      ctx.temporal,
      { ...input, attachments, channel, form: form.data as Record<string, unknown> },
      { actor: actorOf(user), applicantUserId: policy?.ownDossier ? user.id : (assisted?.applicantUserId ?? null) },
      idempotencyKey,
      { rules, decidingAgency: holder, codeKey, alsoRecord: assisted?.record },
    );
    if (startError) ctx.log.warn({ code, err: startError }, 'dossier recorded; its workflow start is left to the sweep');
    if (assisted && created) ctx.log.info({ audit: 'dossier.assisted-filing', actor: user.id, target: code, consent: assistance!.consent.method }, `helper ${user.username} filed ${code} for a citizen`);
    await linkAttachments(db, code, user.id, attachments);
    // A new dossier is answered as its transaction wrote it; a retried one is read (and checked) again.
    const row = recorded && req.ability!.can('read', dossierSubject(recorded)) ? recorded : await readable(req, code);
    res.status(created ? 201 : 200).location(`/api/dossiers/${code}`).json(dossierView(row, req.ability!, actorOf(user), ctx.procedures, temporalUi));
  });

  r.get('/dossiers', requireUser, async (req, res) => {
    const p = parseListParams(req, listFilter, Object.keys(SORTABLE), { field: 'dueAt', order: 'ASC' });
    const scope = dossierScope(req.ability!);
    if (!scope) return sendList(res, 'dossiers', p.offset, [], 0);
    const where = and(scope, ...filters(p.filter));
    const order = p.sort.order === 'ASC' ? asc : desc;
    const rows = await db.select().from(dossiers).where(where).orderBy(order(SORTABLE[p.sort.field as keyof typeof SORTABLE]), asc(dossiers.code)).limit(p.limit).offset(p.offset);
    const { total, capped } = await listTotal(db, dossiers, where, { offset: p.offset, limit: p.limit, rows: rows.length });
    // Content-Range must stay a number for react-admin; this header says it is only a lower bound.
    if (capped) res.set('X-Total-Capped', String(COUNT_CAP));
    sendList(res, 'dossiers', p.offset, rows.map(dossierListItem), total);
  });

  r.get('/dossiers/:code', requireUser, async (req, res) => {
    const row = await readable(req, String(req.params.code));
    // What the page adds to the row, read side by side (prepared statements, api/prepared-reads.ts).
    const [files, assignees, assisted, refund] = await Promise.all([
      dossierAttachments(db, row.code),
      // The assignee by name: after a hand-off they belong to an agency the reader may not list.
      row.assigneeId ? reads.userName.execute({ id: row.assigneeId }) : [],
      assistedFilingOf(db, row.code),
      refundDue(db, row),
    ]);
    // Files taken from a citizen's store carry their origin (no query when there are none).
    const marks = await store.marks(files);
    const assistedBy = assistedView(assisted, req.ability!.can('read', dossierSubject(row), 'applicant.idNumber'));
    const view = dossierView(row, req.ability!, actorOf(req.user!), ctx.procedures, temporalUi);
    res.json({ ...view, assigneeName: assignees[0]?.fullName ?? null, attachments: files.map((d) => attachmentView(d, marks.get(d.id))), refundDue: refund, assistedBy });
  });

  r.get('/dossiers/:code/events', requireUser, async (req, res) => {
    const row = await readable(req, String(req.params.code));
    const events = await reads.events.execute({ code: row.code });
    // Names, not ids: whoever reads the trail may not read the users of other agencies.
    const ids = [...new Set(events.map((e) => e.actorId))];
    const people = ids.length ? await db.select({ id: users.id, fullName: users.fullName }).from(users).where(inArray(users.id, ids)) : [];
    const nameOf = new Map(people.map((u) => [u.id, u.fullName]));
    res.json(events.map((e) => eventView(e, nameOf.get(e.actorId) ?? null, row, req.ability!)));
  });

  r.post('/dossiers/:code/actions/:action', requireUser, async (req, res) => {
    const action = actionSchema.safeParse(req.params.action);
    if (!action.success) throw notFound(`action ${req.params.action}`);
    const row = await readable(req, String(req.params.code));
    if (!req.ability!.can('act', dossierSubject(row))) throw forbidden('you may read this dossier but not act on it');
    const raw = action.data === 'supplement' ? withAttachmentRefs(req.body) : req.body;
    const body = actionBodySchemas[action.data].safeParse(raw ?? {});
    if (!body.success) throw fromZod(body.error);
    const request = walkInRequest(actorOf(req.user!), { action: action.data, body: body.data } as ActionRequest);
    await checkReferences(request, row);
    checkPresence(request, row.form as Record<string, unknown>);
    if (request.action === 'supplement' && request.body.form) request.body.form = checkedSupplement(row.procedureCode, row.form, request.body.form);
    if (request.action === 'extend' && Date.parse(request.body.newDueAt) > Date.now() + EXTEND_HORIZON_MS) {
      throw badRequest('newDueAt is more than a year ahead', { errors: [{ field: 'newDueAt', message: 'at most one year ahead' }] });
    }
    // Supplemented files: the caller's own uploads, recorded as the store knows them.
    const attached = request.action === 'supplement' ? (request.body.attachments ?? []).map((a) => a.id) : [];
    if (request.action === 'supplement' && request.body.attachments) {
      const docs = await claimableAttachments(db, req.user!.id, attached, 'attachments', row.code);
      request.body.attachments = docs.map((d) => ({ id: d.id, name: d.name, sha256: d.sha256 }));
    }
    attached.push(...(await claimStepDocument(db, request, req.user!.id, row.code)));
    await actOnDossier(ctx.temporal, row.code, actorOf(req.user!), request);
    await linkAttachments(db, row.code, req.user!.id, attached);
    // Delivered online: the signed result goes into the applicant's store now (a failure here is
    // caught up when they open it, api/citizen-store.ts).
    if (request.action === 'deliver' && request.body.method === 'online') {
      await store.fileResult(row.code).catch((err: unknown) => ctx.log.warn({ code: row.code, err }, 'result not yet filed in the citizen store'));
    }
    const fresh = await readable(req, row.code).catch(() => row);
    res.json(dossierView(fresh, req.ability!, actorOf(req.user!), ctx.procedures, temporalUi));
  });

  /** Targets named in a body must exist: another agency to forward to, an officer to assign. */
  async function checkReferences(request: ActionRequest, row: DossierRow) {
    const agencyCode = row.agencyCode;
    if (request.action === 'request-opinions') {
      const unknown = request.body.agencies.findIndex((a) => !ctx.agencies.get(a.agencyCode));
      if (unknown >= 0) throw badRequest(`agency ${request.body.agencies[unknown]!.agencyCode} is not in the directory`, { errors: [{ field: `agencies.${unknown}.agencyCode`, message: 'no such agency' }] });
    }
    if (request.action === 'forward') {
      const target = ctx.agencies.get(request.body.agencyCode);
      // A hand-off route goes anywhere on the agency tree (a commune, a department, the province); a single forward, to a department.
      const rules = ctx.procedures.at(row.procedureCode, row.state.procedureVersion);
      const anywhere = rules !== undefined && hasRoute(rules);
      if (!target) throw badRequest(`agency ${request.body.agencyCode} is not on the province's agency tree`);
      if (!anywhere && target.kind !== 'department') throw badRequest(`agency ${request.body.agencyCode} is not a province department`);
    }
    if (request.action === 'assign') {
      const [u] = await db.select().from(users).where(eq(users.id, request.body.assigneeId));
      if (!u || u.agencyCode !== agencyCode || !ASSIGNABLE_ROLES.has(u.role)) {
        throw badRequest(`user ${request.body.assigneeId} is not a specialist of agency ${agencyCode}`);
      }
    }
  }
  return r;
}

/**
 * A supplement's form fields, checked like a submission's: the stored form with the supplement
 * laid over it must pass the procedure's form schema as a whole (refinements across fields
 * included). Answers the supplied fields as the schema normalized them.
 */
function checkedSupplement(procedureCode: string, stored: unknown, supplied: Record<string, unknown>): Record<string, unknown> {
  const procedure = getProcedure(procedureCode);
  if (!procedure) throw badRequest(`procedure ${procedureCode} is unknown: its form cannot be supplemented`);
  const merged = procedure.form.safeParse({ ...(stored as Record<string, unknown>), ...supplied });
  if (!merged.success) throw fromZod(merged.error, 'form');
  const data = merged.data as Record<string, unknown>;
  return Object.fromEntries(Object.keys(supplied).filter((k) => k in data).map((k) => [k, data[k]]));
}

/** `supplement {attachments}` may name uploads by id alone; the name is filled in from the store. */
function withAttachmentRefs(body: unknown): unknown {
  if (!body || typeof body !== 'object' || !Array.isArray((body as { attachments?: unknown }).attachments)) return body;
  const b = body as { attachments: unknown[] };
  return { ...b, attachments: b.attachments.map((a) => (typeof a === 'string' ? { id: a, name: a } : a)) };
}

function filters(f: z.infer<typeof listFilter>): SQL[] {
  const out: SQL[] = [];
  if (f.status) out.push(Array.isArray(f.status) ? inArray(dossiers.status, f.status) : eq(dossiers.status, f.status));
  if (f.procedureCode) out.push(eq(dossiers.procedureCode, f.procedureCode));
  if (f.agencyCode) out.push(eq(dossiers.agencyCode, f.agencyCode));
  if (f.receivingAgencyCode) out.push(eq(dossiers.receivingAgencyCode, f.receivingAgencyCode));
  if (f.assigneeId) out.push(eq(dossiers.assigneeId, f.assigneeId));
  if (f.dueBefore) out.push(lt(dossiers.dueAt, new Date(f.dueBefore)));
  if (f.open) out.push(isNull(dossiers.finishedAt));
  if (f.q) out.push(sql`${dossiers.searchText} like ${`%${foldVietnamese(f.q).replace(/[%_\\]/g, '\\$&')}%`}`);
  const running = inArray(dossiers.status, [...CLOCK_RUNNING]);
  if (f.overdue === true) out.push(and(isNull(dossiers.finishedAt), running, lt(dossiers.dueAt, sql`now()`))!);
  if (f.overdue === false) out.push(sql`not (${and(isNull(dossiers.finishedAt), running, lt(dossiers.dueAt, sql`now()`))!})`);
  return out;
}

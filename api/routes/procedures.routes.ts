import { sql, type SQL } from 'drizzle-orm';
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/client';
import type { ProcedureDefinition, ProcedureRules } from '../../domain/procedure';
import { getProcedure } from '../../procedures';
import { applyChannelDeadlines, channelDeadlinesSchema, deadlineChangeSchema, deadlineOf } from '../deadline-changes';
import { checkProfile, profileDiff, rulesWithProfile, type ProfileVersion } from '../procedure-profiles';
import type { ProcedureVersions } from '../procedure-versions';
import type { LaoCaiProfile } from '../../procedures/lao-cai/profile';
import { searchPage } from '../procedure-search';
import type { AppContext } from '../context';
import { parseListParams, sendList } from '../list-params';
import { requireUser } from '../middleware/auth';
import { forbidden, fromZod, notFound, unprocessable } from '../problem';

/**
 * A form's JSON Schema, made once per form: a page of the finder shows ten procedures, and
 * converting each form again on every request was most of a page's time after the search.
 */
const formSchemas = new WeakMap<object, unknown>();
function formSchemaOf(form: ProcedureDefinition['form']) {
  let schema = formSchemas.get(form);
  if (!schema) formSchemas.set(form, (schema = z.toJSONSchema(form, { unrepresentable: 'any' })));
  return schema;
}

/**
 * A definition as offered now: its form and texts, the latest published rules, and Lào Cai's
 * current profile (how far it runs online, synced with the national portal).
 */
export function currentDefinition(versions: ProcedureVersions, def: ProcedureDefinition): Offered {
  const profile = versions.profiles.current(def.code)!;
  return { ...def, ...versions.current(def.code)!, fullProcessOnline: profile.onlineLevel === 'full', portalIntegrated: profile.portalIntegrated, onlineLevel: profile.onlineLevel };
}
type OnlineLevel = 'full' | 'partial' | 'counter';
type Offered = ProcedureDefinition & { onlineLevel?: OnlineLevel };

/** The Procedure of the API contract: metadata, stages, and the form as JSON Schema. */
export function procedureView(p: Offered) {
  return {
    code: p.code,
    version: p.version,
    name: p.name,
    field: p.field,
    level: p.level,
    fee: p.fee.counter,
    feeOnline: p.fee.online ?? p.fee.counter,
    deadline: p.deadline,
    /** The online and postal channels' own deadlines, where they differ from the counter's. */
    deadlines: p.deadlines ?? null,
    difficultCommuneExtraDays: p.difficultCommuneExtraDays ?? 0,
    /** How the fee follows the form (domain/fees.ts), so the portal and the counter show it before submission. */
    feeRule: p.feeRule ?? null,
    handoff: p.handoff ?? null,
    stages: p.stages,
    requiredDocuments: p.requiredDocuments,
    fullProcessOnline: p.fullProcessOnline,
    portalIntegrated: p.portalIntegrated,
    onlineLevel: p.onlineLevel ?? (p.fullProcessOnline ? 'full' : p.portalIntegrated ? 'partial' : 'counter'),
    formSchema: formSchemaOf(p.form),
    formLabels: p.formLabels,
    example: p.example,
    keywords: p.keywords,
    source: p.source,
  };
}

export { searchProcedures, searchTerms } from '../procedure-search';

/** Filters of the list, as plain query parameters (the portal) or react-admin's `filter` JSON (the back office). */
const listFilter = z
  .object({
    q: z.string().max(200).optional(),
    field: z.string().max(300).optional(),
    level: z.enum(['commune', 'province']).optional(),
    onlineLevel: z.enum(['full', 'partial', 'counter']).optional(),
    /** With q: the level ranked first among equals (the commune, where citizens go first, unless told). */
    prefer: z.enum(['commune', 'province']).optional(),
    code: z.union([z.string(), z.array(z.string()).max(500)]).optional(),
  })
  .strict();
export const procedureListParams = { filter: listFilter, sort: ['code', 'nameVi'] };

/** What an administrator may change in a new version; anything left out stays as it is. */
export const versionChangesSchema = z
  .object({
    /** The counter's deadline (the kiosk's too), api/deadline-changes.ts. */
    deadline: deadlineChangeSchema.optional(),
    /** The online and postal channels' own deadlines: one sets it, null drops it (the counter's then holds). */
    deadlines: channelDeadlinesSchema.optional(),
    fee: z.object({ counter: z.number().int().min(0).max(100_000_000), online: z.number().int().min(0).max(100_000_000).optional() }).strict().optional(),
    handoff: z.object({ shareWorkingDays: z.number().positive().max(365).nullable() }).strict().optional(),
    /** Days added in communes with especially difficult conditions, where the procedure says so (docs/calendar.md); 0 removes them. */
    difficultCommuneExtraDays: z.number().int().min(0).max(60).optional(),
    note: z.string().trim().min(1).max(500).optional(),
  })
  .strict()
  .refine((c) => c.deadline || c.deadlines || c.fee || c.handoff || c.difficultCommuneExtraDays !== undefined, {
    message: 'nothing to change: give deadline, deadlines, fee, handoff or difficultCommuneExtraDays',
  });

/** The rules of a new version: the current ones with the changes applied, checked like a definition. */
export function applyChanges(rules: ProcedureRules, c: z.infer<typeof versionChangesSchema>): ProcedureRules {
  const next: ProcedureRules = { ...rules };
  if (c.deadline) next.deadline = deadlineOf(c.deadline, rules.deadline.kind);
  if (c.deadline || c.deadlines) applyChannelDeadlines(next, c.deadlines);
  if (c.fee) next.fee = c.fee.online === undefined ? { counter: c.fee.counter } : c.fee;
  if (c.difficultCommuneExtraDays !== undefined) {
    delete next.difficultCommuneExtraDays;
    if (c.difficultCommuneExtraDays > 0) next.difficultCommuneExtraDays = c.difficultCommuneExtraDays;
  }
  if (c.handoff) {
    if (!rules.handoff) throw unprocessable('this procedure is decided where it is received: it has no hand-off to change');
    next.handoff = { ...rules.handoff, shareWorkingDays: c.handoff.shareWorkingDays };
  }
  const charged = next.fee.counter > 0 || (next.fee.online ?? 0) > 0;
  const hasPay = next.stages.some((s) => s.name === 'pay');
  if (charged !== hasPay) throw unprocessable(charged ? 'a fee needs a pay stage, which this procedure has not: it needs a coded version' : 'a procedure with a pay stage keeps a fee');
  const total = next.deadline.workingDays;
  const share = next.handoff?.shareWorkingDays;
  if (total !== null && share !== undefined && share !== null && share > total) throw unprocessable('the department’s share cannot exceed the whole deadline');
  return next;
}

export function procedureRoutes(ctx: Pick<AppContext, 'dbh' | 'procedures' | 'log'>): Router {
  const r = Router();
  const db = ctx.dbh.db;
  /** The view of a procedure at its current version: the definition's form with the latest rules. */
  const currentView = (code: string) => {
    const def = getProcedure(code);
    return def ? procedureView(currentDefinition(ctx.procedures, def)) : undefined;
  };

  r.get('/procedures', async (req, res) => {
    const plain = listFilter.catch({}).parse({ q: req.query.q, field: req.query.field, level: req.query.level, onlineLevel: req.query.onlineLevel, prefer: req.query.prefer });
    const p = parseListParams(req, listFilter, procedureListParams.sort, { field: 'code', order: 'ASC' });
    const f = { ...plain, ...p.filter };
    const where: SQL[] = [];
    if (f.field) where.push(sql`field_vi = ${f.field}`);
    if (f.level) where.push(sql`level = ${f.level}`);
    if (f.onlineLevel) where.push(sql`online_level = ${f.onlineLevel}`);
    // An empty list matches nothing (`in ()` is a syntax error: it answered 500).
    if (f.code !== undefined) where.push([f.code].flat().length ? sql`code in ${[f.code].flat()}` : sql`false`);
    const filtered = where.length ? sql.join(where, sql` and `) : sql`true`;
    const { codes, total } = f.q?.trim()
      ? await rankedPage(db, f.q, filtered, p.offset, p.limit, f.prefer)
      : await orderedPage(db, filtered, p.sort.field === 'nameVi' ? sql`name_vi` : sql`code`, p.sort.order, p.offset, p.limit);
    sendList(res, 'procedures', p.offset, codes.map(currentView).filter((v) => v !== undefined), total);
  });
  /** The fields (lĩnh vực) for the finder's categories, those citizens ask most first (a coded procedure, then most decided at the commune). */
  r.get('/procedure-fields', async (_req, res) => {
    const fields = rowsOf<{ field: string; procedures: number; commune: number }>(
      await db.execute(sql`select field_vi as field, count(*)::int as procedures, (count(*) filter (where level = 'commune'))::int as commune
                           from procedures where field_vi <> '' group by field_vi order by bool_or(coded) desc, commune desc, procedures desc, field_vi`),
    );
    res.set('Cache-Control', 'public, max-age=300').json(fields);
  });
  r.get('/procedures/:code', async (req, res) => {
    const code = String(req.params.code);
    const view = currentView(code);
    if (!view) throw notFound(`procedure ${code}`);
    const history = (await ctx.procedures.history(code)).map((h) => ({ ...h, publishedAt: h.publishedAt.toISOString() }));
    res.json({ ...view, history });
  });
  return r;
}

/** Publishing a version: mounted behind authentication (the catalogue itself is public). */
export function procedureVersionRoutes(ctx: Pick<AppContext, 'procedures' | 'log' | 'agencies'>): Router {
  const r = Router();
  r.post('/procedures/:code/versions', requireUser, async (req, res) => {
    if (!req.ability!.can('manage', 'Procedure')) throw forbidden('only an administrator publishes a procedure version');
    const code = String(req.params.code);
    const current = ctx.procedures.current(code);
    if (!current) throw notFound(`procedure ${code}`);
    const body = versionChangesSchema.safeParse(req.body);
    if (!body.success) throw fromZod(body.error);
    const next = applyChanges(current, body.data);
    const { note, ...changes } = body.data;
    const offered = currentDefinition(ctx.procedures, getProcedure(code)!);
    if (req.query.dryRun === '1') return void res.json({ ...procedureView({ ...offered, ...next, version: current.version + 1 }), changes, dryRun: true });
    const published = await ctx.procedures.publish(next, changes, { id: req.user!.id, note });
    ctx.log.info({ audit: 'procedure-version', code, version: published.version, by: req.user!.id, changes }, 'procedure version published');
    res.status(201).location(`/api/procedures/${code}`).json({ ...procedureView({ ...offered, ...published }), changes });
  });

  // Lào Cai's profile (docs/procedures.md): read and corrected by the administrator, versioned.
  const administrator = (req: Request) => {
    if (!req.ability!.can('manage', 'Procedure')) throw forbidden('only an administrator reads and corrects a procedure’s profile');
  };
  const profileView = (p: ProfileVersion) => ({ ...p, changedAt: p.changedAt?.toISOString() ?? null });
  r.get('/procedures/:code/profile', requireUser, async (req, res) => {
    administrator(req);
    const code = String(req.params.code);
    const stored = await ctx.procedures.profiles.stored(code);
    if (!stored) throw notFound(`procedure ${code}`);
    res.json({ ...profileView(stored.current), history: stored.history.map(profileView), departments: ctx.agencies.all().filter((a) => a.kind === 'department').map((a) => ({ code: a.code, name: a.name })) });
  });
  r.post('/procedures/:code/profile', requireUser, async (req, res) => {
    administrator(req);
    const code = String(req.params.code);
    const current = (await ctx.procedures.profiles.stored(code))?.current;
    const rulesNow = ctx.procedures.current(code);
    if (!current || !rulesNow) throw notFound(`procedure ${code}`);
    const body = profileChangesSchema.safeParse(req.body);
    if (!body.success) throw fromZod(body.error);
    const { note, ...asked } = body.data;
    const next = nextProfile(current, asked);
    checkProfile(next, (c) => ctx.agencies.get(c)?.kind);
    const changes = profileDiff(current, next);
    if (Object.keys(changes).length === 0) throw unprocessable('the profile is already so: nothing to change');
    if (req.query.dryRun === '1') {
      const rules = rulesWithProfile(rulesNow, next);
      return void res.json({ ...profileView({ ...current, ...next, version: current.version + 1, changes, note: note ?? null, changedBy: req.user!.id, changedAt: null }), rules: rules === rulesNow ? null : { ...rules, version: rulesNow.version + 1 }, dryRun: true });
    }
    const saved = await ctx.procedures.profiles.save(code, next, { id: req.user!.id, note });
    ctx.log.info({ audit: 'procedure-profile', code, version: saved.profile.version, rulesVersion: saved.rules?.version ?? null, by: req.user!.id, changes: saved.profile.changes }, 'procedure profile corrected');
    res.status(201).location(`/api/procedures/${code}/profile`).json({ ...profileView(saved.profile), rules: saved.rules });
  });
  return r;
}

/** What an administrator may correct in a procedure's profile; anything left out stays as it is. */
export const profileChangesSchema = z
  .object({
    level: z.enum(['commune', 'province']).optional(),
    /** The deciding department (an agency code) of a province-level procedure; null for the commune. */
    departmentCode: z.string().min(1).max(50).nullable().optional(),
    onlineLevel: z.enum(['full', 'partial', 'counter']).optional(),
    portalIntegrated: z.boolean().optional(),
    note: z.string().trim().min(1).max(500).optional(),
  })
  .strict()
  .refine((c) => c.level !== undefined || c.departmentCode !== undefined || c.onlineLevel !== undefined || c.portalIntegrated !== undefined, {
    message: 'nothing to change: give level, departmentCode, onlineLevel or portalIntegrated',
  });

/** The profile asked for: the current one with the changes; a procedure moved to the commune drops its department. */
function nextProfile(current: LaoCaiProfile, c: Omit<z.infer<typeof profileChangesSchema>, 'note'>): LaoCaiProfile {
  const level = c.level ?? current.level;
  const departmentCode = c.departmentCode !== undefined ? c.departmentCode : level === 'commune' ? null : current.departmentCode;
  return { level, departmentCode, onlineLevel: c.onlineLevel ?? current.onlineLevel, portalIntegrated: c.portalIntegrated ?? current.portalIntegrated };
}

type CodeRow = { code: string; total: number };
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows);

/** One page in a plain order, coded procedures first (they are the ones most asked for), with the total. */
async function orderedPage(db: Db, where: SQL, column: SQL, order: 'ASC' | 'DESC', offset: number, limit: number) {
  const dir = order === 'ASC' ? sql`asc` : sql`desc`;
  const rows = rowsOf<CodeRow>(
    await db.execute(sql`select code, (count(*) over ())::int as total from procedures where ${where} order by coded desc, ${column} ${dir}, code offset ${offset} limit ${limit}`),
  );
  return { codes: rows.map((x) => x.code), total: rows[0]?.total ?? (offset > 0 ? await countOf(db, where) : 0) };
}

async function rankedPage(db: Db, q: string, where: SQL, offset: number, limit: number, prefer?: 'commune' | 'province') {
  // The page and the total in one query (api/procedure-search.ts).
  const { hits, total } = await searchPage(db, q, { offset, limit, within: where, prefer });
  return { codes: hits.map((h) => h.code), total };
}

async function countOf(db: Db, where: SQL): Promise<number> {
  return rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from procedures where ${where}`))[0]?.n ?? 0;
}

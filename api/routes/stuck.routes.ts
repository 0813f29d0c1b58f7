import { subject } from '@casl/ability';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { and, asc, desc, eq, isNotNull, type SQL } from 'drizzle-orm';
import { Router } from 'express';
import { z } from 'zod';
import { recordEvent } from '../../activities/projection-store';
import { dossiers, type DossierRow } from '../../db/schema';
import { STUCK_KINDS } from '../../domain/status';
import { emit } from '../../domain/lifecycle/reduce';
import { actorOf, requireUser } from '../middleware/auth';
import { repairUpdate } from '../../workflows/messages';
import type { AppContext } from '../context';
import { parseListParams, sendList } from '../list-params';
import { badRequest, conflict, forbidden, fromZod, notFound } from '../problem';
import { dossierScope } from '../scope';

const stuckFilter = z.object({ kind: z.enum(STUCK_KINDS).optional(), agencyCode: z.string().optional() }).strict();
const SORTABLE = { stuckAt: dossiers.stuckAt, code: dossiers.code } as const;
export const stuckListParams = { filter: stuckFilter, sort: Object.keys(SORTABLE) };

export const repairBodySchema = z
  .object({
    /** retry: record the set-aside change again, after the cause was fixed; close: drop it for good. */
    mode: z.enum(['retry', 'close']),
    reason: z.string().trim().min(3, 'a reason of at least 3 characters is required').max(2000),
  })
  .strict();

/** What the stuck list shows: where the dossier is and why it is stuck, nothing of the file itself. */
export function stuckView(row: DossierRow) {
  return {
    code: row.code,
    procedureCode: row.procedureCode,
    agencyCode: row.agencyCode,
    receivingAgencyCode: row.receivingAgencyCode,
    status: row.status,
    stuckAt: row.stuckAt?.toISOString() ?? null,
    stuckKind: row.stuckKind,
    stuckReason: row.stuckReason,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const REFUSALS: Record<string, (m: string) => Error> = {
  'illegal-transition': (m) => conflict('illegal-transition', m),
  forbidden: (m) => forbidden(m),
  'invalid-body': (m) => badRequest(m),
};

/**
 * Stuck dossiers (docs/operations.md, "Stuck dossiers"): the list for supervisors and
 * administrators, each in their subtree, and an administrator's repair — sent to the dossier's
 * workflow, which records it as a `repaired` event in the hash-chained trail. Mounted before the
 * dossier routes: `/dossiers/stuck` is not a dossier code.
 */
export function stuckRoutes(ctx: AppContext): Router {
  const r = Router();
  const db = ctx.dbh.db;

  r.get('/dossiers/stuck', requireUser, async (req, res) => {
    if (!req.ability!.can('triage', 'Dossier')) throw forbidden('the stuck list is for supervisors and administrators');
    const p = parseListParams(req, stuckFilter, Object.keys(SORTABLE), { field: 'stuckAt', order: 'ASC' });
    const scope = dossierScope(req.ability!, 'triage');
    if (!scope) return sendList(res, 'dossiers', p.offset, [], 0);
    const where = and(scope, isNotNull(dossiers.stuckAt), ...filters(p.filter));
    const order = p.sort.order === 'ASC' ? asc : desc;
    const rows = await db.select().from(dossiers).where(where).orderBy(order(SORTABLE[p.sort.field as keyof typeof SORTABLE]), asc(dossiers.code)).limit(p.limit).offset(p.offset);
    // Stuck dossiers are few (a partial index holds them): a plain count is cheap.
    const total = p.offset === 0 && rows.length < p.limit ? rows.length : await db.$count(dossiers, where);
    sendList(res, 'dossiers', p.offset, rows.map(stuckView), total);
  });

  r.post('/dossiers/:code/repair', requireUser, async (req, res) => {
    if (!req.ability!.can('repair', 'Dossier')) throw forbidden('only an administrator repairs a dossier');
    const body = repairBodySchema.safeParse(req.body);
    if (!body.success) throw fromZod(body.error);
    const code = String(req.params.code);
    const [row] = await db.select().from(dossiers).where(eq(dossiers.code, code));
    if (!row || !req.ability!.can('triage', subject('Dossier', { agencyCode: row.agencyCode } as Record<string, unknown>))) throw notFound(`dossier ${code}`);
    if (!req.ability!.can('repair', subject('Dossier', { agencyCode: row.agencyCode } as Record<string, unknown>))) throw forbidden();
    if (row.stuckKind === 'retrying') throw conflict('still-retrying', 'recording is being retried; it clears by itself once the cause is fixed');
    if (row.stuckKind !== 'record-failed') throw conflict('not-stuck', `dossier ${code} is not stuck`);
    try {
      await ctx.temporal.workflow.getHandle(code).executeUpdate(repairUpdate, { args: [{ actor: actorOf(req.user!), ...body.data }] });
    } catch (err) {
      const cause = err instanceof WorkflowUpdateFailedError ? err.cause : undefined;
      const refusal = cause instanceof ApplicationFailure && cause.type ? REFUSALS[cause.type] : undefined;
      if (refusal) throw refusal(cause!.message);
      if (!isWorkflowGone(err)) throw err;
      // No workflow writes this trail any more: the API appends the closing repair itself.
      if (body.data.mode === 'retry') throw conflict('dossier-closed', 'the dossier is closed: its set-aside change can only be closed, not retried');
      await recordEvent(db, emit(row.state, row.state, 'repaired', actorOf(req.user!), Date.now(), { mode: 'close', reason: body.data.reason, workflowClosed: true }));
    }
    const [fresh] = await db.select().from(dossiers).where(eq(dossiers.code, code));
    res.json(stuckView(fresh ?? row));
  });
  return r;
}

function isWorkflowGone(err: unknown): boolean {
  return (err as Error)?.name === 'WorkflowNotFoundError' || /already completed/i.test((err as Error)?.message ?? '');
}

function filters(f: z.infer<typeof stuckFilter>): SQL[] {
  const out: SQL[] = [];
  if (f.kind) out.push(eq(dossiers.stuckKind, f.kind));
  if (f.agencyCode) out.push(eq(dossiers.agencyCode, f.agencyCode));
  return out;
}

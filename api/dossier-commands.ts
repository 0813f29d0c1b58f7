import { createHash } from 'node:crypto';
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { eq } from 'drizzle-orm';
import { canonicalJson } from '../activities/audit/chain';
import { loadCalendarOverrides } from '../activities/calendar-overrides';
import { recordSubmissionIn } from '../activities/projection-store';
import type { Db } from '../db/client';
import { prepared } from '../db/prepared';
import { submissions, type DossierRow } from '../db/schema';
import type { ActionRequest } from '../domain/actions';
import type { Applicant } from '../domain/applicant';
import { createCalendar } from '../domain/calendar';
import { deadlineFor } from '../domain/deadline-choice';
import { feeOf } from '../domain/fees';
import { submit } from '../domain/lifecycle';
import type { DossierState } from '../domain/lifecycle/state';
import { rulesOf, type Channel, type ProcedureRules } from '../domain/procedure';
import type { Actor } from '../domain/roles';
import { ensureDossierWorkflow, startDossierWorkflow } from '../temporal/dossier-starts';
import { getProcedure } from '../procedures';
import { actUpdate, type DossierWorkflowInput } from '../workflows/messages';
import { communeCategoryOf } from './commune-categories';
import { claimDossierCode } from './dossier-code';
import { badRequest, conflict, forbidden, HttpProblem, unprocessable } from './problem';

export interface SubmitInput {
  procedureCode: string;
  agencyCode: string;
  channel: Channel;
  applicant: Applicant;
  form: Record<string, unknown>;
  attachments: string[];
}

/**
 * Records the submission — the submission row, the dossier's first event (the domain's own
 * `submit`, as the workflow would make it) and its projection, in one transaction, once per
 * Idempotency-Key — then starts the workflow from that state, with the dossier code as workflow
 * id. The citizen's answer waits for one PostgreSQL transaction and one workflow start, not for
 * the workflow's first task. A start that never reaches Temporal is retried by the key's retry or
 * by the API process's sweep (temporal/dossier-starts.ts); the workflow owns every change after this.
 */
export async function submitDossier(
  db: Db,
  temporal: Client,
  input: SubmitInput,
  by: { actor: Actor; applicantUserId: string | null },
  idempotencyKey: string | undefined,
  opts: {
    /** The procedure version the dossier pins (code@version): the current one, from ProcedureVersions. */
    rules?: ProcedureRules;
    /** The instant the submission is taken at; injected so deadline tests use fixed instants. */
    clock?: () => number;
    /** Scatters the code's NNNN (api/dossier-code.ts); without it the suffix is the plain sequence. */
    codeKey?: Buffer;
    /**
     * The agency that receives and decides the dossier when the rules give it to another body than
     * the commune filed at (api/deciding-agency.ts): the dossier's code, fee and commune category
     * stay the commune's.
     */
    decidingAgency?: string;
    /** Also recorded in the submission's transaction, for a new dossier only (an assisted filing's consent). */
    alsoRecord?: (tx: Parameters<Parameters<Db['transaction']>[0]>[0], code: string) => Promise<void>;
  } = {},
): Promise<{ code: string; created: boolean; /** The dossier as just recorded, when this call created it. */ row?: DossierRow; startError?: unknown }> {
  const definition = getProcedure(input.procedureCode);
  if (!definition) throw badRequest(`unknown procedure ${input.procedureCode}`);
  const procedure = opts.rules ?? rulesOf(definition);
  const clock = opts.clock ?? Date.now;
  if (procedure.decidedBy && !opts.decidingAgency) throw new Error(`procedure ${procedure.code}@${procedure.version} is decided by the ${procedure.decidedBy}: give the deciding agency`);
  const holder = opts.decidingAgency ?? input.agencyCode;
  const requestHash = createHash('sha256').update(canonicalJson(input)).digest('hex');
  const first = await db.transaction(async (tx) => {
    if (idempotencyKey) {
      const [seen] = await prepared(tx.select().from(submissions).where(eq(submissions.idempotencyKey, idempotencyKey)), 'submission_by_key');
      if (seen) {
        if (seen.requestHash !== requestHash) {
          throw conflict('idempotency-key-reused', 'this Idempotency-Key was used for a different request');
        }
        return { code: seen.dossierCode, created: false as const };
      }
    }
    const now = clock();
    const sub = { applicant: input.applicant, applicantUserId: by.applicantUserId, form: input.form, submittedBy: by.actor };
    // The submission row claims the code: a code already given out inserts nothing and the next is tried.
    const code = await claimDossierCode(tx, input.agencyCode, now, opts.codeKey, async (candidate) => {
      const row = {
        ...sub,
        dossierCode: candidate,
        idempotencyKey: idempotencyKey ?? null,
        requestHash,
        procedureCode: input.procedureCode,
        agencyCode: input.agencyCode,
        channel: input.channel,
        attachments: input.attachments,
      };
      const claimed = await prepared(tx.insert(submissions).values(row).onConflictDoNothing({ target: submissions.dossierCode }).returning({ code: submissions.dossierCode }), 'submission_insert');
      return claimed.length > 0;
    });
    await opts.alsoRecord?.(tx, code);
    const calendarOverrides = await loadCalendarOverrides(tx);
    // Chosen once here and pinned in the state: the list of communes or the rules may change later.
    const deadline = deadlineFor(procedure, input.channel, await communeCategoryOf(tx, input.agencyCode));
    const fee = feeOf(procedure, input.channel, input.form);
    const workflowInput: DossierWorkflowInput = {
      code,
      procedureCode: input.procedureCode,
      channel: input.channel,
      agencyCode: holder,
      applicantUserId: by.applicantUserId,
      submittedBy: by.actor,
      rules: procedure,
      calendarOverrides,
    };
    const submitted = submit({ ...workflowInput, procedure, fee, deadline }, { procedure, calendar: createCalendar(calendarOverrides), now });
    const row = await recordSubmissionIn(tx, submitted, sub);
    return { code, created: true as const, row, workflowInput: { ...workflowInput, state: submitted.state } };
  });
  try {
    if (first.created) await startDossierWorkflow(db, temporal, first.workflowInput);
    else await ensureDossierWorkflow(db, temporal, first.code);
  } catch (startError) {
    // The dossier is recorded and will be started by the sweep: the citizen's submission stands.
    return { code: first.code, created: first.created, ...(first.created ? { row: first.row } : {}), startError };
  }
  return { code: first.code, created: first.created, ...(first.created ? { row: first.row } : {}) };
}

const REFUSAL_STATUS: Record<string, number> = { 'illegal-transition': 409, 'not-recorded': 409, forbidden: 403, rule: 422, 'invalid-body': 400 };

/** Sends an action to the dossier's workflow; its validator's refusal becomes a 4xx with the reason. */
export async function actOnDossier(temporal: Client, code: string, actor: Actor, request: ActionRequest): Promise<DossierState> {
  try {
    return await temporal.workflow.getHandle(code).executeUpdate(actUpdate, { args: [{ actor, request }] });
  } catch (err) {
    const cause = err instanceof WorkflowUpdateFailedError ? err.cause : undefined;
    if (cause instanceof ApplicationFailure && cause.type && cause.type in REFUSAL_STATUS) {
      const status = REFUSAL_STATUS[cause.type]!;
      if (status === 409) throw conflict(cause.type, cause.message);
      if (status === 403) throw forbidden(cause.message);
      if (status === 422) throw unprocessable(cause.message);
      throw badRequest(cause.message);
    }
    if (isWorkflowGone(err)) throw conflict('dossier-closed', 'the dossier is closed; no action can change it now');
    throw err;
  }
}

function isWorkflowGone(err: unknown): boolean {
  const name = (err as Error)?.name ?? '';
  return name === 'WorkflowNotFoundError' || /workflow execution already completed/i.test((err as Error)?.message ?? '');
}

export { HttpProblem };

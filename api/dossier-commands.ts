import { createHash } from 'node:crypto';
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { eq } from 'drizzle-orm';
import { canonicalJson } from '../activities/audit/chain';
import type { Db } from '../db/client';
import { submissions } from '../db/schema';
import type { ActionRequest } from '../domain/actions';
import type { Applicant } from '../domain/applicant';
import type { DossierState } from '../domain/lifecycle/state';
import type { Channel } from '../domain/procedure';
import type { Actor } from '../domain/roles';
import { dossierWorkflow } from '../workflows/dossier.workflow';
import { actUpdate, syncedUpdate, TASK_QUEUE, type DossierWorkflowInput } from '../workflows/messages';
import { nextDossierCode } from './dossier-code';
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
 * Stores the submission (once per Idempotency-Key), then starts its workflow with the dossier
 * code as workflow id, so a retry — of the request or of this function — can never start two.
 * Resolves when the workflow has recorded the dossier in PostgreSQL.
 */
export async function submitDossier(
  db: Db,
  temporal: Client,
  input: SubmitInput,
  by: { actor: Actor; applicantUserId: string | null },
  idempotencyKey: string | undefined,
): Promise<{ code: string; created: boolean; state: DossierState }> {
  const requestHash = createHash('sha256').update(canonicalJson(input)).digest('hex');
  const { code, created } = await db.transaction(async (tx) => {
    if (idempotencyKey) {
      const [seen] = await tx.select().from(submissions).where(eq(submissions.idempotencyKey, idempotencyKey));
      if (seen) {
        if (seen.requestHash !== requestHash) {
          throw conflict('idempotency-key-reused', 'this Idempotency-Key was used for a different request');
        }
        return { code: seen.dossierCode, created: false };
      }
    }
    const dossierCode = await nextDossierCode(tx, input.agencyCode, Date.now());
    await tx.insert(submissions).values({
      dossierCode,
      idempotencyKey: idempotencyKey ?? null,
      requestHash,
      procedureCode: input.procedureCode,
      agencyCode: input.agencyCode,
      channel: input.channel,
      applicant: input.applicant,
      applicantUserId: by.applicantUserId,
      form: input.form,
      attachments: input.attachments,
      submittedBy: by.actor,
    });
    return { code: dossierCode, created: true };
  });
  const workflowInput: DossierWorkflowInput = {
    code,
    procedureCode: input.procedureCode,
    channel: input.channel,
    agencyCode: input.agencyCode,
    applicantUserId: by.applicantUserId,
    submittedBy: by.actor,
  };
  const handle = await temporal.workflow.start(dossierWorkflow, {
    workflowId: code,
    taskQueue: TASK_QUEUE,
    args: [workflowInput],
    workflowIdConflictPolicy: 'USE_EXISTING',
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
  });
  const state = await handle.executeUpdate(syncedUpdate);
  return { code, created, state };
}

const REFUSAL_STATUS: Record<string, number> = { 'illegal-transition': 409, forbidden: 403, rule: 422, 'invalid-body': 400 };

/** Sends an action to the dossier's workflow; its validator's refusal becomes a 4xx with the reason. */
export async function actOnDossier(temporal: Client, code: string, actor: Actor, request: ActionRequest): Promise<DossierState> {
  try {
    return await temporal.workflow.getHandle(code).executeUpdate(actUpdate, { args: [{ actor, request }] });
  } catch (err) {
    const cause = err instanceof WorkflowUpdateFailedError ? err.cause : undefined;
    if (cause instanceof ApplicationFailure && cause.type && cause.type in REFUSAL_STATUS) {
      const status = REFUSAL_STATUS[cause.type]!;
      if (status === 409) throw conflict('illegal-transition', cause.message);
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

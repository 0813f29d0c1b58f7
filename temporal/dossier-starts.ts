import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { and, eq, isNull, lt, notInArray, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/client';
import { prepared } from '../db/prepared';
import { dossiers, procedureVersions, submissions } from '../db/schema';
import type { DossierState } from '../domain/lifecycle/state';
import { dossierWorkflow } from '../workflows/dossier.workflow';
import { TASK_QUEUE, type DossierWorkflowInput } from '../workflows/messages';

/**
 * Starts the workflow of a submission the API has already recorded (dossier row + 'submit'
 * event), with the dossier code as workflow id, then marks the submission started. Safe to call
 * again for the same dossier: a running workflow is kept (USE_EXISTING), a closed one is never
 * started twice (REJECT_DUPLICATE).
 */
export async function startDossierWorkflow(db: Pick<Db, 'update'>, temporal: Client, input: DossierWorkflowInput & { state: DossierState }): Promise<void> {
  try {
    await temporal.workflow.start(dossierWorkflow, {
      workflowId: input.code,
      taskQueue: TASK_QUEUE,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  await prepared(db.update(submissions).set({ workflowStartedAt: new Date() }).where(eq(submissions.dossierCode, input.code)), 'submission_started');
}

/** The workflow input of a recorded submission whose start may not have reached Temporal. */
async function pendingInput(db: Pick<Db, 'select'>, code: string) {
  const [row] = await db
    .select({ sub: submissions, state: dossiers.state })
    .from(submissions)
    .innerJoin(dossiers, eq(dossiers.code, submissions.dossierCode))
    .where(eq(submissions.dossierCode, code));
  if (!row) return null;
  const { sub, state } = row;
  // The rules the submission pinned, read back from the version it recorded.
  const [pinned] = await db
    .select({ rules: procedureVersions.rules })
    .from(procedureVersions)
    .where(and(eq(procedureVersions.code, sub.procedureCode), eq(procedureVersions.version, state.procedureVersion)));
  const input: DossierWorkflowInput & { state: DossierState } = {
    code,
    procedureCode: sub.procedureCode,
    channel: sub.channel,
    agencyCode: sub.agencyCode,
    applicantUserId: sub.applicantUserId,
    submittedBy: sub.submittedBy,
    ...(pinned ? { rules: pinned.rules } : {}),
    state,
  };
  return { input, started: sub.workflowStartedAt !== null };
}

/** For a retried submission: makes sure its workflow runs (the first attempt may have died before starting it). */
export async function ensureDossierWorkflow(db: Db, temporal: Client, code: string): Promise<void> {
  const p = await pendingInput(db, code);
  if (p && !p.started) await startDossierWorkflow(db, temporal, p.input);
}

/**
 * Starts the workflows of submissions recorded at least `olderThanMs` ago whose start never
 * reached Temporal (the API process died, or Temporal was down, between commit and start).
 * Every API process runs this sweep: each submission is claimed with FOR UPDATE SKIP LOCKED in a
 * transaction that lasts until its start is recorded, so two sweeps never start the same one
 * (docs/production.md). Returns how many it started.
 */
export async function startPendingWorkflows(db: Db, temporal: Client, olderThanMs = 30_000, batch = 100): Promise<number> {
  let started = 0;
  const skipped: string[] = [];
  for (let i = 0; i < batch; i++) {
    const claimed = await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ code: submissions.dossierCode })
        .from(submissions)
        .where(
          and(
            isNull(submissions.workflowStartedAt),
            lt(submissions.createdAt, sql`now() - make_interval(secs => ${olderThanMs / 1000})`),
            skipped.length ? notInArray(submissions.dossierCode, skipped) : undefined,
          ),
        )
        .orderBy(submissions.createdAt)
        .limit(1)
        .for('update', { skipLocked: true });
      if (!row) return false;
      const p = await pendingInput(tx, row.code);
      // Both rows are written in one transaction; a submission without its dossier is skipped, not guessed at.
      if (!p || p.started) return (skipped.push(row.code), null);
      await startDossierWorkflow(tx, temporal, p.input);
      started++;
      return true;
    });
    if (claimed === false) break;
  }
  return started;
}

/** Runs startPendingWorkflows every `intervalMs` until stopped; a failed round is logged and retried. */
export function sweepPendingWorkflows(db: Db, temporal: Client, log: Logger, intervalMs = 15_000): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const round = async () => {
    try {
      const started = await startPendingWorkflows(db, temporal);
      if (started > 0) log.warn({ started }, 'started the workflows of submissions whose start had not reached Temporal');
    } catch (err) {
      log.error({ err }, 'pending workflow sweep failed; will retry');
    }
  };
  const timer = setInterval(() => {
    running = running.then(round);
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

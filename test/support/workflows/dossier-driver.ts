// A small driver for one dossier's workflow in the workflow tests: actions, payments and time,
// the way the API and the payment gateway would drive it.
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { ActionBodies, ActionRequest } from '../../../domain/actions';
import type { DossierEvent, DossierState } from '../../../domain/lifecycle/state';
import { stageOf, type ProcedureDefinition } from '../../../domain/procedure';
import type { Actor } from '../../../domain/roles';
import type { dossierWorkflow } from '../../../workflows/dossier.workflow';
import { actUpdate, paymentSignal, stateQuery, syncedUpdate } from '../../../workflows/messages';
import { COMMUNE, officer } from './constants';
import type { FakeActivities } from './fake-activities';

/** What a driver needs of its test environment (a WorkflowTestEnv is one). */
export interface DriverHost {
  env: TestWorkflowEnvironment;
  activities: FakeActivities;
  now(): Promise<number>;
}

/** One dossier's workflow, driven the way the API would drive it. */
export class DossierDriver {
  constructor(
    readonly t: DriverHost,
    readonly procedure: ProcedureDefinition,
    readonly handle: WorkflowHandle<typeof dossierWorkflow>,
    readonly code: string,
  ) {}

  /** The state once every event so far is recorded (the final state once the workflow is closed). */
  async synced(): Promise<DossierState> {
    try {
      return await this.handle.executeUpdate(syncedUpdate);
    } catch (err) {
      // A closed workflow takes no updates; it recorded everything before it returned.
      if ((await this.handle.describe()).status.name === 'RUNNING') throw err;
      return this.handle.result();
    }
  }
  query(): Promise<DossierState> {
    return this.handle.query(stateQuery);
  }
  get events(): DossierEvent[] {
    return this.t.activities.eventsOf(this.code);
  }

  /** An action that must be accepted; resolves with the state once its event is recorded. */
  act(actor: Actor, request: ActionRequest): Promise<DossierState> {
    return this.handle.executeUpdate(actUpdate, { args: [{ actor, request }] });
  }

  /** An action that must be refused: the ApplicationFailure the update was rejected with. */
  async refused(actor: Actor, request: ActionRequest): Promise<ApplicationFailure> {
    try {
      await this.act(actor, request);
    } catch (err) {
      const cause = err instanceof WorkflowUpdateFailedError ? err.cause : undefined;
      if (cause instanceof ApplicationFailure) return cause;
      throw err;
    }
    throw new Error(`'${request.action}' by ${actor.id} was accepted`);
  }

  /** A confirmed payment from the gateway, of the dossier's fee; resolves once it is recorded. */
  async pay(transactionId = `tx-${randomUUID()}`, amount?: number): Promise<DossierState> {
    const before = await this.query();
    await this.handle.signal(paymentSignal, { transactionId, amount: amount ?? before.fee, paidAt: new Date(await this.t.now()).toISOString() });
    // The signal is handled asynchronously: wait until the workflow has seen it, then until it is recorded.
    for (let i = 0; i < 200; i++) {
      const s = await this.synced();
      if (s.transactionIds.includes(transactionId)) return s;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`payment ${transactionId} was never handled`);
  }

  /** Skips (virtual) time to `at`, then waits until whatever fired is recorded. */
  async sleepUntil(at: number): Promise<DossierState> {
    const now = await this.t.now();
    if (at > now) await this.t.env.sleep(at - now);
    return this.synced();
  }

  /** The whole process at the deciding agency, from received to the result ready. */
  async process(agencyCode: string): Promise<DossierState> {
    await this.act(officer('desk-officer', agencyCode), { action: 'assign', body: { assigneeId: officer('specialist', agencyCode).id } });
    let s = await this.act(officer('specialist', agencyCode), { action: 'verify', body: {} });
    s = await this.throughHeldStages(agencyCode, s);
    if (s.status === 'AWAITING_PAYMENT') s = await this.pay();
    if (s.status === 'AWAITING_APPROVAL') s = await this.act(officer('leader', agencyCode), { action: 'approve', body: {} });
    return s;
  }

  /**
   * Every stage that holds the dossier after its review, in the order its list has them: the
   * posting (its timer), the site visit (scheduled, then its minutes), the consultation (nobody to
   * ask, which ends it at once) and the financial obligations (slip, notice, receipt).
   */
  async throughHeldStages(agencyCode: string, s: DossierState): Promise<DossierState> {
    const specialist = officer('specialist', agencyCode);
    for (let guard = 0; s.stage && guard < 10; guard++) {
      const kind = s.stage.kind;
      if (kind === 'post') s = await this.throughPosting(agencyCode, s);
      else if (kind === 'inspect') {
        const at = (await this.t.now()) + 60 * 60_000;
        await this.act(specialist, { action: 'schedule-inspection', body: { at: new Date(at).toISOString(), place: 'Thửa đất số 12, tờ bản đồ số 3' } });
        await this.sleepUntil(at + 60_000);
        s = await this.act(specialist, { action: 'record-inspection', body: { minutes: { id: 'minutes', name: 'bien-ban.pdf' }, outcome: 'conforms' } });
      } else if (kind === 'consult') {
        s = await this.act(specialist, { action: 'request-opinions', body: { agencies: [], note: 'không cần xin ý kiến: công trình phù hợp quy hoạch' } });
      } else if (kind === 'tax') {
        await this.act(specialist, { action: 'send-to-tax', body: { slipNo: 'PCTT-1' } });
        await this.act(specialist, { action: 'record-tax-notice', body: { noticeNo: 'TB-1', amount: 1_000_000 } });
        s = await this.act(specialist, { action: 'record-tax-payment', body: { receiptNo: 'CT-1' } });
      }
    }
    return s;
  }

  /**
   * A public posting, when the dossier entered one, until it ends by its timer. Handed off along a
   * route, the deciding agency sends it to the receiving commune to post and the commune sends it back.
   */
  async throughPosting(agencyCode: string, s: DossierState): Promise<DossierState> {
    if (s.stage?.kind !== 'post') return s;
    const routed = this.procedure.handoff?.route !== undefined && agencyCode !== COMMUNE;
    if (routed) await this.act(officer('specialist', agencyCode), { action: 'forward', body: { agencyCode: COMMUNE } });
    s = await this.sleepUntil(s.posting!.endsAt + 60_000);
    if (routed) s = await this.act(officer('leader', COMMUNE), { action: 'forward', body: { agencyCode } });
    return s;
  }

  /** Received at the desk; a fee paid up front is paid right away, so the processing clock runs. */
  async receive(opts: { payUpFront?: boolean } = {}): Promise<DossierState> {
    const s = await this.act(officer('desk-officer', COMMUNE), { action: 'receive', body: {} });
    if (s.status === 'AWAITING_PAYMENT' && (opts.payUpFront ?? true)) return this.pay();
    return s;
  }

  /** The dossier at the agency that decides it, with the clock running (forwarded when province level). */
  async toDecidingAgency(): Promise<{ state: DossierState; agencyCode: string }> {
    let state = await this.receive();
    const h = this.procedure.handoff;
    if (this.procedure.level === 'province' && h) {
      state = await this.act(officer('desk-officer', COMMUNE), { action: 'forward', body: { agencyCode: h.departmentCode } });
      return { state, agencyCode: h.departmentCode };
    }
    return { state, agencyCode: COMMUNE };
  }

  /** Submission to delivery, every stage the procedure has. */
  async happyPath(): Promise<DossierState> {
    const { agencyCode } = await this.toDecidingAgency();
    let s = await this.process(agencyCode);
    if (agencyCode !== COMMUNE) s = await this.act(officer('desk-officer', agencyCode), { action: 'return', body: {} });
    if (s.status !== 'RESULT_READY') throw new Error(`expected RESULT_READY, got ${s.status}`);
    return this.act(officer('desk-officer', COMMUNE), { action: 'deliver', body: handOver(this.procedure) });
  }
}

/**
 * The hand-over a procedure's result allows (domain/lifecycle/stages/deliver.ts): online when it is
 * electronic, else at the desk — to both spouses of its example form for a marriage certificate.
 */
export function handOver(p: ProcedureDefinition): ActionBodies['deliver'] {
  const result = stageOf(p, 'deliver')?.result ?? 'electronic';
  if (result === 'electronic') return { method: 'online' };
  if (result === 'paper') return { method: 'desk' };
  const f = p.example as Record<string, string>;
  return { method: 'desk', present: [{ name: f.groomName!, idNumber: f.groomIdNumber! }, { name: f.brideName!, idNumber: f.brideIdNumber! }] };
}

import { subject } from '@casl/ability';
import type { AppAbility } from '../domain/ability';
import { allowedActions } from '../domain/lifecycle';
import { hasRoute, plannedHop } from '../domain/lifecycle/hop-share';
import type { Actor } from '../domain/roles';
import { stageOf } from '../domain/procedure-rules';
import { CLOCK_RUNNING } from '../domain/status';
import type { DossierRow } from '../db/schema';
import { getProcedure } from '../procedures';
import { mask, maskPersonal } from '../domain/personal-data';
import type { ProcedureVersions } from './procedure-versions';
import { consultationView, inspectionView } from './stage-view';
import { temporalWorkflowUrl, type TemporalUi } from './temporal-link';
import { taxView } from './tax-view';

export { mask };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The row as an ability subject: the fields CASL conditions name (`handledBy`: every agency in its
 * shares; `consultedBy`: every agency asked for its opinion; `askedNow`: those whose answer is awaited).
 */
export const dossierSubject = (row: Pick<DossierRow, 'agencyCode' | 'receivingAgencyCode' | 'applicantUserId'> & { helperUserId?: string | null; state?: Pick<DossierRow['state'], 'shares' | 'consultation'> }) => {
  const asks = row.state?.consultation?.asks ?? [];
  return subject('Dossier', {
    agencyCode: row.agencyCode,
    receivingAgencyCode: row.receivingAgencyCode,
    applicantUserId: row.applicantUserId,
    helperUserId: row.helperUserId ?? null,
    handledBy: (row.state?.shares ?? []).map((s) => s.agencyCode),
    consultedBy: asks.map((a) => a.agencyCode),
    askedNow: asks.filter((a) => a.answer === null).map((a) => a.agencyCode),
  } as Record<string, unknown>);
};

/** Overdue is derived, never stored: past due while the office (not the citizen) holds it. */
export const isOverdue = (row: DossierRow, now = Date.now()) =>
  row.finishedAt === null && row.dueAt !== null && row.dueAt.getTime() < now && CLOCK_RUNNING.has(row.status);

/**
 * The Dossier of the API contract, with personal fields only for those allowed to read them,
 * and for staff a link to its workflow in the Temporal Web UI when one is configured.
 */
export function dossierView(row: DossierRow, ability: AppAbility, actor: Actor, versions: Pick<ProcedureVersions, 'at'>, temporalUi?: TemporalUi) {
  const s = dossierSubject(row);
  const may = (field: string) => ability.can('read', s, field);
  const procedure = getProcedure(row.procedureCode);
  const st = row.state;
  // What may be done now follows the rules the dossier pinned, not the current version.
  const rules = versions.at(row.procedureCode, st.procedureVersion);
  return {
    code: row.code,
    procedureCode: row.procedureCode,
    procedureVersion: st.procedureVersion,
    procedureName: procedure?.name ?? null,
    status: row.status,
    channel: row.channel,
    applicant: {
      fullName: row.applicantName,
      idNumber: may('applicant.idNumber') ? row.applicantIdNumber : mask(row.applicantIdNumber),
      phone: may('applicant.phone') ? row.applicantPhone : mask(row.applicantPhone),
      email: may('applicant.email') ? row.applicantEmail : null,
      address: may('applicant.address') ? row.applicantAddress : null,
    },
    // Oversight reads the form with its personal fields masked; an unknown procedure, none of it.
    form: may('form.personal') ? row.form : procedure ? maskPersonal(procedure.form, row.form) : null,
    receivingAgencyCode: row.receivingAgencyCode,
    agencyCode: row.agencyCode,
    assigneeId: row.assigneeId,
    receivedAt: iso(row.receivedAt),
    dueAt: iso(row.dueAt),
    // The deadline the dossier runs on: the one its channel and commune chose at submission (pinned), else its rules'.
    deadline: st.deadline ?? rules?.deadline ?? null,
    stageDueAt: iso(row.stageDueAt),
    finishedAt: iso(row.finishedAt),
    overdue: isOverdue(row),
    fee: row.fee,
    paid: row.paid,
    missing: st.missing,
    supplementDueAt: st.supplementDueAt ? new Date(st.supplementDueAt).toISOString() : null,
    paymentDueAt: st.paymentDueAt ? new Date(st.paymentDueAt).toISOString() : null,
    extended: st.extended,
    // The due date the law set, which an apology's new appointment (`dueAt`) never moves, and the
    // class of the result against it (docs/decision-766.md).
    originalDueAt: st.originalDueAt ? new Date(st.originalDueAt).toISOString() : null,
    resultReadyAt: st.resultReadyAt ? new Date(st.resultReadyAt).toISOString() : null,
    timeliness: st.timeliness ?? null,
    // Financial obligations (a tax stage): the slip, notice and receipt, and the working time not counted.
    tax: taxView(st),
    shares: st.shares.map((x) => ({ ...x, enteredAt: new Date(x.enteredAt).toISOString(), leftAt: x.leftAt ? new Date(x.leftAt).toISOString() : null, dueAt: x.dueAt ? new Date(x.dueAt).toISOString() : null })),
    // Handed off along a route (null: a single forward, or none): its next hop (target and share), for the forwarding officer's dialog.
    handoffRoute: rules && hasRoute(rules) ? { next: plannedHop(st, rules) } : null,
    rating: st.rating,
    inspection: inspectionView(st),
    consultation: consultationView(st),
    // How the result is handed over, by the pinned rules (rules without a result kind: electronic).
    result: (rules && stageOf(rules, 'deliver')?.result) ?? 'electronic',
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    allowedActions: rules && ability.can('act', s) ? allowedActions(st, rules, actor) : [],
    temporalUrl: temporalWorkflowUrl(temporalUi, actor, row.code),
  };
}

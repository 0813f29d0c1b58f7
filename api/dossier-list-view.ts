import type { DossierRow } from '../db/schema';
import { getProcedure } from '../procedures';
import type { DossierListItem } from './contract';
import { isOverdue } from './dossier-view';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const isoOf = (ms: number | null | undefined) => (ms ? new Date(ms).toISOString() : null);

/**
 * A row of GET /api/dossiers: what the officers' lists, the CSV export and the portal's list
 * show (api/openapi-responses.ts `dossierListItemResponse`). No personal field but the name
 * (every reader of a list may read the name; the ID number and phone are the dossier page's,
 * masked there by the reader's rights), no form, no allowed actions: building and sending those
 * for every row was most of a list's CPU (docs/scaling.md).
 */
export function dossierListItem(row: DossierRow): DossierListItem {
  const st = row.state;
  return {
    code: row.code,
    procedureCode: row.procedureCode,
    procedureVersion: st.procedureVersion,
    procedureName: getProcedure(row.procedureCode)?.name ?? null,
    status: row.status,
    channel: row.channel,
    applicant: { fullName: row.applicantName },
    receivingAgencyCode: row.receivingAgencyCode,
    agencyCode: row.agencyCode,
    assigneeId: row.assigneeId,
    receivedAt: iso(row.receivedAt),
    dueAt: iso(row.dueAt),
    stageDueAt: iso(row.stageDueAt),
    finishedAt: iso(row.finishedAt),
    overdue: isOverdue(row),
    fee: row.fee,
    paid: row.paid,
    supplementDueAt: isoOf(st.supplementDueAt),
    paymentDueAt: isoOf(st.paymentDueAt),
    timeliness: st.timeliness ?? null,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

import type { AppAbility } from '../domain/ability';
import { maskPersonal } from '../domain/personal-data';
import type { DossierEventRow, DossierRow } from '../db/schema';
import { getProcedure } from '../procedures';
import { dossierSubject } from './dossier-view';

/**
 * Notes a citizen reads in their trail: what the office writes to them (what is missing, why
 * it refused, the decision). Every other note (verify, forward, return…) is the office's own.
 */
const CITIZEN_NOTES = new Set(['request-supplement', 'request-completion', 'require-verification', 'not-accept', 'reject', 'approve', 'extend', 'withdraw', 'rate']);

type EventOut = Omit<DossierEventRow, 'actorId'> & { actorId?: string; actorName: string | null };

/**
 * One event of GET /api/dossiers/:code/events as the reader may see it (docs/security.md):
 *  - a role that may not read personal fields (supervisor) gets the personal fields of any
 *    `form` in the data masked by the procedure's tags, and no `applicant` data;
 *  - a reader who may not read the office's users (a citizen) gets no officer ids or names, no
 *    internal notes, no assignee id.
 */
export function eventView(e: DossierEventRow, actorName: string | null, row: DossierRow, ability: AppAbility): EventOut {
  const data = { ...(e.data as Record<string, unknown>) };
  if (!ability.can('read', dossierSubject(row), 'form.personal')) {
    const form = getProcedure(row.procedureCode)?.form;
    if ('form' in data) data.form = form ? maskPersonal(form, data.form) : null;
    delete data.applicant;
    // Who collected the result at the desk: names stay, their ID numbers are personal.
    if (Array.isArray(data.present)) data.present = (data.present as { name?: unknown }[]).map((p) => ({ name: p.name }));
  }
  if (ability.can('read', 'User')) return { ...e, data, actorName };
  const own = e.actorId === row.applicantUserId;
  if (!CITIZEN_NOTES.has(e.type)) delete data.note;
  delete data.assigneeId;
  const { actorId: _id, ...rest } = e;
  // The office acts as the office: its staff's accounts are not the citizen's to know.
  // The agency that acted stays: which office holds the file is the citizen's to know.
  return { ...rest, ...(own ? { actorId: e.actorId } : {}), data, actorName: own ? actorName : null };
}

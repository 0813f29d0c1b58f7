// The documents a dossier has and the data each prints (docs/forms.md), for the download route
// (api/routes/documents.routes.ts) and the citizen's document store (api/citizen-store.ts).
import { asc, eq, inArray } from 'drizzle-orm';
import { type DocumentData, type DocumentKind } from './documents/render';
import { dossierEvents, users, type DossierEventRow, type DossierRow } from '../db/schema';
import { loadCalendarOverrides } from '../activities/calendar-overrides';
import { createCalendar } from '../domain/calendar';
import { dueFrom } from '../domain/lifecycle/deadline';
import { documentChecklist } from '../domain/document-checklist';
import { stageOf, type Deadline } from '../domain/procedure-rules';
import { getProcedure } from '../procedures';
import { taxTransferData } from './tax-transfer-data';
import { dossierAttachments } from './attachment-records';
import { controlSheet } from './control-sheet-data';
import type { AppContext } from './context';
import { assistedFilingOf, assistedView } from './assisted-filing';
import type { ProcedureVersions } from './procedure-versions';

/**
 * The event of the desk's "ask for completion at reception" (form 02 before the dossier is
 * received). Its action lives with the `receive` stage; the form only reads its event.
 */
export const RECEPTION_COMPLETION_EVENT = 'request-completion';

type DocumentRow = Pick<DossierRow, 'status' | 'receivedAt' | 'dueAt' | 'state'>;

/** The documents a dossier has in its current state (workflows/README.md, docs/forms.md), in form order. */
export function availableDocuments(row: DocumentRow): DocumentKind[] {
  const out: DocumentKind[] = [];
  // The receipt carries the appointment date; a fee paid up front comes before it.
  if (row.receivedAt && row.dueAt) out.push('receipt');
  // Form 02: the review's supplement, or the desk's request for completion before receiving.
  if (row.state.supplementRequested || (!row.receivedAt && row.state.missing.length > 0)) out.push('supplement');
  if (row.status === 'NOT_ACCEPTED') out.push('refusal');
  if (row.state.extended) out.push('apology');
  if (row.status === 'REJECTED') out.push('rejection');
  if (row.status === 'RESULT_READY' || row.status === 'DELIVERED') out.push('result');
  return out;
}

/**
 * The documents the applicant may download. A result handed over only at the desk (a paper original,
 * a marriage certificate: the pinned rules' `deliver` result, docs/procedures.md) is not theirs to
 * download: that would be the online delivery the result's kind forbids.
 */
export function applicantDocuments(row: DocumentRow & Pick<DossierRow, 'procedureCode'>, versions: Pick<ProcedureVersions, 'at'>): DocumentKind[] {
  const rules = versions.at(row.procedureCode, row.state.procedureVersion);
  const online = ((rules && stageOf(rules, 'deliver')?.result) ?? 'electronic') === 'electronic';
  return availableDocuments(row).filter((k) => k !== 'result' || online);
}

/**
 * What officers see on the dossier page: the citizen's documents, form 05 kept at the desk, and
 * form 19 once the slip went to the tax office (the office's letter to the tax office, not the
 * applicant's).
 */
export function officerDocuments(row: DocumentRow): DocumentKind[] {
  const out = availableDocuments(row);
  if (!row.receivedAt) return out;
  const office: DocumentKind[] = ['control', ...(row.state.tax?.sentAt != null ? ['tax-transfer' as const] : [])];
  // In form order: after 01–04, before the decision.
  const decision = out.findIndex((k) => k === 'rejection' || k === 'result');
  out.splice(decision === -1 ? out.length : decision, 0, ...office);
  return out;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
/** The time the law gives, as the receipt (form 01) prints it: "03 ngày làm việc", "Trong ngày". */
function statutoryTimeOf(d: Deadline | undefined): string | undefined {
  if (d?.kind === 'same-day') return 'Trong ngày (nhận sau 15 giờ: ngày làm việc tiếp theo)';
  return d?.workingDays ? `${String(d.workingDays).padStart(2, '0')} ngày làm việc` : undefined;
}
const iso = (d: Date | number | null | undefined) => (d === null || d === undefined ? undefined : new Date(d).toISOString());

/**
 * The data each document prints for a dossier (docs/forms.md), or null when the dossier has no
 * such document for this reader: shared by the download route and the citizen's store (api/citizen-store.ts).
 */
export function documentDataSource(ctx: AppContext) {
  const db = ctx.dbh.db;

  /** The last event of one of `types`, if any. */
  const lastOf = (events: DossierEventRow[], ...types: string[]) => events.filter((e) => types.includes(e.type)).at(-1);

  const fullNameOf = async (userId: string) => (await db.select({ fullName: users.fullName }).from(users).where(eq(users.id, userId)))[0]?.fullName;

  /**
   * Form 01's list: the files received, against the procedure's checklist. A counter dossier
   * without a single file was handed over on paper, checked by the officer at the desk: its
   * receipt lists the checklist as received, as the paper form always did.
   */
  async function receiptDocuments(row: DossierRow) {
    const procedure = getProcedure(row.procedureCode);
    const files = await dossierAttachments(db, row.code);
    if (row.channel === 'counter' && files.length === 0) {
      return { documentsReceived: (procedure?.requiredDocuments ?? []).map((d) => ({ name: d.vi, files: ['bản giấy'] })), documentsMissing: [] };
    }
    const { required, extra } = documentChecklist(procedure?.requiredDocuments ?? [], files);
    const names = (files: { name: string }[]) => files.map((f) => f.name);
    return {
      documentsReceived: [
        ...required.filter((item) => item.files.length > 0).map((item) => ({ name: item.label.vi, files: names(item.files) })),
        ...(extra.length ? [{ name: 'Giấy tờ khác', files: names(extra) }] : []),
      ],
      documentsMissing: required.filter((item) => item.files.length === 0).map((item) => item.label.vi),
    };
  }

  /**
   * The appointment an apology replaces: the original due date the state keeps, else (dossiers
   * from before it was kept) the deadline of the rules the dossier pinned, from the clock's last start.
   */
  async function appointmentBeforeExtension(row: DossierRow): Promise<string | undefined> {
    const st = row.state;
    if (st.originalDueAt) return iso(st.originalDueAt);
    const rules = ctx.procedures.at(row.procedureCode, st.procedureVersion);
    if (!rules || st.clockStartAt === null) return undefined;
    const due = dueFrom(rules.deadline, st.clockStartAt, createCalendar(await loadCalendarOverrides(db)));
    return due === null ? undefined : iso(due);
  }

  /** `form`: the dossier's form as this reader may see it (masked for oversight). */
  async function documentData(kind: DocumentKind, row: DossierRow, officer: boolean, form: unknown = row.form): Promise<DocumentData | null> {
    if (!(officer ? officerDocuments(row) : applicantDocuments(row, ctx.procedures)).includes(kind)) return null;
    const events = await db.select().from(dossierEvents).where(eq(dossierEvents.dossierCode, row.code)).orderBy(asc(dossierEvents.seq));
    const procedure = getProcedure(row.procedureCode);
    const agencyName = (code: string) => ctx.agencies.get(code)?.name ?? code;
    const base = {
      kind,
      dossierCode: row.code,
      procedureName: procedure?.name.vi ?? row.procedureCode,
      agencyName: agencyName(row.receivingAgencyCode),
      applicant: {
        fullName: row.applicantName,
        idNumber: row.applicantIdNumber,
        phone: row.applicantPhone,
        ...(row.applicantAddress ? { address: row.applicantAddress } : {}),
      },
      submittedAt: iso(row.state.submittedAt),
      receivedAt: iso(row.receivedAt),
      lookupUrl: `${ctx.env.publicBaseUrl.replace(/\/+$/, '')}/tra-cuu/${row.code}`,
    };
    switch (kind) {
      case 'receipt': {
        const received = lastOf(events, 'receive') ?? lastOf(events, 'submit');
        // The officer who received it: at the counter that is who submitted; a citizen never signs.
        const receivedBy = received && received.actorRole === 'desk-officer' ? await fullNameOf(received.actorId) : undefined;
        const statutoryTime = statutoryTimeOf(ctx.procedures.at(row.procedureCode, row.state.procedureVersion)?.deadline);
        const assisted = assistedView(await assistedFilingOf(db, row.code), false);
        return {
          ...base,
          ...(assisted ? { assistedBy: assisted.text } : {}),
          dueAt: iso(row.dueAt),
          ...(statutoryTime ? { statutoryTime } : {}),
          ...(await receiptDocuments(row)),
          ...(receivedBy ? { receivedBy } : {}),
          issuedAt: iso(row.receivedAt) ?? iso(received?.at) ?? new Date().toISOString(),
        };
      }
      case 'supplement': {
        const e = lastOf(events, 'request-supplement', RECEPTION_COMPLETION_EVENT);
        if (!e) return null;
        const d = e.data as { missing?: unknown; note?: unknown };
        const missing = Array.isArray(d.missing) ? d.missing.map(String) : row.state.missing;
        const stage = e.type === 'request-supplement' ? 'review' : 'reception';
        return { ...base, stage, agencyName: agencyName(e.agencyCode), missing, note: str(d.note), issuedAt: e.at.toISOString() };
      }
      case 'refusal': {
        const e = lastOf(events, 'not-accept');
        if (!e) return null;
        return { ...base, agencyName: agencyName(e.agencyCode), reason: str((e.data as { reason?: unknown }).reason) ?? 'Hồ sơ không đủ điều kiện giải quyết', issuedAt: e.at.toISOString() };
      }
      case 'rejection': {
        const e = lastOf(events, 'reject');
        if (!e) return null;
        const decidedBy = await fullNameOf(e.actorId);
        // The reject body's reason is required (domain/actions.ts): the notice always has its reasons.
        return { ...base, agencyName: agencyName(e.agencyCode), reason: str((e.data as { reason?: unknown }).reason), ...(decidedBy ? { decidedBy } : {}), issuedAt: e.at.toISOString() };
      }
      case 'control': {
        const ids = [...new Set(events.flatMap((e) => [e.actorId, String((e.data as { assigneeId?: unknown }).assigneeId ?? '')]).filter(Boolean))];
        const people = ids.length ? await db.select({ id: users.id, fullName: users.fullName }).from(users).where(inArray(users.id, ids)) : [];
        const names = new Map(people.map((p) => [p.id, p.fullName]));
        const calendar = createCalendar(await loadCalendarOverrides(db));
        const control = controlSheet({ row, events, nameOf: (id) => names.get(id), agencyName, calendar });
        return { ...base, control, issuedAt: new Date().toISOString() };
      }
      case 'tax-transfer': {
        const e = lastOf(events, 'send-to-tax');
        if (!e) return null;
        const d = e.data as { slipNo?: unknown; note?: unknown };
        const sentBy = await fullNameOf(e.actorId);
        const sent = { slipNo: str(d.slipNo) ?? row.state.tax?.slipNo ?? '', ...(str(d.note) ? { note: str(d.note)! } : {}), ...(sentBy ? { sentBy } : {}) };
        return { ...base, agencyName: agencyName(e.agencyCode), taxTransfer: taxTransferData(procedure, form, sent), issuedAt: e.at.toISOString() };
      }
      case 'apology': {
        const e = lastOf(events, 'extend');
        if (!e) return null;
        const d = e.data as { reason?: unknown; newDueAt?: unknown };
        return {
          ...base,
          agencyName: agencyName(e.agencyCode),
          dueAt: (await appointmentBeforeExtension(row)) ?? iso(row.dueAt),
          newDueAt: str(d.newDueAt) ?? iso(row.dueAt),
          reason: str(d.reason) ?? 'Chưa giải quyết xong trong thời hạn',
          issuedAt: e.at.toISOString(),
        };
      }
      case 'result': {
        const e = lastOf(events, 'approve');
        const approvedBy = e ? await fullNameOf(e.actorId) : undefined;
        return {
          ...base,
          agencyName: agencyName(e?.agencyCode ?? row.agencyCode),
          dueAt: iso(row.dueAt),
          note: str((e?.data as { note?: unknown } | undefined)?.note) ?? `Hồ sơ "${base.procedureName}" đã được giải quyết`,
          ...(approvedBy ? { approvedBy } : {}),
          issuedAt: (e?.at ?? row.updatedAt).toISOString(),
        };
      }
    }
  }
  return documentData;
}

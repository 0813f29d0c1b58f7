// Form 05's rows from the dossier's audit trail and agency shares (docs/forms.md): each event that
// moves the file from one holder to another is a hand-over, timed against the share of the
// deadline the agency handing over held it under.
import type { ControlRow, ControlSheet, HandoverOutcome } from './documents/control-sheet';
import { formatVietnamDate } from './documents/layout.js';
import type { DossierEventRow, DossierRow } from '../db/schema';
import type { WorkingCalendar } from '../domain/lifecycle/calendar-port';
import { classify, type Timeliness } from '../domain/lifecycle/timeliness';

const ROLE_TEXT: Record<string, string> = { 'desk-officer': 'cán bộ tiếp nhận', specialist: 'chuyên viên', leader: 'lãnh đạo' };
const OUTCOME: Record<Timeliness, HandoverOutcome> = { early: 'Trước hạn', 'on-time': 'Đúng hạn', late: 'Quá hạn' };
const iso = (ms: number) => new Date(ms).toISOString();

export interface ControlSheetInput {
  row: DossierRow;
  events: DossierEventRow[];
  nameOf: (userId: string) => string | undefined;
  agencyName: (code: string) => string;
  calendar: WorkingCalendar;
}

export function controlSheet({ row, events, nameOf, agencyName, calendar }: ControlSheetInput): ControlSheet {
  const st = row.state;
  const desk = (code: string) => `Bộ phận Tiếp nhận và Trả kết quả - ${agencyName(code)}`;
  const person = (id: string | null | undefined, role: string, code: string | null) =>
    `${(id && nameOf(id)) || 'Cán bộ'} (${ROLE_TEXT[role] ?? role}) - ${agencyName(code ?? row.receivingAgencyCode)}`;
  const actor = (e: DossierEventRow) => person(e.actorId, e.actorRole, e.actorAgencyCode ?? e.agencyCode);
  const applicant = `Ông/Bà ${row.applicantName} (người nộp hồ sơ)`;
  /** The share of the deadline the agency held the file under when it handed it over. */
  const shareDue = (code: string | null, at: number): number | null =>
    st.shares.find((s) => s.agencyCode === code && s.enteredAt <= at && (s.leftAt === null || s.leftAt >= at))?.dueAt ?? null;

  const rows: ControlRow[] = [];
  const push = (e: DossierEventRow, from: string, to: string, due: number | null, note?: string) => {
    const at = e.at.getTime();
    const outcome = due === null ? undefined : OUTCOME[classify(at, due, calendar)!];
    rows.push({ from, to, at: iso(at), ...(due === null ? {} : { dueAt: iso(due), outcome }), ...(note ? { note } : {}) });
  };
  for (const e of events) {
    const at = e.at.getTime();
    const data = e.data as Record<string, unknown>;
    switch (e.type) {
      case 'submit':
        if (e.toStatus !== 'SUBMITTED') push(e, applicant, actor(e), null, 'Nộp trực tiếp tại quầy');
        break;
      case 'receive':
        push(e, applicant, actor(e), st.receptionDueAt ?? null, 'Tiếp nhận hồ sơ nộp trực tuyến');
        break;
      case 'assign':
        push(e, actor(e), person(String(data.assigneeId ?? ''), 'specialist', e.agencyCode), shareDue(e.agencyCode, at), 'Phân công xử lý');
        break;
      case 'request-supplement':
        push(e, actor(e), applicant, shareDue(e.agencyCode, at), 'Yêu cầu bổ sung, hoàn thiện hồ sơ');
        break;
      case 'supplement':
        push(e, applicant, st.assigneeId ? person(st.assigneeId, 'specialist', e.agencyCode) : desk(e.agencyCode), null, 'Nộp bổ sung hồ sơ');
        break;
      case 'verify': {
        const to = e.toStatus === 'AWAITING_APPROVAL' ? `Lãnh đạo - ${agencyName(e.agencyCode)}` : desk(row.receivingAgencyCode);
        push(e, actor(e), to, shareDue(e.agencyCode, at), 'Trình kết quả thẩm định');
        break;
      }
      case 'forward': {
        // A hop of the repeatable hand-off may leave any agency, and says its own share and due date.
        const by = e.actorAgencyCode ?? row.receivingAgencyCode;
        const hop = st.shares.find((s) => s.agencyCode === e.agencyCode && s.enteredAt === at && s.from !== undefined);
        const share = hop?.shareWorkingDays != null && hop.dueAt !== null ? ` (thời hạn ${hop.shareWorkingDays} ngày làm việc, đến ${formatVietnamDate(iso(hop.dueAt))})` : '';
        push(e, by === row.receivingAgencyCode && e.actorRole === 'desk-officer' ? desk(by) : agencyName(by), agencyName(e.agencyCode), shareDue(by, at), `Chuyển hồ sơ liên thông${share}`);
        break;
      }
      case 'return':
        push(e, agencyName(e.actorAgencyCode ?? ''), desk(e.agencyCode), shareDue(e.actorAgencyCode, at), 'Chuyển kết quả về nơi tiếp nhận');
        break;
      case 'approve':
        push(e, actor(e), desk(e.agencyCode), shareDue(e.agencyCode, at), 'Phê duyệt kết quả');
        break;
      case 'reject':
        push(e, actor(e), desk(row.receivingAgencyCode), shareDue(e.agencyCode, at), 'Từ chối giải quyết');
        break;
      case 'deliver':
        push(e, actor(e), applicant, null, 'Trả kết quả');
        break;
    }
  }
  const handling = st.resultAgencyCode ?? st.agencyCode;
  const coordinating = [...new Set(st.shares.map((s) => s.agencyCode))].filter((c) => c !== handling);
  return { handlingAgency: agencyName(handling), coordinatingAgencies: coordinating.map(agencyName), rows };
}

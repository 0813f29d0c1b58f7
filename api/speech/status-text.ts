import { STATUS_TEXT } from '../../domain/status-text';
import type { Status } from '../../domain/status';

/** Vietnam's calendar date of an instant, as read aloud: «ngày 5 tháng 3 năm 2026». */
function spokenDate(d: Date): string {
  const [y, m, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(d).split('-').map(Number);
  return `ngày ${day} tháng ${m} năm ${y}`;
}

/**
 * The status page (portal/src/TrackPage.tsx) as sentences to be heard: the procedure, where the
 * dossier is, what to do now, the appointment. Nothing personal: no name, no number.
 */
export function statusText(d: { procedureName: string; status: Status; nextStep: string; dueAt: Date | null; missing: string[] }): string {
  return [
    `Hồ sơ thủ tục: ${d.procedureName}.`,
    `Tình trạng: ${STATUS_TEXT[d.status]}.`,
    d.nextStep,
    d.missing.length ? `Giấy tờ cần bổ sung: ${d.missing.map((m, i) => `${i + 1}. ${m}.`).join(' ')}` : '',
    d.dueAt ? `Ngày hẹn trả kết quả: ${spokenDate(d.dueAt)}.` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

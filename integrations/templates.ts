/**
 * Vietnamese texts of the notices motcua sends (SMS, e-mail). Pure functions: no I/O, no clock.
 * Texts name the dossier and the procedure, never the applicant's personal data, so an outbox
 * row can be shown to a supervisor without leaking more than the (masked) recipient.
 */

import { stripDiacritics } from '../domain/text';

export type CitizenTemplate = 'received' | 'supplement-requested' | 'awaiting-payment' | 'result-ready' | 'extended' | 'inspection-scheduled';
export type OfficerTemplate = 'reminder' | 'escalation' | 'opinion-reminder' | 'tax-unpaid';
export type TemplateName = CitizenTemplate | OfficerTemplate;

export interface TemplateInput {
  dossierCode: string;
  procedureName: string;
  /** Epoch ms or null. */
  dueAt: number | null;
  fee?: number;
  missing?: string[];
  note?: string;
  reason?: string;
  /** For officer notices. */
  agencyCode?: string;
  reminderKind?: string;
  /** A site visit (inspection-scheduled): when (epoch ms) and where. */
  visit?: { at: number; place: string };
  /** The tax notice left unpaid (`tax-unpaid`). */
  taxNoticeNo?: string;
}

export interface Message {
  subject: string;
  /** Plain text for e-mail. */
  text: string;
  /** Short text for SMS (one or two segments). */
  sms: string;
}

const VN_TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const VN_DATE = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });

/** `16:30 28/11/2026` in Vietnam time. */
export const vnTime = (ms: number | null | undefined) => (ms == null ? 'chưa xác định' : VN_TIME.format(new Date(ms)));
export const vnDate = (ms: number | null | undefined) => (ms == null ? 'chưa xác định' : VN_DATE.format(new Date(ms)));
export const vnd = (n: number) => `${new Intl.NumberFormat('vi-VN').format(n)} đồng`;

const SIGNATURE = '\n\nBộ phận Một cửa — motcua. Tra cứu hồ sơ bằng mã hồ sơ và số điện thoại của ông/bà.';

/**
 * SMS are sent without diacritics (GSM 7-bit: 160 characters a segment instead of 70 in UCS-2),
 * as Vietnamese brand-name SMS customarily are.
 */
export function render(name: TemplateName, x: TemplateInput): Message {
  const m = renderRaw(name, x);
  return { ...m, sms: stripDiacritics(m.sms) };
}

function renderRaw(name: TemplateName, x: TemplateInput): Message {
  switch (name) {
    case 'received': {
      const fee = x.fee && x.fee > 0 ? ` Lệ phí ${vnd(x.fee)}.` : '';
      return {
        subject: `Đã tiếp nhận hồ sơ ${x.dossierCode}`,
        text:
          `Kính gửi ông/bà,\n\nHồ sơ ${x.dossierCode} (${x.procedureName}) đã được tiếp nhận.` +
          (x.dueAt ? ` Ngày hẹn trả kết quả: ${vnTime(x.dueAt)}.` : '') +
          fee +
          SIGNATURE,
        sms: `Ho so ${x.dossierCode} (${x.procedureName}) da duoc tiep nhan.${x.dueAt ? ` Hen tra ket qua: ${vnDate(x.dueAt)}.` : ''}${fee}`,
      };
    }
    case 'supplement-requested': {
      const missing = (x.missing ?? []).map((m) => `- ${m}`).join('\n');
      return {
        subject: `Hồ sơ ${x.dossierCode} cần bổ sung`,
        text:
          `Kính gửi ông/bà,\n\nHồ sơ ${x.dossierCode} (${x.procedureName}) cần bổ sung các giấy tờ sau:\n${missing}` +
          (x.note ? `\nGhi chú: ${x.note}` : '') +
          `\nThời gian chờ bổ sung không tính vào thời hạn giải quyết.` +
          SIGNATURE,
        sms: `Ho so ${x.dossierCode} can bo sung: ${(x.missing ?? []).join('; ')}. Vui long bo sung truc tuyen hoac tai Bo phan Mot cua.`,
      };
    }
    case 'awaiting-payment':
      return {
        subject: `Hồ sơ ${x.dossierCode}: mời nộp lệ phí`,
        text:
          `Kính gửi ông/bà,\n\nHồ sơ ${x.dossierCode} (${x.procedureName}) đang chờ nộp lệ phí` +
          (x.fee ? ` ${vnd(x.fee)}` : '') +
          `. Ông/bà có thể thanh toán bằng mã VietQR trên cổng dịch vụ công hoặc tại Bộ phận Một cửa.` +
          SIGNATURE,
        sms: `Ho so ${x.dossierCode} cho nop le phi${x.fee ? ` ${vnd(x.fee)}` : ''}. Thanh toan bang VietQR tren cong dich vu cong hoac tai Bo phan Mot cua.`,
      };
    case 'result-ready':
      return {
        subject: `Hồ sơ ${x.dossierCode} đã có kết quả`,
        text: `Kính gửi ông/bà,\n\nHồ sơ ${x.dossierCode} (${x.procedureName}) đã có kết quả. Ông/bà có thể tải kết quả điện tử hoặc nhận tại Bộ phận Một cửa.` + SIGNATURE,
        sms: `Ho so ${x.dossierCode} (${x.procedureName}) da co ket qua. Moi ong/ba nhan ket qua tai Bo phan Mot cua hoac tren cong dich vu cong.`,
      };
    case 'extended':
      return {
        subject: `Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${x.dossierCode}`,
        text:
          `Kính gửi ông/bà,\n\nCơ quan chúng tôi thành thật xin lỗi vì hồ sơ ${x.dossierCode} (${x.procedureName}) chưa thể trả kết quả đúng hẹn` +
          (x.reason ? ` (lý do: ${x.reason})` : '') +
          `. Ngày hẹn trả kết quả mới: ${vnTime(x.dueAt)}.` +
          SIGNATURE,
        sms: `Xin loi ong/ba: ho so ${x.dossierCode} chua tra ket qua dung hen. Ngay hen moi: ${vnDate(x.dueAt)}.`,
      };
    case 'inspection-scheduled': {
      const when = vnTime(x.visit?.at);
      return {
        subject: `Lịch kiểm tra thực địa hồ sơ ${x.dossierCode}`,
        text:
          `Kính gửi ông/bà,\n\nCơ quan giải quyết hồ sơ ${x.dossierCode} (${x.procedureName}) sẽ kiểm tra thực địa lúc ${when} tại ${x.visit?.place ?? ''}.` +
          ' Đề nghị ông/bà có mặt; nếu không thể có mặt, xin liên hệ Bộ phận Một cửa để hẹn lại.' +
          (x.note ? ` Ghi chú: ${x.note}.` : '') +
          SIGNATURE,
        sms: `Ho so ${x.dossierCode}: kiem tra thuc dia luc ${when} tai ${x.visit?.place ?? ''}. De nghi ong/ba co mat.`,
      };
    }
    case 'opinion-reminder':
      return {
        subject: `[Nhắc việc] Hồ sơ ${x.dossierCode} chờ ý kiến của cơ quan`,
        text: `Cơ quan ${x.agencyCode ?? ''} được xin ý kiến về hồ sơ ${x.dossierCode} (${x.procedureName}); hạn trả lời: ${vnTime(x.dueAt)}.\nĐề nghị trả lời kịp thời.`,
        sms: `Nhac viec: ho so ${x.dossierCode} cho y kien, han tra loi ${vnTime(x.dueAt)}.`,
      };
    case 'reminder':
      // A hop of the hand-off (domain/lifecycle/stages/handoff-route.ts): the agency's own share, not the dossier's due date.
      if (x.reminderKind === 'hop-reminder') {
        return {
          subject: `[Nhắc việc] Hồ sơ ${x.dossierCode} sắp hết thời hạn của cơ quan`,
          text:
            `Hồ sơ ${x.dossierCode} (${x.procedureName}) được chuyển liên thông đến cơ quan ${x.agencyCode ?? ''} đã dùng 75% thời hạn của cơ quan (đến ${vnTime(x.dueAt)}).` +
            `\nĐề nghị xử lý và chuyển tiếp kịp thời.`,
          sms: `Nhac viec: ho so ${x.dossierCode} sap het thoi han cua co quan (${vnTime(x.dueAt)}).`,
        };
      }
      return {
        subject: `[Nhắc việc] Hồ sơ ${x.dossierCode} sắp đến hạn`,
        text:
          `Hồ sơ ${x.dossierCode} (${x.procedureName}) tại cơ quan ${x.agencyCode ?? ''} sắp đến hạn giải quyết: ${vnTime(x.dueAt)}` +
          (x.reminderKind === 'reminder-1d' ? ' (còn một ngày làm việc).' : ' (đã dùng 75% thời hạn).') +
          `\nĐề nghị xử lý kịp thời.`,
        sms: `Nhac viec: ho so ${x.dossierCode} sap den han ${vnTime(x.dueAt)}.`,
      };
    case 'tax-unpaid':
      return {
        subject: `[Nhắc việc] Hồ sơ ${x.dossierCode} chưa hoàn thành nghĩa vụ tài chính`,
        text:
          `Hồ sơ ${x.dossierCode} (${x.procedureName}) tại cơ quan ${x.agencyCode ?? ''}: người sử dụng đất chưa nộp theo thông báo của cơ quan thuế` +
          (x.taxNoticeNo ? ` số ${x.taxNoticeNo}` : '') +
          `. Thời gian chờ không tính vào thời gian giải quyết.\nĐề nghị liên hệ người nộp hồ sơ hoặc cơ quan thuế.`,
        sms: `Nhac viec: ho so ${x.dossierCode} chua hoan thanh nghia vu tai chinh.`,
      };
    case 'escalation':
      if (x.reminderKind === 'hop') {
        return {
          subject: `[Quá hạn bước liên thông] Hồ sơ ${x.dossierCode} quá thời hạn của cơ quan`,
          text:
            `Hồ sơ ${x.dossierCode} (${x.procedureName}) được chuyển liên thông đến cơ quan ${x.agencyCode ?? ''} đã quá thời hạn của cơ quan (${vnTime(x.dueAt)}) mà chưa được chuyển tiếp.` +
            `\nĐề nghị lãnh đạo, người giám sát chỉ đạo xử lý để hồ sơ không quá hạn giải quyết.`,
          sms: `Qua han buoc lien thong: ho so ${x.dossierCode} qua thoi han cua co quan ${vnTime(x.dueAt)}.`,
        };
      }
      if (x.reminderKind === 'reception') {
        return {
          subject: `[Chậm tiếp nhận] Hồ sơ trực tuyến ${x.dossierCode} chưa được tiếp nhận`,
          text:
            `Hồ sơ ${x.dossierCode} (${x.procedureName}) nộp trực tuyến tại cơ quan ${x.agencyCode ?? ''} đã quá hạn tiếp nhận (${vnTime(x.dueAt)}, 8 giờ làm việc) mà chưa được tiếp nhận.` +
            `\nĐề nghị lãnh đạo, người giám sát chỉ đạo bộ phận một cửa kiểm tra, tiếp nhận hoặc hướng dẫn bổ sung.`,
          sms: `Cham tiep nhan: ho so truc tuyen ${x.dossierCode} chua duoc tiep nhan.`,
        };
      }
      return {
        subject: `[Quá hạn] Hồ sơ ${x.dossierCode} đã đến hạn mà chưa có kết quả`,
        text:
          `Hồ sơ ${x.dossierCode} (${x.procedureName}) tại cơ quan ${x.agencyCode ?? ''} đã đến hạn giải quyết (${vnTime(x.dueAt)}) mà chưa có kết quả.` +
          `\nĐề nghị lãnh đạo, người giám sát chỉ đạo xử lý và, nếu cần, lập phiếu xin lỗi và hẹn lại ngày trả kết quả.`,
        sms: `Qua han: ho so ${x.dossierCode} da den han ${vnTime(x.dueAt)} ma chua co ket qua.`,
      };
  }
}

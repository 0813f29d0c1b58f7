/** Plain-Vietnamese words the portal shows. */
export { STATUS_TEXT } from '../../domain/status-text';

export const DOCUMENT_TEXT: Record<string, string> = {
  receipt: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  supplement: 'Phiếu yêu cầu bổ sung hồ sơ',
  refusal: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  rejection: 'Thông báo từ chối giải quyết hồ sơ',
  apology: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
  result: 'Kết quả giải quyết (bản điện tử)',
};

/** Labels of fields nested in lists (the procedures label only their top-level fields). */
export const NESTED_LABELS: Record<string, string> = {
  vsicCode: 'Mã ngành cấp 4 (4 chữ số)',
  description: 'Mô tả ngành, nghề',
  fullName: 'Họ tên',
  idNumber: 'Số định danh cá nhân',
  name: 'Họ tên',
};

export const money = (vnd: number) => (vnd === 0 ? 'Miễn phí' : `${vnd.toLocaleString('vi-VN')} đồng`);

/** dd/mm/yyyy (and HH:mm) in Vietnam's time, whatever the phone's locale or zone. */
export function day(iso: string | null | undefined, withTime = false) {
  if (!iso) return '';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Ho_Chi_Minh' })
      .formatToParts(new Date(iso))
      .map((x) => [x.type, x.value]),
  );
  const date = `${parts.day}/${parts.month}/${parts.year}`;
  return withTime ? `${parts.hour}:${parts.minute} ${date}` : date;
}

export const LEVEL_TEXT = { commune: 'Cấp xã', province: 'Cấp tỉnh (nộp tại xã, chuyển lên tỉnh)' } as const;

/** A procedure's processing time in words; "không quy định" when the procedure states none. */
export function deadlineText(d: { workingDays: number | null; calendarDays?: number }): string {
  if (d.workingDays !== null) return `${d.workingDays.toLocaleString('vi-VN')} ngày làm việc`;
  if (d.calendarDays !== undefined) return `${d.calendarDays} ngày`;
  return 'không quy định';
}

/**
 * How the result reaches the citizen, by its kind (domain/procedure-rules.ts `ResultKind`): only an
 * electronic result may be received online; a paper original and the marriage certificate are
 * handed over at the desk.
 */
export const RESULT_TEXT: Record<string, string> = {
  electronic: 'Nhận kết quả điện tử trên trang hồ sơ (bản có chữ ký số), hoặc nhận tại Bộ phận Một cửa nơi nộp hồ sơ.',
  paper: 'Kết quả là bản giấy (bản chính): nhận trực tiếp tại Bộ phận Một cửa nơi nộp hồ sơ, không trả qua mạng.',
  'in-person-both-spouses':
    'Cả hai bên nam, nữ cùng có mặt tại Bộ phận Một cửa, mang theo giấy tờ tùy thân, để ký Sổ hộ tịch và nhận Giấy chứng nhận kết hôn; không trả qua mạng.',
};

/** The result kind a procedure's stage list declares (rules without one: electronic). */
export const resultKindOf = (stages: { name: string; result?: string }[]): string => stages.find((s) => s.name === 'deliver')?.result ?? 'electronic';

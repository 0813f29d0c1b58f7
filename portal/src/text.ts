/** Plain-Vietnamese words the portal shows. */
export { STATUS_TEXT } from '../../domain/status-text';

export const DOCUMENT_TEXT: Record<string, string> = {
  receipt: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  supplement: 'Phiếu yêu cầu bổ sung hồ sơ',
  refusal: 'Phiếu từ chối',
  apology: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
  result: 'Kết quả giải quyết (bản điện tử)',
};

export { CHOICE_TEXT } from '../../domain/choice-text';

/** Labels of fields nested in lists (the procedures label only their top-level fields). */
export const NESTED_LABELS: Record<string, string> = {
  vsicCode: 'Mã ngành cấp 4 (4 chữ số)',
  description: 'Mô tả ngành, nghề',
  fullName: 'Họ tên',
  idNumber: 'Số định danh cá nhân',
  name: 'Họ tên',
};

export const money = (vnd: number) => (vnd === 0 ? 'Miễn phí' : `${vnd.toLocaleString('vi-VN')} đồng`);

export function day(iso: string | null | undefined, withTime = false) {
  if (!iso) return '';
  const d = new Date(iso);
  const opts: Intl.DateTimeFormatOptions = { weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' };
  if (withTime) Object.assign(opts, { hour: '2-digit', minute: '2-digit' });
  return d.toLocaleString('vi-VN', opts);
}

export const LEVEL_TEXT = { commune: 'Cấp xã', province: 'Cấp tỉnh (nộp tại xã, chuyển lên tỉnh)' } as const;

/** A procedure's processing time in words; "không quy định" when the procedure states none. */
export function deadlineText(d: { workingDays: number | null; calendarDays?: number }): string {
  if (d.workingDays !== null) return `${d.workingDays.toLocaleString('vi-VN')} ngày làm việc`;
  if (d.calendarDays !== undefined) return `${d.calendarDays} ngày`;
  return 'không quy định';
}

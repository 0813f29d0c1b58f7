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

import type { ProcedureDefinition } from '../../domain/procedure';

/** Documents read aloud: a long table is cut, the printed sheet has them all. */
const READ_DOCUMENTS = 12;

/** Numbers as espeak-ng reads them: plain digits («50000» is «năm mươi nghìn»; «50.000» is not). */
const money = (vnd: number) => (vnd === 0 ? 'miễn phí' : `${vnd} đồng`);

function deadline(d: ProcedureDefinition['deadline']): string {
  if (d.kind === 'same-day') return 'trả kết quả trong ngày';
  if (d.kind === 'working-hours' && d.workingDays !== null) return `${Math.round(d.workingDays * 8)} giờ làm việc`;
  if (d.workingDays !== null) return `${d.workingDays} ngày làm việc`;
  if (d.calendarDays !== undefined) return `${d.calendarDays} ngày`;
  return 'không quy định';
}

/**
 * The guidance sheet (portal/src/GuideSheet.tsx) as sentences to be heard: what to bring, what it
 * costs, how long it takes, where to go. Vietnamese only: espeak-ng's voice is Vietnamese.
 */
export function guideText(p: Pick<ProcedureDefinition, 'name' | 'requiredDocuments' | 'fee' | 'deadline' | 'level' | 'fullProcessOnline'>): string {
  const docs = p.requiredDocuments.slice(0, READ_DOCUMENTS).map((d, i) => `${i + 1}. ${d.vi}.`);
  const more = p.requiredDocuments.length > READ_DOCUMENTS ? [`Và ${p.requiredDocuments.length - READ_DOCUMENTS} giấy tờ khác, xem trên phiếu in.`] : [];
  const online = p.fee.online ?? p.fee.counter;
  return [
    `Thủ tục: ${p.name.vi}.`,
    docs.length ? `Giấy tờ cần chuẩn bị: ${docs.join(' ')}` : 'Thủ tục này không nêu giấy tờ phải nộp.',
    ...more,
    online === p.fee.counter ? `Phí, lệ phí: ${money(p.fee.counter)}.` : `Phí, lệ phí: ${money(p.fee.counter)} khi nộp tại quầy, ${money(online)} khi nộp trực tuyến.`,
    `Thời hạn giải quyết: ${deadline(p.deadline)}, kể từ khi nhận đủ hồ sơ hợp lệ.`,
    'Nộp tại Bộ phận Một cửa của Ủy ban nhân dân xã, phường nơi cư trú, trong giờ hành chính.',
    p.level === 'province' ? 'Xã tiếp nhận và chuyển hồ sơ lên cơ quan cấp tỉnh; kết quả trả tại xã.' : '',
    p.fullProcessOnline ? 'Có thể nộp trực tuyến toàn trình, nhận kết quả điện tử.' : 'Có thể nộp trực tuyến, mang bản chính giấy tờ khi đến nhận kết quả.',
  ]
    .filter(Boolean)
    .join('\n');
}

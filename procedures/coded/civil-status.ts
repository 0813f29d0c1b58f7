import type { Deadline, Label } from '../../domain/procedure-rules';

/**
 * What the commune's civil-status procedures (hộ tịch: birth, death, marriage, marital status)
 * have in common, so that each procedure file states only what is its own: the field, the commune
 * level, no fee charged here (the late-registration and council fees are unconfirmed for Lào Cai;
 * each file says why), and their place on the national portal.
 */
export const CIVIL_STATUS = {
  field: { vi: 'Hộ tịch', en: 'Civil status' },
  level: 'commune',
  fee: { counter: 0 },
  portalIntegrated: true,
} as const;

/**
 * Done the day the file is complete; received from 15:00 on, the next working day
 * (domain/calendar/deadline.ts, docs/calendar.md). The civil-status law says "ngay sau khi nhận
 * đủ giấy tờ" (Luật Hộ tịch 2014 art. 16(2), 18(2), 33) and the certification decree "trong ngày
 * … hoặc trong ngày làm việc tiếp theo nếu tiếp nhận yêu cầu sau 15 giờ".
 */
export const SAME_DAY: Deadline = { workingDays: null, kind: 'same-day' };

/** The declaration every civil-status file starts with: on paper, or the portal's e-form. */
export const declaration = (vi: string, en: string): Label => ({ vi: `Tờ khai ${vi} (hoặc biểu mẫu điện tử)`, en: `${en} declaration (or e-form)` });

/** When someone else files for the person concerned (Thông tư 04/2020/TT-BTP art. 2). */
export const AUTHORISATION: Label = { vi: 'Văn bản ủy quyền (nếu người khác đi khai)', en: 'Authorisation, if another person applies' };

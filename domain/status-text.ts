import type { Status } from './status';

/** What the status means, for a citizen. */
export const STATUS_TEXT: Record<Status, string> = {
  SUBMITTED: 'Đã nộp trực tuyến, đang chờ tiếp nhận',
  RECEIVED: 'Đã tiếp nhận, đang chờ xử lý',
  IN_REVIEW: 'Đang xử lý',
  NEEDS_SUPPLEMENT: 'Cần bổ sung hồ sơ',
  AWAITING_PAYMENT: 'Chờ nộp phí, lệ phí',
  AWAITING_APPROVAL: 'Đang chờ lãnh đạo phê duyệt',
  RESULT_READY: 'Đã có kết quả',
  DELIVERED: 'Đã trả kết quả',
  NOT_ACCEPTED: 'Không tiếp nhận hồ sơ',
  REJECTED: 'Từ chối giải quyết',
  WITHDRAWN: 'Đã rút hồ sơ',
  CANCELLED: 'Đã hủy hồ sơ',
};

/** Dossier statuses (workflows/README.md). `overdue` is derived from the due date, never a status. */
export const STATUSES = [
  'SUBMITTED',
  'RECEIVED',
  'IN_REVIEW',
  'NEEDS_SUPPLEMENT',
  'AWAITING_PAYMENT',
  'AWAITING_APPROVAL',
  'RESULT_READY',
  'DELIVERED',
  'NOT_ACCEPTED',
  'REJECTED',
  'WITHDRAWN',
  'CANCELLED',
] as const;
export type Status = (typeof STATUSES)[number];

/**
 * Why a dossier is listed as stuck (docs/operations.md, "Stuck dossiers"): a change PostgreSQL
 * refused was set aside until an administrator's repair, or recording keeps being retried.
 * Not a status: the dossier keeps its own.
 */
export const STUCK_KINDS = ['record-failed', 'retrying'] as const;
export type StuckKind = (typeof STUCK_KINDS)[number];

/** The National Public Service Portal's status code for each of ours. */
export const PORTAL_STATUS_CODE = {
  SUBMITTED: 1,
  RECEIVED: 2,
  NOT_ACCEPTED: 3,
  IN_REVIEW: 4,
  NEEDS_SUPPLEMENT: 5,
  AWAITING_PAYMENT: 6,
  AWAITING_APPROVAL: 4,
  WITHDRAWN: 7,
  REJECTED: 8,
  CANCELLED: 8,
  RESULT_READY: 9,
  DELIVERED: 10,
} as const satisfies Record<Status, number>;

/** Statuses after which no processing happens (DELIVERED still accepts a rating). */
export const FINAL_STATUSES: ReadonlySet<Status> = new Set([
  'DELIVERED',
  'NOT_ACCEPTED',
  'REJECTED',
  'WITHDRAWN',
  'CANCELLED',
]);

/**
 * Statuses in which the processing clock runs (the citizen is not the one being waited on).
 * Not RESULT_READY: the clock stops when the result is ready, and the wait for the citizen to
 * collect it is not the office's (docs/decision-766.md).
 */
export const CLOCK_RUNNING: ReadonlySet<Status> = new Set([
  'RECEIVED',
  'IN_REVIEW',
  'AWAITING_APPROVAL',
]);

export const isFinal = (s: Status) => FINAL_STATUSES.has(s);

import type { Status } from './status';

/** GET /api/stats/summary: a supervisor's figures over their scope, as the back office reads them. */
export interface Summary {
  total: number;
  finished: number;
  onTimeRate: number | null;
  onlineRate: number | null;
  onlinePaymentRate: number | null;
  avgProcessingDays: number | null;
  satisfaction: number | null;
  byStatus: { status: Status; count: number }[];
  /** When the figures were read (they may be served from a short-lived cache). */
  asOf: string;
}

import type { Status } from './status';

/** A share of a whole, or null when the whole is empty (no figure rather than a made-up 0 %). */
export const rate = (n: number, d: number): number | null => (d > 0 ? n / d : null);

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

/** One group's split: how many results were ready early, on time and late (docs/decision-766.md); GET /api/stats/timeliness. */
export interface Split {
  early: number;
  onTime: number;
  late: number;
  /** (early + on time) / all classified; null when none is classified. */
  onTimeRate: number | null;
}

/** One of Decision 766's indicator groups: scored from motcua's data, or why it cannot be. */
export interface Indicator {
  group: 'transparency' | 'progress' | 'online-services' | 'satisfaction' | 'digitisation';
  /** What is measured, as a key the back office translates. */
  measures: { key: string; rate: number | null }[];
  /** Null when scored; otherwise which data motcua does not have. */
  missing: string | null;
}

export interface TimelinessStats {
  total: Split;
  byAgency: (Split & { agencyCode: string; agencyName: string })[];
  byProcedure: (Split & { procedureCode: string; procedureName: string })[];
  indicators: Indicator[];
  asOf: string;
}


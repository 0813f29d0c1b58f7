import { WORKING_HOURS_PER_DAY } from '../domain/calendar';
import type { DossierState } from '../domain/lifecycle/state';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
/** The excluded time in the unit deadlines are stated in: working days of the calendar's working hours. */
const WORKING_DAY_MINUTES = WORKING_HOURS_PER_DAY * 60;

/**
 * The financial obligations of a dossier with a tax stage, as its page shows them: the slip, the
 * notice, the receipt or exemption, and the working time the wait took out of the processing time
 * (every due date moved on by it; docs/procedures.md). `pausedSince`: the office's clock is paused
 * now, waiting for the tax office or the applicant, since then.
 */
export function taxView(st: DossierState) {
  const t = st.tax;
  if (!t) return null;
  return {
    sentAt: iso(t.sentAt),
    slipNo: t.slipNo,
    noticedAt: iso(t.noticedAt),
    noticeNo: t.noticeNo,
    amount: t.amount,
    settledAt: iso(t.settledAt),
    receiptNo: t.receiptNo,
    exemption: t.exemption,
    remindedAt: iso(t.remindedAt),
    excludedWorkingMinutes: t.excludedMinutes,
    excludedWorkingDays: Math.round((t.excludedMinutes / WORKING_DAY_MINUTES) * 100) / 100,
    pausedSince: t.sentAt !== null && t.settledAt === null ? iso(st.pausedAt ?? null) : null,
  };
}

import { stageOf, type ProcedureRules } from '../procedure-rules';
import { SYSTEM_ACTOR } from '../actor';
import { CLOCK_RUNNING } from '../status';
import type { WorkingCalendar } from './calendar-port';
import { HOUR, reminderPoints, type ReminderKind } from './reminders';
import { emit, type Ctx } from './reduce';
import type { DossierEvent, DossierState } from './state';

export type TimerKind = ReminderKind | 'escalation' | 'reception-overdue' | 'supplement-expired' | 'payment-expired' | 'rating-closed';
export interface Timer {
  kind: TimerKind;
  at: number;
}

/** The timers that can fire in the dossier's current state, earliest first. */
export function pendingTimers(s: DossierState, p: ProcedureRules, cal: WorkingCalendar): Timer[] {
  const timers: Timer[] = [];
  // A result made ready before the clock stopped there (no `resultReadyAt`) keeps its timers.
  const running = CLOCK_RUNNING.has(s.status) || (s.status === 'RESULT_READY' && s.resultReadyAt == null);
  if (running && s.dueAt !== null) {
    for (const r of reminderPoints(s, cal)) if (!s.reminders.includes(r.kind) && r.at < s.dueAt) timers.push(r);
    if (!s.escalated) timers.push({ kind: 'escalation', at: s.dueAt });
  }
  if (s.status === 'SUBMITTED' && s.receptionDueAt != null && !s.receptionEscalated) timers.push({ kind: 'reception-overdue', at: s.receptionDueAt });
  if (s.status === 'NEEDS_SUPPLEMENT' && s.supplementDueAt !== null) timers.push({ kind: 'supplement-expired', at: s.supplementDueAt });
  if (s.status === 'AWAITING_PAYMENT' && s.paymentDueAt !== null) timers.push({ kind: 'payment-expired', at: s.paymentDueAt });
  if (s.status === 'DELIVERED' && !s.rating && s.finishedAt !== null) {
    const days = stageOf(p, 'deliver')?.ratingWindowDays ?? 30;
    timers.push({ kind: 'rating-closed', at: s.finishedAt + days * 24 * HOUR });
  }
  return timers.sort((a, b) => a.at - b.at);
}

/**
 * What a fired timer does. Reminders and escalations only add an event (and a notice);
 * an expired supplement or payment wait cancels the dossier. `rating-closed` emits nothing:
 * it only ends the workflow.
 */
export function fireTimer(s: DossierState, t: Timer, ctx: Ctx): { state: DossierState; event: DossierEvent } | null {
  const at = ctx.now;
  switch (t.kind) {
    case 'reminder-75':
    case 'reminder-1d':
      return emit(s, { ...s, reminders: [...s.reminders, t.kind] }, 'reminder', SYSTEM_ACTOR, at, {
        kind: t.kind, assigneeId: s.assigneeId, dueAt: s.dueAt,
      });
    case 'escalation':
      return emit(s, { ...s, escalated: true }, 'escalation', SYSTEM_ACTOR, at, {
        to: 'supervisor', agencyCode: s.agencyCode, dueAt: s.dueAt,
      });
    case 'reception-overdue':
      // Once: the supervisor is told an online dossier waits unreceived past its reception deadline.
      return emit(s, { ...s, receptionEscalated: true }, 'escalation', SYSTEM_ACTOR, at, {
        to: 'supervisor', kind: 'reception', agencyCode: s.agencyCode, dueAt: s.receptionDueAt,
      });
    case 'supplement-expired':
    case 'payment-expired': {
      const shares = s.shares.map((x) => (x.leftAt === null ? { ...x, leftAt: at } : x));
      return emit(s, { ...s, status: 'CANCELLED', finishedAt: at, shares }, 'cancel', SYSTEM_ACTOR, at, { reason: t.kind });
    }
    case 'rating-closed':
      return null;
  }
}

/** A dossier's workflow may end once it is final and nothing more can come (rating window over). */
export function isClosed(s: DossierState, now: number, p: ProcedureRules, cal: WorkingCalendar): boolean {
  if (s.status === 'DELIVERED') return s.rating !== null || pendingTimers(s, p, cal).every((t) => t.at <= now);
  return s.finishedAt !== null;
}

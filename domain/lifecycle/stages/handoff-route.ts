import { SYSTEM_ACTOR } from '../../actor';
import { CLOCK_RUNNING } from '../../status';
import { enterAgency } from '../clock';
import { rule, type Ctx } from '../ctx';
import { emit } from '../emit';
import { difficultExtraDays, hopsTaken, hopTarget } from '../hop-share';
import { HOUR } from '../reminders';
import type { AgencyShare, DossierState } from '../state';
import type { StageKind, Timer } from './kind';

/**
 * Liên thông along the agency tree, repeatable and in any direction: commune → department →
 * province People's Committee and back (a department sends a land dossier to the commune that
 * posts it, the commune sends it back). Present when the rules give a hand-off `route`
 * (hop-share.ts `hasRoute`); rules without one keep the single forward of handoff.ts.
 *
 * Each hop is an agency share (state `shares`) with who forwarded it, its working days — the
 * route's for that hop, or the forwarding officer's within what remains — and its own due date,
 * never later than the dossier's: a hop never moves the dossier's due date. A hop to the receiving
 * commune carries the extra days of an especially difficult commune. The hop's reminder (75% of
 * its time) and escalation (its due date) fire when its share ends before the dossier's own.
 */
export const handoffRoute: StageKind = {
  name: 'handoff-route',
  statuses: [],
  travels: true,
  absent: 'this procedure is decided by the receiving agency; nothing to forward',
  actions: {
    forward: {
      in: ['RECEIVED', 'IN_REVIEW', 'AWAITING_APPROVAL'],
      roles: ['desk-officer', 'specialist', 'leader'],
      step: (s, b, ctx) => {
        const p = ctx.procedure;
        if (b.agencyCode === s.agencyCode) return rule('forward to another agency than the one holding the dossier');
        const planned = p.handoff!.route![hopsTaken(s)];
        const ruled = planned && hopTarget(planned.to, s, p) === b.agencyCode ? planned.shareWorkingDays : null;
        const share = b.shareWorkingDays ?? ruled;
        const start = ctx.calendar.receptionStart(ctx.now);
        // The officer's choice must fit in what remains; the route's share is only capped by the due date (a late dossier still moves on).
        const chosen = b.shareWorkingDays;
        if (chosen !== undefined && s.dueAt !== null && ctx.calendar.addWorkingDays(start, chosen) > s.dueAt) {
          return rule(`a share of ${chosen} working days does not fit in what remains before the due date (${new Date(s.dueAt).toISOString()})`);
        }
        const days = share === null ? null : share + (b.agencyCode === s.receivingAgencyCode ? difficultExtraDays(s, p) : 0);
        const own = days === null ? null : ctx.calendar.addWorkingDays(start, days);
        const due = own === null ? s.dueAt : s.dueAt === null ? own : Math.min(own, s.dueAt);
        return { ...hop(s, b.agencyCode, ctx, due, days), forwarded: true };
      },
    },
    return: {
      in: ['RESULT_READY'],
      roles: ['desk-officer', 'specialist', 'leader'],
      guard: (s) => (s.agencyCode === s.receivingAgencyCode ? 'the result is already at the receiving agency' : null),
      step: (s, _b, ctx) => hop(s, s.receivingAgencyCode, ctx, s.dueAt, null),
    },
  },
  timers: (s, _p, cal) => {
    const open = openHop(s);
    // Only a hop whose share ends before the dossier's due date: otherwise the dossier's own reminders say it.
    if (!open || open.dueAt === null || (s.dueAt !== null && open.dueAt >= s.dueAt)) return [];
    if (!CLOCK_RUNNING.has(s.status) || s.pausedAt != null || s.finishedAt !== null) return [];
    const timers: Timer[] = [];
    if (!open.reminded) {
      const hours = cal.workingMillisBetween(open.enteredAt, open.dueAt) / HOUR;
      timers.push({ kind: 'hop-reminder', at: cal.addWorkingHours(open.enteredAt, hours * 0.75) });
    }
    if (!open.escalated) timers.push({ kind: 'hop-overdue', at: open.dueAt });
    return timers;
  },
  fire: {
    'hop-reminder': (s, _t, { now }) =>
      emit(s, markOpen(s, { reminded: true }), 'reminder', SYSTEM_ACTOR, now, {
        kind: 'hop-reminder', agencyCode: s.agencyCode, assigneeId: s.assigneeId, dueAt: openHop(s)?.dueAt ?? null,
      }),
    'hop-overdue': (s, _t, { now }) =>
      emit(s, markOpen(s, { escalated: true }), 'escalation', SYSTEM_ACTOR, now, {
        to: 'supervisor', kind: 'hop', agencyCode: s.agencyCode, dueAt: openHop(s)?.dueAt ?? null,
      }),
  },
};

/** The dossier moves to `to`: the open share ends, the hop's share opens with where it came from. */
function hop(s: DossierState, to: string, ctx: Ctx, due: number | null, days: number | null): DossierState {
  const moved = enterAgency(s, to, ctx.now, due);
  const last = moved.shares.length - 1;
  return { ...moved, shares: moved.shares.map((x, i) => (i === last ? { ...x, from: s.agencyCode, shareWorkingDays: days } : x)) };
}

/** The open share when it is a hop (the receiving desk's first share is the dossier's own clock). */
function openHop(s: DossierState): AgencyShare | null {
  const open = s.shares.at(-1);
  return open && open.leftAt === null && open.from !== undefined ? open : null;
}

const markOpen = (s: DossierState, flag: Partial<AgencyShare>): DossierState => ({
  ...s,
  shares: s.shares.map((x, i) => (i === s.shares.length - 1 ? { ...x, ...flag } : x)),
});

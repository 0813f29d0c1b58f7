import { deadlineFor } from '../deadline-choice';
import type { HandoffHop, ProcedureRules } from '../procedure-rules';
import type { DossierState } from './state';

/**
 * Shares of the repeatable hand-off (docs/procedures.md, "Stage kinds"): plain arithmetic the hop kind
 * and the clock both need, kept apart from either.
 */

/** Whether the dossier's rules hand it off repeatably (a route), rather than once to the department. */
export const hasRoute = (p: ProcedureRules) => p.level === 'province' && p.handoff?.route !== undefined;

/** The agency a route hop names, for this dossier. */
export function hopTarget(to: HandoffHop['to'], s: DossierState, p: ProcedureRules): string {
  if (to === 'receiving') return s.receivingAgencyCode;
  if (to === 'department') return p.handoff!.departmentCode;
  return to;
}

/** Hops taken so far (forwards and the return), i.e. the index of the next hop of the route. */
export const hopsTaken = (s: DossierState) => s.shares.filter((x) => x.from !== undefined).length;

/**
 * The extra days of a commune with especially difficult conditions, when this dossier got them:
 * its pinned deadline is longer than the channel's plain one (domain/deadline-choice.ts). They
 * belong to the commune's shares, so the commune does not lose them to the department.
 */
export function difficultExtraDays(s: DossierState, p: ProcedureRules): number {
  const extra = p.difficultCommuneExtraDays ?? 0;
  if (extra <= 0 || !s.deadline) return 0;
  const plain = deadlineFor(p, s.channel, null);
  return plain.workingDays !== s.deadline.workingDays || plain.calendarDays !== s.deadline.calendarDays ? extra : 0;
}

/**
 * The hop the route plans next for this dossier (its target and share), for the forwarding
 * officer's dialog; null without a route or past its end. The officer may still choose another.
 */
export function plannedHop(s: DossierState, p: ProcedureRules): { agencyCode: string; shareWorkingDays: number } | null {
  if (!hasRoute(p)) return null;
  const next = p.handoff!.route![hopsTaken(s)];
  return next ? { agencyCode: hopTarget(next.to, s, p), shareWorkingDays: next.shareWorkingDays } : null;
}

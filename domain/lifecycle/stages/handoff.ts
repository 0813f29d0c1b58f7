import { rule } from '../ctx';
import { enterAgency } from '../clock';
import { atReceivingDesk } from './guards';
import type { StageKind } from './kind';

/**
 * Liên thông: a province-level procedure is received by the commune, forwarded once to the
 * deciding department (which holds its share of the deadline), and its result returned to the
 * receiving desk. Present when the rules' `level` is `province` (with their `handoff`).
 */
export const handoff: StageKind = {
  name: 'handoff',
  statuses: [],
  absent: 'this procedure is decided by the receiving agency; nothing to forward',
  actions: {
    forward: {
      in: ['RECEIVED'],
      roles: ['desk-officer'],
      guard: (s, p) => (s.forwarded ? 'the dossier has already been forwarded' : atReceivingDesk(s, p)),
      step: (s, b, ctx) => {
        if (b.agencyCode === s.agencyCode) return rule('forward to another agency');
        if (b.shareWorkingDays !== undefined) return rule("this dossier's rules fix the department's share of the deadline");
        const share = ctx.procedure.handoff?.shareWorkingDays ?? (s.deadline ?? ctx.procedure.deadline).workingDays;
        const shareDue = share === null ? Infinity : ctx.calendar.addWorkingDays(ctx.calendar.receptionStart(ctx.now), share);
        const min = Math.min(shareDue, s.dueAt ?? Infinity);
        const due = min === Infinity ? null : min;
        return { ...enterAgency(s, b.agencyCode, ctx.now, due), forwarded: true, status: 'RECEIVED' };
      },
    },
    return: {
      in: ['RESULT_READY'],
      roles: ['desk-officer', 'specialist', 'leader'],
      guard: (s) => (s.agencyCode === s.receivingAgencyCode ? 'the result is already at the receiving agency' : null),
      step: (s, _b, ctx) => enterAgency(s, s.receivingAgencyCode, ctx.now, s.dueAt),
    },
  },
};

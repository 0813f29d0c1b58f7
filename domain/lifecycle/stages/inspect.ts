import { rule } from '../ctx';
import type { StageKind } from './kind';

/**
 * A site inspection (thẩm định thực địa): the specialist schedules a visit with the applicant
 * (when and where; the applicant is told, integrations/messages.ts), may set a new date as often
 * as the visit moves, and records the minutes (biên bản, an uploaded PDF) with what the site
 * showed. The dossier holds here until the minutes are in; the office's clock runs throughout,
 * the visit being part of the examination (Law on Construction 2014 art. 102 cl. 1: the
 * licensing authority checks the site within the permit's time).
 */
export const inspect: StageKind = {
  name: 'inspect',
  statuses: [],
  holds: true,
  clockRuns: true,
  absent: 'this procedure has no site inspection',
  enter: (s) => ({ ...s, status: 'IN_REVIEW', inspection: { visits: [], minutes: null } }),
  actions: {
    'schedule-inspection': {
      in: ['IN_REVIEW'],
      roles: ['specialist'],
      step: (s, b, ctx) => {
        const at = Date.parse(b.at);
        if (at <= ctx.now) return rule('the visit must be scheduled in the future');
        const visits = [...(s.inspection?.visits ?? []), { at, place: b.place, scheduledAt: ctx.now }];
        return { ...s, inspection: { visits, minutes: null } };
      },
    },
    'record-inspection': {
      in: ['IN_REVIEW'],
      roles: ['specialist'],
      guard: (s) => (s.inspection?.visits.length ? null : 'schedule the visit with the applicant first'),
      step: (s, b, ctx) => {
        const visit = s.inspection!.visits.at(-1)!;
        // The minutes record a visit that took place: not before its scheduled time.
        if (ctx.now < visit.at) return rule('the visit has not taken place yet: record its minutes after it, or set a new date');
        const minutes = { document: b.minutes, outcome: b.outcome, ...(b.note ? { note: b.note } : {}), at: ctx.now };
        return { done: { ...s, stage: null, inspection: { ...s.inspection!, minutes } } };
      },
    },
  },
};

import type { Channel, Deadline, ProcedureRules } from './procedure-rules';

/**
 * Commune categories that change a deadline. `especially-difficult`: a commune with especially
 * difficult conditions ("xã đặc biệt khó khăn"); which communes are on the list is the
 * administrator's data (`commune_categories`, docs/calendar.md), never the code's.
 */
export const COMMUNE_CATEGORIES = ['especially-difficult'] as const;
export type CommuneCategory = (typeof COMMUNE_CATEGORIES)[number];

/**
 * The deadline a dossier runs on, chosen once at submission and pinned in its state
 * (`DossierState.deadline`): the channel's own deadline where the procedure states one — online,
 * post — else the counter's (the kiosk stands in the one-stop shop: the counter's); plus the
 * procedure's extra days when the receiving commune has especially difficult conditions.
 */
export function deadlineFor(rules: Pick<ProcedureRules, 'deadline' | 'deadlines' | 'difficultCommuneExtraDays'>, channel: Channel, category: CommuneCategory | null): Deadline {
  const own = channel === 'online' ? rules.deadlines?.online : channel === 'post' ? rules.deadlines?.post : undefined;
  const base = own ?? rules.deadline;
  const extra = category === 'especially-difficult' ? (rules.difficultCommuneExtraDays ?? 0) : 0;
  return extra > 0 ? withExtraDays(base, extra) : base;
}

/**
 * `d` lengthened by `n` days in its own unit: working days (or, counted in hours, n × 8 working
 * hours, which `workingDays` already expresses), calendar days; a same-day deadline becomes n
 * working days. A procedure that states no time still states none: nothing is invented.
 */
export function withExtraDays(d: Deadline, n: number): Deadline {
  if (d.kind === 'same-day') return { workingDays: n, kind: 'working-days' };
  if (d.workingDays !== null) return { ...d, workingDays: d.workingDays + n };
  if (d.calendarDays !== undefined) return { ...d, calendarDays: d.calendarDays + n };
  return d;
}

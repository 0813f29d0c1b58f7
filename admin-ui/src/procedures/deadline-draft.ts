import type { Procedure } from '../types';

/**
 * The deadlines as the administrator types them, one row per channel (docs/calendar.md): the
 * counter's (the kiosk's too) and the online and postal channels' own. A channel left empty has
 * none of its own and runs on the counter's.
 */
export type Deadline = Procedure['deadline'];
export const KINDS = ['working-days', 'working-hours', 'calendar-days', 'same-day'] as const;
export const CHANNELS = ['counter', 'online', 'post'] as const;
export type DeadlineChannel = (typeof CHANNELS)[number];
/** `kind` '' : the way of counting of rules that name none (version-1 working hours from reception). */
export type DeadlineDraft = Record<DeadlineChannel, { days: string; kind: string }>;

const daysOf = (d: Deadline | undefined) => String(d?.workingDays ?? d?.calendarDays ?? '');
const deadlineOfChannel = (p: Procedure, c: DeadlineChannel) => (c === 'counter' ? p.deadline : (p.deadlines?.[c] ?? undefined));

export function deadlineDraft(p: Procedure): DeadlineDraft {
  const row = (c: DeadlineChannel) => {
    const d = deadlineOfChannel(p, c);
    return { days: daysOf(d), kind: d?.kind ?? (c === 'counter' ? '' : (p.deadline.kind ?? '')) };
  };
  return { counter: row('counter'), online: row('online'), post: row('post') };
}

const num = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.')));

/** A typed row as the API takes a deadline: calendar days for `calendar-days`, else working days. */
function deadlineBody(days: number | null, typed: string): Deadline {
  // The select offers only the API's kinds (or none: the former count).
  const kind = typed as NonNullable<Deadline['kind']>;
  if (kind === 'calendar-days') return { workingDays: null, ...(days === null ? {} : { calendarDays: days }), kind };
  if (kind === 'same-day') return { workingDays: null, kind };
  return { workingDays: days, ...(kind ? { kind } : {}) };
}

const same = (a: Deadline | undefined, b: Deadline | undefined) =>
  (a?.workingDays ?? null) === (b?.workingDays ?? null) && a?.calendarDays === b?.calendarDays && (a?.kind ?? '') === (b?.kind ?? '');

/** The changes of POST /api/procedures/:code/versions the draft makes: `deadline` and `deadlines`, only what differs. */
export function deadlineChanges(p: Procedure, d: DeadlineDraft): { deadline?: Deadline; deadlines?: Record<string, Deadline | null> } {
  const out: { deadline?: Deadline; deadlines?: Record<string, Deadline | null> } = {};
  const counter = deadlineBody(num(d.counter.days), d.counter.kind);
  if (!same(counter, p.deadline)) out.deadline = counter;
  for (const c of ['online', 'post'] as const) {
    const before = deadlineOfChannel(p, c);
    const days = num(d[c].days);
    // Empty: the channel has no deadline of its own (the API drops one it had).
    const after = days === null && d[c].kind !== 'same-day' ? null : deadlineBody(days, d[c].kind);
    if (after === null ? before !== undefined : !same(after, before)) out.deadlines = { ...out.deadlines, [c]: after };
  }
  return out;
}

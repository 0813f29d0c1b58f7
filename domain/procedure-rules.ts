/**
 * A procedure's rules as plain data: what a dossier's workflow needs of its procedure, with no
 * form and no zod, so the workflow bundle carries the interpreter only. A dossier pins the rules
 * of the version it was submitted under (`code@version`) in its workflow input, and a newer
 * version never changes a dossier in flight (docs/procedures.md).
 */

/** A localized label. Vietnamese is the default language of every screen. */
export type Label = { vi: string; en: string };

/**
 * The stage blocks a procedure is composed of, in order; each is a kind whose behaviour lives in
 * domain/lifecycle/stages/. `receive` and `deliver` are always present; `review`, `verify`, `pay`
 * and `approve` are optional, and `pay` may stand before `review`
 * (the fee is collected before the file is examined).
 */
export type StageName = 'receive' | 'review' | 'verify' | 'post' | 'tax' | 'pay' | 'approve' | 'deliver' | 'inspect' | 'consult';
export type Stage =
  | { name: 'receive' }
  | { name: 'review'; supplementLimitDays: number }
  /**
   * A lawful longer verification during review: the deadline grows by up to `maxExtraDays` (in
   * `unit`) without an apology, e.g. marriage +5 working days when the conditions need checking
   * (Law on Civil Status 2014, art. 18), the marital-status certificate up to 23 days.
   */
  | { name: 'verify'; maxExtraDays: number; unit: 'working-days' | 'calendar-days' }
  /**
   * Public posting (niêm yết) for `days` calendar days, objections recorded; the office's clock
   * runs or is paused meanwhile as the procedure's rule says.
   */
  | { name: 'post'; days: number; clock: 'runs' | 'paused' }
  /**
   * Financial obligations (nghĩa vụ tài chính): the file goes to the tax office, the office's clock
   * is paused until the applicant has paid (or is exempt); `unpaidReminderDays` calendar days after
   * the tax notice, an unpaid dossier is flagged to the office (docs/procedures.md).
   */
  | { name: 'tax'; unpaidReminderDays: number }
  | { name: 'pay'; limitDays: number }
  /** A site inspection (thẩm định thực địa) scheduled with the applicant; the dossier moves on once its minutes are attached. */
  | { name: 'inspect' }
  /**
   * Opinions asked of named agencies (xin ý kiến), in parallel: each has at most `shareWorkingDays`
   * to answer. `silence`: what an answer missing at its due time counts as — `agrees` where the
   * procedure's law says so (construction permits: Law on Construction art. 102), else `no-answer`.
   */
  | { name: 'consult'; shareWorkingDays: number; silence: 'agrees' | 'no-answer' }
  | { name: 'approve' }
  /** Handing the result over; `result` says how it may be (absent: as `electronic`, the rules before result types). */
  | { name: 'deliver'; ratingWindowDays: number; result?: ResultKind };

/**
 * What the result is, and so how it may be delivered (the `deliver` kind's guard):
 * - `electronic`: an electronic result the citizen may download, signed (docs/forms.md), or collect at the desk;
 * - `paper`: an original on paper (a land certificate, Land Law 2024 art. 133–135 with the
 *   certificate form of Decree 101/2024): handed over at the desk, never "delivered online";
 * - `in-person-both-spouses`: the marriage certificate, handed to both spouses in person, who sign
 *   the register and the certificate there (Luật Hộ tịch 2014 art. 18(1); Decree 123/2015 art. 18):
 *   the desk records each spouse's name and personal ID number as checked.
 */
export const RESULT_KINDS = ['electronic', 'paper', 'in-person-both-spouses'] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];

/**
 * One hop of a procedure's hand-off route, in order: where the dossier goes (`receiving`: the
 * commune desk that received it; `department`: the rules' deciding department; else an agency
 * code, e.g. the province People's Committee) and the working days it holds it there. The
 * forwarding officer may choose another share within what remains of the deadline.
 */
export type HandoffHop = { to: 'receiving' | 'department' | (string & {}); shareWorkingDays: number };

/** Who decides: a commune-level unit, or a province department after a commune hand-off. */
export type Level = 'commune' | 'province';

/** A commune-level decider other than the commune People's Committee (`ProcedureRules.decidedBy`). */
export const DECIDERS = ['commune-police'] as const;
export type DecidedBy = (typeof DECIDERS)[number];

/**
 * How a dossier came in: online, at the counter, at the one-stop shop's kiosk, or by post (the
 * desk records a dossier received by post; docs/calendar.md).
 */
export const CHANNELS = ['online', 'counter', 'kiosk', 'post'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * The processing time. Without `kind` (the rules of version-1 coded procedures), `workingDays`
 * counts 8 working hours a day from the minute of reception. With a `kind`, the time is counted as
 * the law counts it (domain/calendar/deadline.ts, docs/calendar.md): `working-days` closes at
 * 17:00 of the N-th working day after the day of reception, `working-hours` counts
 * `workingDays × 8` hours, `calendar-days` counts `calendarDays`, `same-day` closes the day of
 * reception. `workingDays: null` and no `calendarDays`: the procedure states no time, and a
 * dossier has no due date — one is never invented.
 */
export type Deadline = {
  workingDays: number | null;
  calendarDays?: number;
  kind?: 'working-days' | 'working-hours' | 'calendar-days' | 'same-day';
};

export interface ProcedureRules {
  /** National catalogue code (Cơ sở dữ liệu quốc gia về TTHC). */
  code: string;
  /** Each published change is a new version; dossiers keep the one they were submitted under. */
  version: number;
  level: Level;
  /**
   * Who receives and decides a commune-level procedure when it is not the commune People's
   * Committee. `commune-police`: the police of the commune the dossier is filed at (Công an cấp xã;
   * residence, Law on Residence 2020 art. 22): the dossier is held from filing by the commune's
   * police unit, the agency of kind `police` under it (api/deciding-agency.ts, docs/procedures.md).
   * Absent: the commune itself.
   */
  decidedBy?: DecidedBy;
  /** Fee in VND at the counter, and online where the rate differs. */
  fee: { counter: number; online?: number };
  /**
   * How the fee follows the form, when it does (domain/fees.ts): per unit of a form field with
   * tiers and a cap, and exemptions by form field. Absent: `fee` as it stands.
   */
  feeRule?: FeeRule;
  /** The counter's deadline (the kiosk's too); `deadlines` below gives the other channels'. */
  deadline: Deadline;
  /**
   * The deadline of the online and postal channels where the procedure states one of its own;
   * absent, the counter's (domain/deadline-choice.ts, docs/calendar.md).
   */
  deadlines?: { online?: Deadline; post?: Deadline };
  /**
   * Working days (or calendar days, with a calendar-days deadline) added for a dossier received
   * by a commune with especially difficult conditions, where the procedure says so.
   */
  difficultCommuneExtraDays?: number;
  /**
   * For province-level procedures: the deciding department and its share of the deadline. With a
   * `route` (since the repeatable hand-off, docs/procedures.md "Stage kinds"), the dossier may be
   * forwarded any number of times along the agency tree, each hop with its own share; without one,
   * once to the department (the rules dossiers pinned before it keep).
   */
  handoff?: { departmentCode: string; shareWorkingDays: number | null; route?: HandoffHop[] };
  stages: Stage[];
}

/**
 * A fee that depends on the form (docs/procedures.md). `perUnit`: the amount is counted on the
 * number in form field `field`, each unit priced by the tier it falls in (`tiers` in order, the
 * last open-ended), at most `capPerItem`, times the number in `timesField` when given (e.g. pages
 * of the original, per copy, times the copies). Otherwise the fixed `fee` of the channel.
 * `exemptions`: when form field `field` holds one of `values`, nothing is charged. `source`
 * cites the legal basis.
 */
export type FeeTier = { upTo: number | null; vnd: number };
export interface FeeRule {
  perUnit?: { field: string; tiers: FeeTier[]; capPerItem?: number; timesField?: string };
  exemptions?: { field: string; values: (string | boolean)[] };
  source: string;
}

/** The rules snapshot of a definition (only the rule fields, in a fixed order; optional ones only when set). */
export function rulesOf(p: ProcedureRules): ProcedureRules {
  const rules: ProcedureRules = { code: p.code, version: p.version, level: p.level, fee: p.fee, deadline: p.deadline, stages: p.stages };
  return {
    ...rules,
    ...(p.handoff ? { handoff: p.handoff } : {}),
    ...(p.feeRule ? { feeRule: p.feeRule } : {}),
    ...(p.deadlines ? { deadlines: p.deadlines } : {}),
    ...(p.difficultCommuneExtraDays ? { difficultCommuneExtraDays: p.difficultCommuneExtraDays } : {}),
    ...(p.decidedBy ? { decidedBy: p.decidedBy } : {}),
  };
}

export const stageOf = <N extends StageName>(p: ProcedureRules, name: N) =>
  p.stages.find((s): s is Extract<Stage, { name: N }> => s.name === name);

export const payBeforeReview = (p: ProcedureRules) => {
  const names = p.stages.map((s) => s.name);
  return names.includes('pay') && names.includes('review') && names.indexOf('pay') < names.indexOf('review');
};

/** The fixed fee of a channel: online's where it differs; the kiosk and the post pay the counter's. */
export const feeFor = (p: ProcedureRules, channel: Channel) =>
  channel === 'online' ? (p.fee.online ?? p.fee.counter) : p.fee.counter;

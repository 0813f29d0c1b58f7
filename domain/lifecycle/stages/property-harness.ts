/**
 * Test-only: drives dossiers of a random stage list through random actions, time and timers, and
 * checks what every kind promises — an action is offered iff `decide` accepts it (bar the body
 * rules a button cannot foresee), nothing outside the kinds present is ever offered or accepted —
 * then hands each accepted transition to the kind's own invariants. One `*.property.test.ts` per kind.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { ACTIONS, actionBodySchemas, type Action, type ActionBodies, type ActionRequest } from '../../actions';
import { SYSTEM_ACTOR, type Actor } from '../../actor';
import { approve, consult, deliver, inspect, pay as payStage, post, receive, RESULT_KINDS, review, tax, verify, type ProcedureRules, type Stage } from '../../procedure';
import { isFinal } from '../../status';
import { decide, isRefusal, pay, submit } from '../reduce';
import { allowedActions, refusalOf } from '../rules';
import type { DossierEvent, DossierState } from '../state';
import { COMMUNE, DAY, DEPARTMENT, HOUR, NOW, OTHER_COMMUNE, calendar, citizen, desk, officer } from '../test-fixtures';
import { fireTimer, pendingTimers } from '../timers';
import { kindsOf, specOf } from '.';

export const ACTORS: Actor[] = [
  citizen,
  ...[COMMUNE, DEPARTMENT, OTHER_COMMUNE].flatMap((agency) =>
    (['desk-officer', 'specialist', 'leader'] as const).map((role) => officer(role, agency)),
  ),
];

const SPOUSES = [{ name: 'Vàng A Páo', idNumber: '010099001234' }, { name: 'Giàng Thị Dung', idNumber: '010301005678' }];

const GIVING_UP: ReadonlySet<Action> = new Set(['withdraw', 'not-accept', 'reject']);

export type Optional = 'review' | 'verify' | 'post' | 'tax' | 'pay' | 'approve' | 'inspect' | 'consult';
/** A stage list as a procedure file could compose it: receive … deliver, optional middle stages, pay before or after review. */
const sometimes = fc.nat(3).map((n) => n === 0);

export const stageLists = (must: Optional | null) =>
  fc
    .record({
      review: must === 'review' || must === 'verify' ? fc.constant(true) : fc.boolean(),
      verify: must === 'verify' ? fc.constant(true) : fc.boolean(),
      post: must === 'post' ? fc.constant(true) : fc.boolean(),
      postingPauses: fc.boolean(),
      // The kinds that hold a dossier until their own steps are taken come one time in four, so
      // that enough random sequences still reach the result, its hand-over and its rating.
      inspect: must === 'inspect' ? fc.constant(true) : sometimes,
      consult: must === 'consult' ? fc.constant(true) : sometimes,
      silenceAgrees: fc.boolean(),
      tax: must === 'tax' ? fc.constant(true) : sometimes,
      calendarDays: fc.boolean(),
      pay: must === 'pay' ? fc.constant(true) : fc.boolean(),
      approve: must === 'approve' ? fc.constant(true) : fc.boolean(),
      payFirst: fc.boolean(),
      province: fc.boolean(),
      deadline: fc.constantFrom(1, 3, 7),
      result: fc.constantFrom(undefined, ...RESULT_KINDS),
    })
    .map((o): ProcedureRules => {
      const middle: Stage[] = [];
      if (o.pay && o.payFirst) middle.push(payStage({ limitDays: 2 }));
      if (o.review) middle.push(review({ supplementLimitDays: 5 }));
      // Verification happens while the file is examined: it comes with a review.
      if (o.review && o.verify) middle.push(o.calendarDays ? verify({ maxExtraDays: 23, unit: 'calendar-days' }) : verify({ maxExtraDays: 5 }));
      if (o.inspect) middle.push(inspect());
      if (o.consult) middle.push(consult({ shareWorkingDays: 5, silence: o.silenceAgrees ? 'agrees' : 'no-answer' }));
      if (o.post) middle.push(post({ days: 15, clock: o.postingPauses ? 'paused' : 'runs' }));
      if (o.tax) middle.push(tax({ unpaidReminderDays: 10 }));
      if (o.pay && !o.payFirst) middle.push(payStage({ limitDays: 3 }));
      if (o.approve) middle.push(approve());
      return {
        code: '9.100001',
        version: 1,
        level: o.province ? 'province' : 'commune',
        fee: o.pay ? { counter: 30_000, online: 20_000 } : { counter: 0 },
        deadline: { workingDays: o.deadline },
        ...(o.province ? { handoff: { departmentCode: DEPARTMENT, shareWorkingDays: Math.max(o.deadline - 1, 1) } } : {}),
        stages: [receive(), ...middle, deliver({ ratingWindowDays: 7, ...(o.result ? { result: o.result } : {}) })],
      };
    });

export type Command =
  | { kind: 'act'; action: Action; actor: number; variant: number }
  | { kind: 'act-allowed'; pick: number; variant: number }
  | { kind: 'advance'; hours: number }
  | { kind: 'fire' }
  /** The payment gateway's confirmation (the workflow's `pay`), right or wrong amount. */
  | { kind: 'gateway'; variant: number };

const variant = fc.nat({ max: 3 });
export const commands = fc.array(
  fc.oneof(
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('act' as const), action: fc.constantFrom(...ACTIONS), actor: fc.nat({ max: ACTORS.length - 1 }), variant }) },
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('act-allowed' as const), pick: fc.nat({ max: 1000 }), variant }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('advance' as const), hours: fc.integer({ min: 1, max: 96 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('fire' as const) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('gateway' as const), variant }) },
  ),
  { maxLength: 40, size: 'max' },
);

/** A body the API would accept for `action`; `v` picks among right and (rule-)wrong values. */
export function bodyFor(action: Action, v: number, s: DossierState, now: number): ActionBodies[Action] {
  switch (action) {
    case 'receive':
    case 'return':
    case 'approve':
      return {};
    case 'verify':
      return v % 2 ? { note: 'đã kiểm tra' } : {};
    case 'not-accept':
    case 'reject':
      return { reason: 'không đủ điều kiện' };
    case 'request-supplement':
    case 'request-completion':
      return { missing: [`giấy tờ ${v}`] };
    case 'complete':
      return v % 2 ? { note: 'đã bổ sung' } : {};
    case 'record-objection':
      return { note: `ý kiến phản ánh ${v}`, ...(v % 2 ? { from: 'Hộ liền kề' } : {}) };
    case 'schedule-inspection':
      return { at: new Date(now + [2 * DAY, 3 * HOUR, -HOUR, 5 * DAY][v]!).toISOString(), place: `Thửa đất số ${v}`, ...(v % 2 ? { note: 'chủ đầu tư có mặt' } : {}) };
    case 'record-inspection':
      return { minutes: { id: `m${v}`, name: 'bien-ban.pdf' }, outcome: v % 2 ? 'deviates' : 'conforms', ...(v > 1 ? { note: 'đã kiểm tra' } : {}) };
    case 'request-opinions':
      return {
        agencies: [[{ agencyCode: DEPARTMENT }], [{ agencyCode: OTHER_COMMUNE, days: 2 }, { agencyCode: DEPARTMENT, days: 1 }], [], [{ agencyCode: DEPARTMENT, days: 30 }]][v]!,
        note: 'xin ý kiến về quy hoạch',
      };
    case 'record-opinion':
      return { opinion: (['agree', 'disagree', 'conditions', 'agree'] as const)[v]!, ...(v === 2 ? {} : { note: 'ý kiến của cơ quan' }), ...(v === 3 ? { attachment: { id: 'op', name: 'y-kien.pdf' } } : {}) };
    case 'send-to-tax':
      return { slipNo: `PCTT-${v}`, ...(v % 2 ? { note: 'gửi qua liên thông điện tử' } : {}) };
    case 'record-tax-notice':
      return { noticeNo: `TB-${v}`, amount: [1_250_000, 0, 80_000_000, 500][v]! };
    case 'record-tax-payment':
      return v % 2 ? { exemption: 'miễn tiền sử dụng đất (hộ nghèo)' } : { receiptNo: `CT-${v}` };
    case 'require-verification':
      return { reason: 'cần xác minh', ...(v === 0 ? {} : { days: [0, 1, 5, 30][v] }) };
    case 'supplement':
      return v % 2 ? { attachments: [{ id: `f${v}`, name: 'bo-sung.pdf' }] } : {};
    case 'assign':
      return { assigneeId: `officer-${v}` };
    case 'forward':
      // v = 1 chooses the hop's share (the repeatable hand-off takes it, the single forward refuses it).
      return { agencyCode: [DEPARTMENT, DEPARTMENT, COMMUNE, OTHER_COMMUNE][v]!, ...(v === 1 ? { shareWorkingDays: 2 } : {}) };
    case 'record-payment':
      return { amount: [s.fee, s.fee, s.fee + 1_000, Math.max(0, s.fee - 1)][v]!, receiptNo: `BL-${v}` };
    case 'deliver':
      // Online; at the desk with both spouses, with one, or with nobody recorded.
      return v % 2 ? { method: 'online' } : { method: 'desk', ...(v === 0 ? { present: SPOUSES } : v === 2 ? { present: SPOUSES.slice(0, 1) } : {}) };
    case 'withdraw':
      return v % 2 ? { reason: 'đổi ý' } : {};
    case 'extend':
      return { newDueAt: new Date((s.dueAt ?? now) + [2 * DAY, 5 * DAY, 0, -DAY][v]!).toISOString(), reason: 'cần xác minh' };
    case 'rate':
      return { score: v + 1, ...(v % 2 ? { comment: 'tốt' } : {}) };
  }
}

/** One accepted transition, as the kinds' invariants see it. */
export interface Transition {
  p: ProcedureRules;
  prev: DossierState;
  next: DossierState;
  event: DossierEvent;
  /** The whole trail so far, this event included. */
  events: DossierEvent[];
}

export interface Exploration {
  /** The kind's own invariants, checked after every accepted transition. */
  check: (t: Transition) => void;
  /** Event types, statuses and timers reached over all runs, to prove the generator gets there. */
  reached: Set<string>;
}

export function explore(p: ProcedureRules, by: 'citizen' | 'counter', cmds: Command[], x: Exploration) {
  const ctx = (now: number) => ({ procedure: p, calendar, now });
  const first = submit({ code: 'D-1', procedure: p, channel: by === 'citizen' ? 'online' : 'counter', applicantUserId: citizen.id, agencyCode: COMMUNE, submittedBy: by === 'citizen' ? citizen : desk }, ctx(NOW));
  let s = first.state;
  let now = NOW;
  const events = [first.event];
  const present = new Set(kindsOf(p).flatMap((k) => Object.keys(k.actions)));
  const accept = (next: DossierState, event: DossierEvent) => {
    const prev = s;
    events.push(event);
    s = next;
    x.reached.add(`event:${event.type}`).add(`status:${next.status}`);
    expect(event.seq).toBe(prev.seq + 1);
    if (isFinal(prev.status)) expect(next.status, 'a final status never changes').toBe(prev.status);
    x.check({ p, prev, next, event, events });
  };

  for (const c of cmds) {
    if (c.kind === 'advance') {
      now += c.hours * HOUR;
    } else if (c.kind === 'fire') {
      const t = pendingTimers(s, p, calendar)[0];
      if (!t) continue;
      now = Math.max(now, t.at);
      x.reached.add(`timer:${t.kind}`);
      const fired = fireTimer(s, t, ctx(now));
      if (fired) accept(fired.state, fired.event);
    } else if (c.kind === 'gateway') {
      if (s.status !== 'AWAITING_PAYMENT') continue;
      const amount = [s.fee, s.fee, s.fee + 500, 1][c.variant]!;
      const paid = pay(s, amount, ctx(now));
      if (isRefusal(paid)) expect(amount).not.toBe(s.fee);
      else accept({ ...paid, seq: s.seq + 1 }, { seq: s.seq + 1, type: 'payment-received', actor: SYSTEM_ACTOR, at: now, fromStatus: s.status, toStatus: paid.status, agencyCode: paid.agencyCode, data: { amount } });
    } else {
      const pairs = ACTORS.flatMap((a) => allowedActions(s, p, a).map((action) => [a, action] as const));
      for (const [, action] of pairs) expect(present.has(action), `'${action}' offered though no kind present has it`).toBe(true);
      let actor: Actor;
      let action: Action;
      if (c.kind === 'act' || pairs.length === 0) {
        actor = ACTORS[c.kind === 'act' ? c.actor : c.pick % ACTORS.length]!;
        action = c.kind === 'act' ? c.action : ACTIONS[c.pick % ACTIONS.length]!;
      } else {
        // Mostly move on rather than give up, so runs get past the first few stages.
        const onward = pairs.filter(([, a]) => !GIVING_UP.has(a));
        const pool = c.pick % 4 === 0 || onward.length === 0 ? pairs : onward;
        [actor, action] = pool[Math.floor(c.pick / 4) % pool.length]!;
      }
      const req = { action, body: actionBodySchemas[action].parse(bodyFor(action, c.variant, s, now)) } as ActionRequest;
      const offered = allowedActions(s, p, actor).includes(action);
      const d = decide(s, actor, req, ctx(now));
      if (!present.has(action)) {
        expect(specOf(p, action)).toBeNull();
        expect(refusalOf(s, p, actor, action)?.code, `'${action}' of an absent kind`).toBe('illegal-transition');
      }
      if (d.ok) {
        expect(offered, `'${action}' by ${actor.id} accepted though not offered in ${s.status}`).toBe(true);
        accept(d.state, d.event);
      } else if (d.refusal.code === 'rule') {
        // Only a body rule (an amount, a date, a target agency) may refuse an offered action.
        expect(offered, `'${action}' refused on a rule but not offered: ${d.refusal.reason}`).toBe(true);
        x.reached.add(`rule:${action}`);
      } else {
        expect(offered, `'${action}' by ${actor.id} offered but refused: ${d.refusal.reason}`).toBe(false);
      }
    }
  }
  return { state: s, events };
}

/** Runs `explore` over random stage lists containing `must`, both channels, and random commands. */
export function assertKind(must: Optional | null, x: Exploration, numRuns = 300, lists = stageLists(must)) {
  fc.assert(
    fc.property(lists, fc.constantFrom('citizen' as const, 'counter' as const), commands, (p, by, cmds) => void explore(p, by, cmds, x)),
    { numRuns },
  );
}

export interface KindProperty {
  /** Marks (`event:…`, `status:…`, `timer:…`, `rule:…` or the check's own) that some run must reach, so the property is not vacuous. */
  reaches: readonly string[];
  /** The kind's invariants after every accepted transition; `reached` takes marks of its own. */
  check: (t: Transition, reached: Set<string>) => void;
  runs?: number;
  lists?: fc.Arbitrary<ProcedureRules>;
}

/** One `it` per property of a kind: `assertKind` with `check`, then every mark of `reaches` reached. */
export function kindProperty(must: Optional | null, title: string, { reaches, check, runs, lists }: KindProperty) {
  it(title, () => {
    const reached = new Set<string>();
    assertKind(must, { reached, check: (t) => check(t, reached) }, runs, lists);
    for (const r of reaches) expect(reached).toContain(r);
  });
}

export const count = (events: DossierEvent[], type: string) => events.filter((e) => e.type === type).length;

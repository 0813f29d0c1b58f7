import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIONS, actionBodySchemas, type Action, type ActionRequest } from '../actions';
import { stageOf, type ProcedureDefinition, type ProcedureRules } from '../procedure';
import { SYSTEM_ACTOR, type Actor } from '../actor';
import { CLOCK_RUNNING, STATUSES, isFinal, type Status } from '../status';
import { decide } from './reduce';
import { hasRoute } from './hop-share';
import { bodyFor } from './stages/property-harness';
import { allowedActions } from './rules';
import type { DossierEvent, DossierState } from './state';
import { isClosed, pendingTimers, fireTimer } from './timers';
import { TIMELINESS, originalDue, type Timeliness } from './timeliness';
import {
  COMMUNE,
  DEPARTMENT,
  HOUR,
  NOW,
  OTHER_COMMUNE,
  PROCEDURES,
  calendar,
  citizen,
  ctxAt,
  officer,
  leader,
  desk,
  specialist,
  Dossier,
  feeProcedure,
  provinceProcedure,
  stpDesk,
  stpLeader,
  stpSpecialist,
  submitted,
} from './test-fixtures';

/** The citizen, and a desk officer, specialist and leader of each of three agencies. */
const ACTORS: Actor[] = [
  citizen,
  ...[COMMUNE, DEPARTMENT, OTHER_COMMUNE].flatMap((agency) =>
    (['desk-officer', 'specialist', 'leader'] as const).map((role) => officer(role, agency)),
  ),
];

type Command =
  /** Any action by any actor: mostly refused, which is the point. */
  | { kind: 'act'; action: Action; actor: number; variant: number }
  /** One of the (actor, action) pairs the rules allow now: drives dossiers forward. */
  | { kind: 'act-allowed'; pick: number; variant: number }
  | { kind: 'advance'; hours: number }
  | { kind: 'fire' };

const ONCE = ['submit', 'receive', 'request-completion', 'complete', 'verify', 'record-payment', 'approve', 'forward', 'return', 'request-supplement', 'supplement', 'extend', 'deliver', 'rate'];
const GIVING_UP: ReadonlySet<Action> = new Set(['withdraw', 'not-accept', 'reject']);

const variant = fc.nat({ max: 3 });
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('act' as const), action: fc.constantFrom(...ACTIONS), actor: fc.nat({ max: ACTORS.length - 1 }), variant }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('act-allowed' as const), pick: fc.nat({ max: 1000 }), variant }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('advance' as const), hours: fc.integer({ min: 1, max: 96 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fire' as const) }) },
);


/** The body-level rules the reducer checks after the gates: the only refusals `allowedActions` cannot foresee. */
function breaksBodyRule(s: DossierState, req: ActionRequest, now: number, p: ProcedureRules): boolean {
  switch (req.action) {
    case 'record-payment':
      return req.body.amount !== s.fee;
    case 'extend': {
      // An apology comes at least one working day before the due date, and never after the result.
      const due = originalDue(s);
      const tooLate = s.resultReadyAt != null || (due !== null && calendar.addWorkingHours(now, 8) > due);
      return tooLate || !(Date.parse(req.body.newDueAt) > (s.dueAt ?? 0));
    }
    case 'forward': {
      // A share is the repeatable hand-off's (hop-share.ts), and must fit in what remains.
      const share = req.body.shareWorkingDays;
      if (req.body.agencyCode === s.agencyCode || (share !== undefined && !hasRoute(p))) return true;
      return share !== undefined && s.dueAt !== null && calendar.addWorkingDays(calendar.receptionStart(now), share) > s.dueAt;
    }
    default:
      return false;
  }
}

function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

/** What a run reached, summed over all runs, to prove the generator explores the lifecycle. */
const reached = { statuses: new Set<Status>(), events: new Set<string>(), ruleRefusals: new Set<Action>(), timers: new Set<string>() };

class Run {
  state: DossierState;
  now = NOW;
  events: DossierEvent[];
  finals = new Set<Status>();

  constructor(
    readonly p: ProcedureDefinition,
    by: 'citizen' | 'counter',
  ) {
    const first = submitted(p, by, NOW);
    this.state = deepFreeze(first.state);
    this.events = [first.event];
    this.checkState();
  }

  step(c: Command) {
    switch (c.kind) {
      case 'advance':
        this.now += c.hours * HOUR;
        return;
      case 'fire':
        return this.fire();
      case 'act':
        return this.act(ACTORS[c.actor]!, c.action, c.variant);
      case 'act-allowed': {
        const pairs = ACTORS.flatMap((actor) => allowedActions(this.state, this.p, actor).map((action) => [actor, action] as const));
        if (pairs.length === 0) return this.act(ACTORS[c.pick % ACTORS.length]!, ACTIONS[c.pick % ACTIONS.length]!, c.variant);
        // Mostly move on rather than give up, so runs get past the first few stages.
        const onward = pairs.filter(([, a]) => !GIVING_UP.has(a));
        const pool = c.pick % 4 === 0 || onward.length === 0 ? pairs : onward;
        const [actor, action] = pool[Math.floor(c.pick / 4) % pool.length]!;
        return this.act(actor, action, c.variant);
      }
    }
  }

  act(actor: Actor, action: Action, v: number) {
    const prev = this.state;
    const before = structuredClone(prev);
    const req = { action, body: actionBodySchemas[action].parse(bodyFor(action, v, prev, this.now)) } as ActionRequest;
    const allowed = allowedActions(prev, this.p, actor).includes(action);
    const d = decide(prev, actor, req, ctxAt(this.p, this.now));

    expect(prev, 'decide never changes the state it is given').toEqual(before);
    if (!d.ok) {
      if (d.refusal.code === 'rule') {
        reached.ruleRefusals.add(action);
        expect(allowed, `a '${action}' refused on a rule passed the gates`).toBe(true);
        expect(breaksBodyRule(prev, req, this.now, this.p), `'${action}' refused: ${d.refusal.reason}`).toBe(true);
      } else {
        expect(allowed, `'${action}' by ${actor.id} refused though allowed: ${d.refusal.reason}`).toBe(false);
      }
      return;
    }
    expect(allowed, `'${action}' by ${actor.id} accepted though not allowed in ${prev.status}`).toBe(true);
    expect(breaksBodyRule(prev, req, this.now, this.p), `'${action}' accepted against a body rule`).toBe(false);
    if (isFinal(prev.status)) expect([prev.status, action]).toEqual(['DELIVERED', 'rate']);
    expect(d.event).toMatchObject({ type: action, actor, at: this.now, data: req.body });
    this.record(prev, d.state, d.event);
  }

  fire() {
    const timers = pendingTimers(this.state, this.p, calendar);
    const t = timers[0];
    if (!t) return;
    if (isFinal(this.state.status)) expect(timers.map((x) => x.kind)).toEqual(['rating-closed']);
    this.now = Math.max(this.now, t.at);
    reached.timers.add(t.kind);
    const prev = this.state;
    const fired = fireTimer(prev, t, ctxAt(this.p, this.now));
    if (!fired) {
      expect(t.kind).toBe('rating-closed');
      expect(isClosed(prev, this.now, this.p, calendar)).toBe(true);
      return;
    }
    expect(fired.event.actor).toEqual(SYSTEM_ACTOR);
    this.record(prev, fired.state, fired.event);
    expect(pendingTimers(this.state, this.p, calendar).map((x) => x.kind), `${t.kind} fired twice`).not.toContain(t.kind);
  }

  /** Invariants of one accepted transition, then of the state it leads to. */
  record(prev: DossierState, next: DossierState, event: DossierEvent) {
    expect(event.seq).toBe(prev.seq + 1);
    expect(next.seq).toBe(event.seq);
    expect(event.fromStatus).toBe(prev.status);
    expect(event.toStatus).toBe(next.status);
    expect(event.agencyCode).toBe(next.agencyCode);
    if (isFinal(prev.status)) expect(next.status, 'a final status never changes').toBe(prev.status);
    if (next.status === 'DELIVERED' && prev.status !== 'DELIVERED') expect(prev.status).toBe('RESULT_READY');
    // The class is fixed when the result is ready; an apology never moves the due date it is taken against.
    if (prev.resultReadyAt != null) expect([next.resultReadyAt, next.timeliness]).toEqual([prev.resultReadyAt, prev.timeliness]);
    if (next.status === 'RESULT_READY' && prev.status !== 'RESULT_READY') expect(next.resultReadyAt).toBe(event.at);
    if (event.type === 'extend') expect(next.originalDueAt).toBe(prev.originalDueAt);
    if (next.timeliness != null) expect(next.status).toMatch(/RESULT_READY|DELIVERED/);

    this.events.push(event);
    if (next.status === 'RESULT_READY' && prev.status !== 'RESULT_READY') this.checkNoStageSkipped(next);
    this.state = deepFreeze(next);
    reached.events.add(event.type);
    this.checkState();
  }

  checkNoStageSkipped(s: DossierState) {
    const did = (type: string) => this.events.some((e) => e.type === type);
    if (stageOf(this.p, 'review')) expect(did('verify'), 'result before verify').toBe(true);
    if (s.fee > 0) expect(did('record-payment') && s.paid, 'result before payment').toBe(true);
    if (stageOf(this.p, 'approve')) expect(did('approve'), 'result before approval').toBe(true);
  }

  checkState() {
    const s = this.state;
    reached.statuses.add(s.status);
    expect(STATUSES).toContain(s.status);
    if (isFinal(s.status)) this.finals.add(s.status);
    expect(this.finals.size, `two terminal statuses: ${[...this.finals]}`).toBeLessThanOrEqual(1);
    expect(this.events.map((e) => e.seq)).toEqual(this.events.map((_, i) => i + 1));
    if (CLOCK_RUNNING.has(s.status)) expect(s.dueAt).not.toBeNull();
    if (s.dueAt !== null && s.stageDueAt !== null) expect(s.stageDueAt, 'a share ends after the whole deadline').toBeLessThanOrEqual(s.dueAt);

    // Each stage happens at most once: a dossier never goes round in circles.
    for (const once of ONCE) expect(this.events.filter((e) => e.type === once).length, `${once} twice`).toBeLessThanOrEqual(1);

    // The processing clock's timers run only while the agency, not the citizen, is being waited on.
    const timers = pendingTimers(s, this.p, calendar);
    expect(timers.map((t) => t.at)).toEqual(timers.map((t) => t.at).sort((a, b) => a - b));
    if (!CLOCK_RUNNING.has(s.status)) expect(timers.filter((t) => /reminder|escalation/.test(t.kind))).toEqual([]);

    // Each agency's time is one unbroken chain of shares; the open one is where the dossier is.
    const open = s.shares.filter((x) => x.leftAt === null);
    if (isFinal(s.status)) {
      expect(open).toEqual([]);
      expect(s.shares.at(-1)?.leftAt).toBe(s.finishedAt);
    } else {
      expect(open).toHaveLength(1);
      expect(s.shares.at(-1)).toMatchObject({ agencyCode: s.agencyCode, leftAt: null });
    }
    for (let i = 1; i < s.shares.length; i++) expect(s.shares[i]!.enteredAt).toBe(s.shares[i - 1]!.leftAt);
  }
}

describe('the lifecycle under random sequences of actions, time and timers', () => {
  it('keeps its invariants after every step', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROCEDURES.map((p) => p.code)),
        fc.constantFrom('citizen' as const, 'counter' as const),
        fc.array(command, { maxLength: 40, size: 'max' }),
        (code, by, commands) => {
          const run = new Run(PROCEDURES.find((p) => p.code === code)!, by);
          for (const c of commands) run.step(c);
        },
      ),
      { numRuns: 400 },
    );

    // The generator must actually reach the far corners, or the property proves little.
    expect([...reached.statuses].sort()).toEqual([...STATUSES].sort());
    expect([...reached.ruleRefusals].sort()).toEqual(['extend', 'forward', 'record-payment']);
    expect([...reached.timers].sort()).toEqual(['escalation', 'payment-expired', 'rating-closed', 'reception-overdue', 'reminder-1d', 'reminder-75', 'supplement-expired']);
    for (const t of ['return', 'deliver', 'rate', 'supplement', 'cancel', 'reminder', 'escalation']) expect(reached.events).toContain(t);
  });
});

/** Better classes first: `early` beats `on-time` beats `late`. */
const rank = (t: Timeliness | null | undefined) => (t == null ? TIMELINESS.length : TIMELINESS.indexOf(t));

describe('the apology and the classification', () => {
  /**
   * The same dossier worked at the same moments, once with an apology at `extendAt` and once
   * without: the apology may be refused (too late), but it never makes the class better.
   */
  it('timeliness never improves after an extension', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('fee', 'province'),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 1, max: 240 }),
        fc.integer({ min: 1, max: 30 * 24 }),
        (kind, extendAfterHours, readyAfterHours, laterByHours) => {
          const run = (extend: boolean) => {
            const p = kind === 'fee' ? feeProcedure : provinceProcedure;
            const d = Dossier.start(p, 'counter');
            const at = (h: number) => NOW + h * HOUR;
            const tryExtend = (who: Actor) => {
              if (!extend || extendAfterHours >= readyAfterHours) return;
              const newDueAt = new Date((d.state.dueAt ?? NOW) + laterByHours * HOUR).toISOString();
              const r = decide(d.state, who, { action: 'extend', body: { newDueAt, reason: 'xin lỗi' } }, ctxAt(p, at(extendAfterHours)));
              if (r.ok) d.state = r.state;
            };
            if (kind === 'fee') {
              d.act(leader, { action: 'assign', body: { assigneeId: specialist.id } }, NOW);
              tryExtend(leader);
              d.act(specialist, { action: 'verify', body: {} }, at(Math.max(extendAfterHours, 0)));
              d.act(desk, { action: 'record-payment', body: { amount: 50_000, receiptNo: 'BL-1' } }, at(Math.max(extendAfterHours, 0)));
              d.act(leader, { action: 'approve', body: {} }, Math.max(at(readyAfterHours), at(extendAfterHours)));
            } else {
              d.act(desk, { action: 'forward', body: { agencyCode: DEPARTMENT } }, NOW);
              d.act(stpLeader, { action: 'assign', body: { assigneeId: stpSpecialist.id } }, NOW);
              tryExtend(stpLeader);
              d.act(stpSpecialist, { action: 'verify', body: {} }, at(extendAfterHours));
              d.act(stpLeader, { action: 'approve', body: {} }, Math.max(at(readyAfterHours), at(extendAfterHours)));
              d.act(stpDesk, { action: 'return', body: {} }, Math.max(at(readyAfterHours), at(extendAfterHours)));
            }
            return d.state;
          };
          const plain = run(false);
          const extended = run(true);
          expect(plain.status).toBe('RESULT_READY');
          expect(extended.timeliness).not.toBeUndefined();
          expect(rank(extended.timeliness), `${extended.timeliness} after an apology, ${plain.timeliness} without`).toBeGreaterThanOrEqual(rank(plain.timeliness));
        },
      ),
      { numRuns: 300 },
    );
  });
});

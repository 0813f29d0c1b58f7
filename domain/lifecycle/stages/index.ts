import { ACTIONS, type Action } from '../../action-names';
import type { ProcedureRules } from '../../procedure-rules';
import { STATUSES, type Status } from '../../status';
import { startClock } from '../clock';
import { hasRoute } from '../hop-share';
import type { Ctx } from '../ctx';
import type { DossierState } from '../state';
import { approve } from './approve';
import { consult } from './consult';
import { deliver } from './deliver';
import { handoff } from './handoff';
import { inspect } from './inspect';
import { handoffRoute } from './handoff-route';
import type { ActionSpec, Done, StageKind, Timer } from './kind';
import { lifecycle } from './lifecycle';
import { pay } from './pay';
import { post } from './post';
import { receive } from './receive';
import { review } from './review';
import { tax } from './tax';
import { verify } from './verify';

export type { ActionSpec, Done, Guard, Outcome, StageKind, Step, Timer, TimerKind } from './kind';
export { settle } from './pay';

/** Every kind, in the order their timers are listed (ties keep this order). */
export const KINDS = { lifecycle, receive, handoff, handoffRoute, review, verify, post, inspect, consult, tax, pay, approve, deliver } as const;
type KindName = keyof typeof KINDS;

/**
 * The order actions are offered in, whatever kind contributes them: the step that moves the
 * dossier on first, then the hand-offs, then the ways out (withdraw), then the apology.
 */
const ACTION_ORDER: readonly Action[] = [
  'receive', 'request-completion', 'complete', 'assign', 'verify', 'require-verification', 'request-supplement', 'record-objection', 'schedule-inspection', 'record-inspection', 'request-opinions', 'record-opinion', 'send-to-tax', 'record-tax-notice', 'record-tax-payment', 'supplement', 'forward', 'not-accept',
  'approve', 'reject', 'record-payment', 'return', 'deliver', 'withdraw', 'extend', 'rate',
];

/**
 * The kinds a dossier under `p` has: the lifecycle, its stage list, and the hand-off when the
 * procedure is decided at province level (the repeatable one when its rules give a route). Nothing else: an action of a kind not listed is never offered.
 */
export function kindsOf(p: ProcedureRules): StageKind[] {
  const known = KINDS_OF.get(p);
  if (known) return known;
  const listed = p.stages.map((s) => s.name);
  const kinds = (Object.keys(KINDS) as KindName[])
    .filter((k) => k === 'lifecycle' || (k === 'handoff' ? p.level === 'province' && !hasRoute(p) : k === 'handoffRoute' ? hasRoute(p) : listed.includes(k)))
    .map((k) => KINDS[k]);
  KINDS_OF.set(p, kinds);
  return kinds;
}

// Rules are never changed once built (a new version is a new object): what is derived from them
// is derived once. Every list row asks for every action's spec (allowedActions), so this is hot.
const KINDS_OF = new WeakMap<ProcedureRules, StageKind[]>();
const SPECS = new WeakMap<ProcedureRules, Map<Action, ActionSpec<Action> | null>>();

/** The one spec of `action` under `p` (a kind may share one, like `reject`: its statuses are merged), or null. */
export function specOf<A extends Action>(p: ProcedureRules, action: A): ActionSpec<A> | null {
  let specs = SPECS.get(p);
  if (!specs) SPECS.set(p, (specs = new Map()));
  if (!specs.has(action)) specs.set(action, mergedSpec(p, action) as unknown as ActionSpec<Action> | null);
  return specs.get(action) as ActionSpec<A> | null;
}

function mergedSpec<A extends Action>(p: ProcedureRules, action: A): ActionSpec<A> | null {
  const specs = kindsOf(p).flatMap((k) => (k.actions[action] ? [k.actions[action] as ActionSpec<A>] : []));
  if (specs.length === 0) return null;
  return { ...specs[0]!, in: [...new Set(specs.flatMap((x) => x.in))] };
}

/** Why an action of no kind present is refused: its kind's own words, or the stage list. */
export function absentReason(p: ProcedureRules, action: Action): string {
  const owner = ownerOf(action);
  return owner?.absent ?? `'${action}' is not a step of this procedure (stages: ${p.stages.map((s) => s.name).join(', ')})`;
}

const TABLES = new WeakMap<ProcedureRules, Record<Status, Action[]>>();

/**
 * What a dossier under `p` may do in each status (the first gate), derived from its kinds. A status
 * none of its kinds uses offers nothing. For the classic list (receive, review, pay, approve,
 * deliver, province level) this is the table every procedure shared before the kinds.
 */
export function actionsByStatus(p: ProcedureRules): Record<Status, Action[]> {
  // Asked for every action of every screen: computed once per pinned rules object.
  const known = TABLES.get(p);
  if (known) return known;
  const kinds = kindsOf(p);
  const used = new Set(kinds.flatMap((k) => k.statuses));
  const table = Object.fromEntries(STATUSES.map((s) => [s, [] as Action[]])) as Record<Status, Action[]>;
  for (const action of ACTION_ORDER) {
    const spec = specOf(p, action);
    for (const status of spec?.in ?? []) if (used.has(status)) table[status].push(action);
  }
  TABLES.set(p, table);
  return table;
}

/** Completes a step: a finished stage hands the dossier to the next stage of its list. */
export function resolve(o: DossierState | Done, from: Action, ctx: Ctx): DossierState {
  if (!('done' in o)) return o;
  const names = ctx.procedure.stages.map((s) => s.name);
  const owner = names.find((n) => KINDS[n].actions[from]) ?? 'receive';
  return advance(o.done, owner, ctx);
}

/** Enters the first stage after `from` that has something to do; entering a working stage starts the clock. */
export function advance(s: DossierState, from: KindName, ctx: Ctx): DossierState {
  const names = ctx.procedure.stages.map((x) => x.name);
  for (let i = names.indexOf(from as never) + 1; i < names.length; i++) {
    const n = names[i]!;
    const kind: StageKind = KINDS[n];
    const entered = kind.enter?.(s, ctx);
    if (!entered) continue;
    const held = kind.holds ? { ...entered, stage: { index: i, kind: n as 'post' | 'inspect' | 'consult' } } : entered;
    return kind.clockRuns && held.clockStartAt === null ? startClock(held, ctx) : held;
  }
  return { ...s, status: 'RESULT_READY' };
}

/** Fires a timer as the kind that owns it says. */
export function fire(s: DossierState, t: Timer, ctx: Ctx) {
  for (const k of Object.values(KINDS) as StageKind[]) {
    const f = k.fire?.[t.kind];
    if (f) return f(s, t, ctx, (x, from) => advance(x, from, ctx));
  }
  throw new Error(`no stage kind fires ${t.kind}`);
}

const ownerOf = (action: Action, p?: ProcedureRules) => (p ? kindsOf(p) : (Object.values(KINDS) as StageKind[])).find((k) => k.actions[action]);

/** The spec of `action` in the kind that owns it, whatever the procedure (its roles do not vary by procedure). */
export const specOfAny = <A extends Action>(action: A): ActionSpec<A> | null => (ownerOf(action)?.actions[action] as ActionSpec<A> | undefined) ?? null;

/**
 * The actions of the status that the stage holding the dossier leaves open: while a holding kind
 * (a posting) has it, its own and the lifecycle's; otherwise none of a holding kind's.
 */
export function actionsNow(p: ProcedureRules, s: DossierState): Action[] {
  const holder = s.stage?.kind;
  return actionsByStatus(p)[s.status].filter((a) => {
    const owner = ownerOf(a, p)!;
    if (holder) return owner.name === holder || owner.name === 'lifecycle' || owner.travels === true;
    return !owner.holds;
  });
}

// Every action belongs to some kind: the API's closed list and the kinds cannot drift apart.
for (const a of ACTIONS) if (!ACTION_ORDER.includes(a)) throw new Error(`action ${a} has no place in ACTION_ORDER`);

import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities/types';
import { createCalendar } from '../domain/calendar';
import {
  decide,
  emit,
  fireTimer,
  isClosed,
  isRefusal,
  pay,
  pendingTimers,
  submit,
  type Ctx,
  type DossierEvent,
  type DossierState,
  type WorkingCalendar,
} from '../domain/lifecycle';
import { SYSTEM_ACTOR } from '../domain/actor';
import { LEGACY_RULES } from './legacy-rules';
import { actUpdate, paymentSignal, repairUpdate, stateQuery, syncedUpdate, type ActRequest, type DossierWorkflowInput, type PaymentNotice } from './messages';
import { dataFailureOf, decideRepair, recordFailedEvent, type SetAside } from './record-failure';

const acts = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});
/**
 * Recording an event is one short PostgreSQL transaction: as a local activity it runs inside the
 * workflow task that made the event, so an officer's action is answered after one task instead
 * of task → activity task → task (half the server round trips, the bench's lifecycle figure).
 */
const local = proxyLocalActivities<Pick<Activities, 'recordEvent' | 'loadCalendarOverrides'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

const DAY = 24 * 3_600_000;

/**
 * The days off as announced (2024–2026) and computed after (docs/calendar.md); dossiers started
 * before that calendar keep the older Tết placement their deadlines were computed with.
 */
const calendarOptions = () => ({ holidayRules: patched('announced-holidays') ? ('announced' as const) : ('legacy' as const) });
/** Histories stay small: a dossier rarely passes ~40 events; continue-as-new well before limits. */
const MAX_HISTORY_EVENTS = 4_000;

type Pending = { event: DossierEvent; state: DossierState };

/**
 * One dossier, from submission to delivery (or refusal, withdrawal, cancellation). The rules are
 * the pure lifecycle in domain/; this function only adds time (timers, deadlines) and durable
 * recording: every event goes, in order, through the `recordEvent` activity to PostgreSQL.
 */
export async function dossierWorkflow(input: DossierWorkflowInput): Promise<DossierState> {
  // The rules this dossier was submitted under (code@version); older dossiers carry none.
  const procedure = input.rules ?? LEGACY_RULES[input.procedureCode];
  if (!procedure) throw ApplicationFailure.nonRetryable(`unknown procedure ${input.procedureCode}`, 'unknown-procedure');

  // Handlers are registered before the first await: an Update may arrive in the very first task.
  let ready = false;
  let calendar: WorkingCalendar;
  let calendarLoadedAt: number;
  const ctx = (): Ctx => ({ procedure, calendar, now: Date.now(), patches });
  // Dossiers started before a behaviour change keep the old behaviour on replay (see README).
  const patches: NonNullable<Ctx['patches']> = {};
  const extendPatch = () => {
    patches.extendKeepsPastReminders = patched('extend-keeps-past-reminders');
    patches.extendOnlyBeforeDue = patched('extend-only-before-due');
  };
  // Any step may make the result ready (approve, verify, a payment): the clock stops there and the
  // dossier is classified against its original due date (docs/decision-766.md).
  const resultPatch = () => (patches.clockStopsAtResult = patched('clock-stops-at-result'));
  const queue: Pending[] = [];
  let state: DossierState = input.state!;
  let recordedSeq = input.state?.seq ?? 0;
  /** The state as PostgreSQL has it: where the dossier goes on from when a change is refused. */
  let recordedState: DossierState | undefined = input.state;
  /** Changes dropped because one before them could not be recorded: their updates are refused. */
  const dropped = new Set<Pending>();
  let setAside: SetAside | undefined = input.setAside;
  const push = (p: Pending) => {
    state = p.state;
    queue.push(p);
  };
  const recorded = (p: Pending) => {
    if (dropped.has(p)) throw ApplicationFailure.nonRetryable('the change could not be stored; the dossier is unchanged', 'not-recorded');
    return p.state;
  };

  const check = ({ actor, request }: ActRequest) => {
    // Bodies were validated by the API with domain/actions' zod schemas; zod is kept out of the sandbox.
    const d = decide(state, actor, request, ctx());
    if (!d.ok) throw ApplicationFailure.nonRetryable(d.refusal.reason, d.refusal.code);
    return d;
  };
  setHandler(
    actUpdate,
    async (req) => {
      await condition(() => ready);
      resultPatch();
      if (req.request.action === 'extend') extendPatch();
      if (req.request.action === 'verify') patches.paymentWaitPausesClock = patched('payment-wait-pauses-clock');
      const d = check(req);
      push(d);
      await condition(() => dropped.has(d) || recordedSeq >= d.state.seq);
      return recorded(d);
    },
    { validator: (req) => void (ready && check(req)) },
  );
  setHandler(repairUpdate, async (req) => {
    await condition(() => ready);
    const repair = decideRepair(state, setAside, req, Date.now());
    setAside = undefined;
    repair.forEach(push);
    const last = repair.at(-1)!;
    // A retried change refused again is set aside again: the repair itself stands, so it answers the state.
    await condition(() => dropped.has(last) || recordedSeq >= last.state.seq);
    return state;
  }, { validator: (req) => void (ready && decideRepair(state, setAside, req, 0)) });
  setHandler(syncedUpdate, async () => {
    await condition(() => ready);
    const seq = state.seq;
    await condition(() => recordedSeq >= seq);
    return state;
  });
  setHandler(stateQuery, () => state);
  setHandler(paymentSignal, async (notice) => {
    await condition(() => ready);
    resultPatch();
    onPayment(notice);
  });

  function onPayment(n: PaymentNotice) {
    if (state.transactionIds.includes(n.transactionId)) return;
    const seen = { ...state, transactionIds: [...state.transactionIds, n.transactionId] };
    const data = { transactionId: n.transactionId, amount: n.amount, paidAt: n.paidAt };
    if (state.status === 'AWAITING_PAYMENT') {
      const paid = pay(seen, n.amount, ctx());
      if (!isRefusal(paid)) return push(emit(state, paid, 'payment-received', SYSTEM_ACTOR, Date.now(), data));
      return push(emit(state, seen, 'payment-received', SYSTEM_ACTOR, Date.now(), { ...data, ignored: paid.reason }));
    }
    // Money arrived when none was due: keep the trace for the counter to refund.
    push(emit(state, seen, 'payment-received', SYSTEM_ACTOR, Date.now(), { ...data, ignored: `not awaiting payment (${state.status})` }));
  }

  // A fresh submission brings the overrides its first event was computed with: no activity round trip.
  calendar = createCalendar(input.calendarOverrides ?? (await acts.loadCalendarOverrides()), calendarOptions());
  calendarLoadedAt = Date.now();
  if (!input.state) {
    // An online dossier left unreceived escalates once (docs/decision-766.md, "Reception deadline").
    patches.receptionDeadline = patched('online-reception-deadline');
    push(submit({ ...input, procedure }, ctx()));
  }
  ready = true;

  for (;;) {
    while (queue.length > 0) {
      const next = queue[0]!;
      try {
        // Dossiers started before this change keep recording through the activity task queue.
        await (patched('record-events-locally') ? local : acts).recordEvent(next);
      } catch (err) {
        const failure = dataFailureOf(err);
        // Before this change a data error retried forever; a failed `record-failed` must not loop.
        if (!failure || !recordedState || next.event.type === 'record-failed' || !patched('record-failed-event')) throw err;
        // The refused change and those made on top of it are set aside; the dossier goes on
        // from its recorded state, and is listed as stuck until an administrator repairs it.
        for (const p of queue.splice(0)) dropped.add(p);
        const failed = recordFailedEvent(recordedState, next, failure, Date.now());
        setAside = { pending: next, failedAtSeq: failed.state.seq };
        state = recordedState;
        push(failed);
        continue;
      }
      queue.shift();
      recordedSeq = next.event.seq;
      recordedState = next.state;
    }
    if (isClosed(state, Date.now(), procedure, calendar)) break;
    if (Date.now() - calendarLoadedAt >= DAY) {
      // The administrator's holidays change while a dossier waits: reload them when it wakes a day or
      // more after the last load. Dossiers started before this fix kept the overrides they were
      // submitted with forever, and still do on replay.
      // A local activity, like recording: one short read inside the task that woke the dossier.
      const overrides = patched('daily-calendar-reload')
        ? await local.loadCalendarOverrides()
        : (input.calendarOverrides ?? (await acts.loadCalendarOverrides()));
      calendar = createCalendar(overrides, calendarOptions());
      calendarLoadedAt = Date.now();
    }
    if (workflowInfo().historyLength > MAX_HISTORY_EVENTS || workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      if (queue.length === 0) return continueAsNew<typeof dossierWorkflow>({ ...input, state, calendarOverrides: undefined, setAside });
      continue;
    }
    const timer = pendingTimers(state, procedure, calendar)[0];
    const seq = state.seq;
    const changed = () => queue.length > 0 || state.seq !== seq;
    const woke = timer ? await condition(changed, Math.max(timer.at - Date.now(), 1)) : (await condition(changed), true);
    if (!woke && timer) {
      const fired = fireTimer(state, timer, ctx());
      if (fired) push(fired);
    }
  }
  await condition(allHandlersFinished);
  return state;
}

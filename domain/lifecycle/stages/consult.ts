import { SYSTEM_ACTOR } from '../../actor';
import { stageOf } from '../../procedure-rules';
import { reachResult } from '../clock';
import { rule } from '../ctx';
import { emit } from '../emit';
import type { DossierState, OpinionAsk } from '../state';
import type { Done, StageKind, Timer } from './kind';

const open = (s: DossierState) => (s.consultation?.asks ?? []).filter((a) => a.answer === null);
/** Whether the consultation is over: at least one agency asked and every one answered or lapsed. */
const settled = (asks: readonly OpinionAsk[]) => asks.length > 0 && asks.every((a) => a.answer !== null);
/** The consultation over, the dossier leaves the stage (the registry's `resolve`/`advance` picks the next). */
const leave = (s: DossierState): DossierState => ({ ...s, stage: null });

/**
 * Asking other agencies for their opinion (xin ý kiến): the specialist of the agency holding the
 * dossier names the agencies and what they are asked; each gets its own working days (at most the
 * stage's share) and a reminder a working day before its due time. An officer of each asked agency
 * records its answer (agree, disagree, with conditions), which only that agency may do while it is
 * asked (`by`). The dossier waits until every answer is in or its due time has passed; an answer
 * missing then is recorded as none, or as agreement where the law says silence agrees (the stage's
 * `silence`). The office's clock runs: the consultation is inside the procedure's time (no source
 * pauses it). Asking nobody (the note says why) completes the stage at once.
 */
export const consult: StageKind = {
  name: 'consult',
  statuses: [],
  holds: true,
  clockRuns: true,
  absent: 'this procedure asks no other agency for its opinion',
  enter: (s) => ({ ...s, status: 'IN_REVIEW', consultation: { asks: [] } }),
  actions: {
    'request-opinions': {
      in: ['IN_REVIEW'],
      roles: ['specialist'],
      step: (s, b, ctx) => {
        const stage = stageOf(ctx.procedure, 'consult')!;
        const asks = s.consultation?.asks ?? [];
        if (b.agencies.length === 0) {
          return asks.length ? rule('opinions are already asked: wait for them') : ({ done: leave(s) } satisfies Done);
        }
        const codes = b.agencies.map((a) => a.agencyCode);
        if (new Set(codes).size !== codes.length) return rule('an agency is listed twice');
        if (codes.includes(s.agencyCode)) return rule('the agency holding the dossier does not ask itself');
        const waiting = codes.find((c) => open(s).some((a) => a.agencyCode === c));
        if (waiting) return rule(`agency ${waiting} is already asked and has not answered yet`);
        const start = ctx.calendar.receptionStart(ctx.now);
        const fresh = b.agencies.map((a): OpinionAsk => {
          const days = a.days ?? stage.shareWorkingDays;
          const dueAt = ctx.calendar.addWorkingDays(start, days);
          // A working day before the due time; with a single day, half of it.
          const remindAt = days > 1 ? ctx.calendar.addWorkingDays(start, days - 1) : ctx.calendar.addWorkingHours(start, 4);
          return { agencyCode: a.agencyCode, question: b.note, askedAt: ctx.now, dueAt, remindAt, reminded: false, answer: null };
        });
        const tooLong = b.agencies.find((a) => (a.days ?? 0) > stage.shareWorkingDays);
        if (tooLong) return rule(`an agency has at most ${stage.shareWorkingDays} working days to answer`);
        return { ...s, consultation: { asks: [...asks, ...fresh] } };
      },
    },
    'record-opinion': {
      in: ['IN_REVIEW'],
      roles: ['specialist', 'leader'],
      // The asked agency answers, not the one holding the dossier.
      by: (s, actor) => open(s).some((a) => a.agencyCode === actor.agencyCode),
      step: (s, b, ctx, actor) => {
        if (b.opinion !== 'agree' && !b.note) return rule('a disagreement or a condition needs its reasons (note)');
        const answer = { opinion: b.opinion, ...(b.note ? { note: b.note } : {}), ...(b.attachment ? { document: b.attachment } : {}), at: ctx.now, by: actor.id };
        const asks = s.consultation!.asks.map((a) => (a.answer === null && a.agencyCode === actor.agencyCode ? { ...a, answer } : a));
        const next = { ...s, consultation: { asks } };
        return settled(asks) ? { done: leave(next) } : next;
      },
    },
  },
  timers: (s) => {
    if (s.stage?.kind !== 'consult' || s.finishedAt !== null) return [];
    const waiting = open(s);
    const timers: Timer[] = waiting.filter((a) => !a.reminded).map((a) => ({ kind: 'opinion-reminder', at: a.remindAt }));
    for (const a of waiting) timers.push({ kind: 'opinion-overdue', at: a.dueAt });
    return timers.sort((x, y) => x.at - y.at);
  },
  fire: {
    'opinion-reminder': (s, _t, ctx) => {
      // One agency per event, so each reminder is addressed to its own agency's mailbox (integrations/messages.ts).
      const ask = open(s).find((a) => !a.reminded && a.remindAt <= ctx.now);
      if (!ask) return null;
      const asks = s.consultation!.asks.map((a) => (a === ask ? { ...a, reminded: true } : a));
      return emit(s, { ...s, consultation: { asks } }, 'opinion-reminder', SYSTEM_ACTOR, ctx.now, { agencies: [ask.agencyCode], agencyCode: ask.agencyCode, dueAt: ask.dueAt });
    },
    'opinion-overdue': (s, _t, ctx, advance) => {
      const lapsed = open(s).filter((a) => a.dueAt <= ctx.now);
      if (lapsed.length === 0) return null;
      const deemedAgreed = stageOf(ctx.procedure, 'consult')?.silence === 'agrees';
      const asks = s.consultation!.asks.map((a) => (lapsed.includes(a) ? { ...a, reminded: true, answer: { opinion: 'no-answer' as const, deemedAgreed, at: ctx.now } } : a));
      const next: DossierState = { ...s, consultation: { asks } };
      const moved = settled(asks) ? reachResult(s, advance(leave(next), 'consult'), ctx) : next;
      return emit(s, moved, 'opinion-overdue', SYSTEM_ACTOR, ctx.now, { agencies: lapsed.map((a) => a.agencyCode), deemedAgreed });
    },
  },
};

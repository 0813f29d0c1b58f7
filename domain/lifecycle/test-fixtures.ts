/**
 * Test-only fixtures for the lifecycle tests: small inline procedures (so the tests do not move
 * when real procedure files change), actors of three agencies, and a driver that applies
 * actions and fails loudly on an unexpected refusal.
 */
import { z } from 'zod';
import type { ActionRequest } from '../actions';
import { createCalendar } from '../calendar';
import { approve, defineProcedure, deliver, pay, receive, review, type Channel, type ProcedureDefinition } from '../procedure';
import type { Actor, Role } from '../actor';
import { decide, submit, type Ctx } from './reduce';
import type { DossierEvent, DossierState } from './state';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** Monday 2026-11-23 09:00 in Hanoi (+07:00). */
export const NOW = Date.UTC(2026, 10, 23, 2, 0);
/** An instant written as Hanoi local time, e.g. `hanoi('2026-12-02 09:00')`. */
export const hanoi = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+07:00`);

export const calendar = createCalendar();

export const COMMUNE = 'H38.X001';
export const DEPARTMENT = 'H38.STP';
export const OTHER_COMMUNE = 'H38.X002';

const form = z.object({ fullName: z.string().min(2) });
const common = {
  version: 1,
  field: { vi: 'Thử nghiệm', en: 'Test' },
  fullProcessOnline: true,
  portalIntegrated: false,
  form,
  formLabels: { fullName: { vi: 'Họ tên', en: 'Full name' } },
  example: { fullName: 'Lù Thị Hoa' },
  requiredDocuments: [],
  keywords: [],
  source: 'lifecycle tests',
};

/** Commune level, 7 working days, fee collected after review (50 000 VND, 25 000 online). */
export const feeProcedure: ProcedureDefinition = defineProcedure({
  ...common,
  code: '9.000001',
  name: { vi: 'Thủ tục có phí', en: 'Fee procedure' },
  level: 'commune',
  fee: { counter: 50_000, online: 25_000 },
  deadline: { workingDays: 7 },
  stages: [receive(), review({ supplementLimitDays: 10 }), pay({ limitDays: 5 }), approve(), deliver({ ratingWindowDays: 7 })],
});

/** Commune level, 3 working days, fee collected up front before the file is examined. */
export const payFirstProcedure: ProcedureDefinition = defineProcedure({
  ...common,
  code: '9.000002',
  name: { vi: 'Nộp phí trước', en: 'Pay first' },
  level: 'commune',
  fee: { counter: 20_000 },
  deadline: { workingDays: 3 },
  stages: [receive(), pay({ limitDays: 2 }), review({ supplementLimitDays: 5 }), approve(), deliver()],
});

/** Province level, free, 5 working days of which the department holds 3 (liên thông). */
export const provinceProcedure: ProcedureDefinition = defineProcedure({
  ...common,
  code: '9.000003',
  name: { vi: 'Liên thông cấp tỉnh', en: 'Province hand-off' },
  level: 'province',
  fee: { counter: 0 },
  deadline: { workingDays: 5 },
  handoff: { departmentCode: DEPARTMENT, shareWorkingDays: 3 },
  stages: [receive(), review(), approve(), deliver()],
});

export const PROCEDURES = [feeProcedure, payFirstProcedure, provinceProcedure] as const;

export const officer = (role: Role, agencyCode: string): Actor => ({ id: `${role}@${agencyCode}`, role, agencyCode });
export const citizen: Actor = { id: 'citizen-1', role: 'citizen', agencyCode: null };
export const desk = officer('desk-officer', COMMUNE);
export const specialist = officer('specialist', COMMUNE);
export const leader = officer('leader', COMMUNE);
export const stpDesk = officer('desk-officer', DEPARTMENT);
export const stpSpecialist = officer('specialist', DEPARTMENT);
export const stpLeader = officer('leader', DEPARTMENT);
export const otherDesk = officer('desk-officer', OTHER_COMMUNE);

export const ctxAt = (procedure: ProcedureDefinition, now: number): Ctx => ({ procedure, calendar, now });

/** A dossier submitted to the commune: online by the citizen, or at the counter by its desk officer. */
export function submitted(procedure: ProcedureDefinition, by: 'citizen' | 'counter', now = NOW) {
  const channel: Channel = by === 'citizen' ? 'online' : 'counter';
  return submit(
    { code: `${COMMUNE}-261123-0001`, procedure, channel, applicantUserId: citizen.id, agencyCode: COMMUNE, submittedBy: by === 'citizen' ? citizen : desk },
    ctxAt(procedure, now),
  );
}

/** Drives one dossier through accepted actions, keeping the audit trail. */
export class Dossier {
  events: DossierEvent[];
  constructor(
    readonly procedure: ProcedureDefinition,
    public state: DossierState,
    first: DossierEvent,
  ) {
    this.events = [first];
  }

  static start(procedure: ProcedureDefinition, by: 'citizen' | 'counter', now = NOW): Dossier {
    const { state, event } = submitted(procedure, by, now);
    return new Dossier(procedure, state, event);
  }

  /** Applies an action that must be accepted; returns its event. */
  act(actor: Actor, req: ActionRequest, now: number): DossierEvent {
    const d = decide(this.state, actor, req, ctxAt(this.procedure, now));
    if (!d.ok) throw new Error(`'${req.action}' by ${actor.id} refused: ${d.refusal.code}: ${d.refusal.reason}`);
    this.state = d.state;
    this.events.push(d.event);
    return d.event;
  }

  /** Tries an action that must be refused; returns the refusal. */
  refuse(actor: Actor, req: ActionRequest, now: number) {
    const d = decide(this.state, actor, req, ctxAt(this.procedure, now));
    if (d.ok) throw new Error(`'${req.action}' by ${actor.id} was accepted`);
    return d.refusal;
  }
}

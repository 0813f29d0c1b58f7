import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../actions';
import { STATUSES } from '../status';
import { approve, consult, deliver, inspect, pay, post, receive, review, tax, verify, type ProcedureRules } from '../procedure';
import { actionsByStatus, allowedActions, refusalOf } from './rules';
import { specOf } from './stages';
import {
  DEPARTMENT,
  Dossier,
  NOW,
  citizen,
  desk,
  feeProcedure,
  leader,
  officer,
  otherDesk,
  provinceProcedure,
  specialist,
  stpDesk,
  stpLeader,
  HOUR,
} from './test-fixtures';

/**
 * The classic stage list every procedure shared before the stage kinds (receive, review, pay,
 * approve, deliver, decided at province level), with a verification: its derived tables are the
 * ones all dossiers had, plus reception's form 02 (request-completion, complete), the
 * verification's extension, the posting's objections, the tax stage's steps, the site inspection's
 * and the consultation's steps (offered only while the stage holds the dossier: `actionsNow`).
 */
const classic: ProcedureRules = {
  ...provinceProcedure,
  fee: { counter: 10_000 },
  stages: [receive(), review(), verify({ maxExtraDays: 5 }), inspect(), consult({ shareWorkingDays: 7 }), post({ days: 15, clock: 'paused' }), tax(), pay(), approve(), deliver()],
};
const ACTIONS_BY_STATUS = actionsByStatus(classic);
const ACTION_ROLES = Object.fromEntries(ACTIONS.map((a) => [a, specOf(classic, a)?.roles]));

// The two tables are the lifecycle's contract with the API and the back office: a change here
// must be made on purpose, so they are spelled out in full.
describe('the allowed-actions table of the classic stage list', () => {
  it('lists, per status, the actions a dossier can take at all', () => {
    expect(ACTIONS_BY_STATUS).toEqual({
      SUBMITTED: ['receive', 'request-completion', 'complete', 'not-accept', 'withdraw'],
      RECEIVED: ['assign', 'forward', 'not-accept', 'withdraw', 'extend'],
      IN_REVIEW: ['assign', 'verify', 'require-verification', 'request-supplement', 'record-objection', 'schedule-inspection', 'record-inspection', 'request-opinions', 'record-opinion', 'send-to-tax', 'record-tax-notice', 'record-tax-payment', 'reject', 'withdraw', 'extend'],
      NEEDS_SUPPLEMENT: ['supplement', 'withdraw'],
      AWAITING_PAYMENT: ['record-payment', 'withdraw'],
      AWAITING_APPROVAL: ['approve', 'reject', 'extend'],
      RESULT_READY: ['return', 'deliver', 'extend'],
      DELIVERED: ['rate'],
      NOT_ACCEPTED: [],
      REJECTED: [],
      WITHDRAWN: [],
      CANCELLED: [],
    });
  });

  it('lists, per action, the roles that may take it', () => {
    expect(ACTION_ROLES).toEqual({
      receive: ['desk-officer'],
      'request-completion': ['desk-officer'],
      complete: ['citizen', 'desk-officer'],
      'not-accept': ['desk-officer'],
      'request-supplement': ['specialist'],
      'record-objection': ['desk-officer', 'specialist'],
      'schedule-inspection': ['specialist'],
      'record-inspection': ['specialist'],
      'request-opinions': ['specialist'],
      'record-opinion': ['specialist', 'leader'],
      'send-to-tax': ['specialist'],
      'record-tax-notice': ['desk-officer', 'specialist'],
      'record-tax-payment': ['desk-officer', 'specialist'],
      supplement: ['citizen', 'desk-officer'],
      assign: ['desk-officer', 'leader'],
      verify: ['specialist'],
      'require-verification': ['specialist'],
      forward: ['desk-officer'],
      return: ['desk-officer', 'specialist', 'leader'],
      approve: ['leader'],
      reject: ['leader'],
      'record-payment': ['desk-officer'],
      deliver: ['desk-officer'],
      withdraw: ['citizen'],
      extend: ['leader'],
      rate: ['citizen'],
    });
  });

  it('covers every status and lets every action happen in some status', () => {
    expect(Object.keys(ACTIONS_BY_STATUS).sort()).toEqual([...STATUSES].sort());
    const reachable = new Set(Object.values(ACTIONS_BY_STATUS).flat());
    expect([...ACTIONS].filter((a) => !reachable.has(a))).toEqual([]);
  });
});

describe('allowedActions', () => {
  const online = () => Dossier.start(feeProcedure, 'citizen');

  it('shows the desk officer of the receiving commune receive and not-accept on a submitted dossier', () => {
    expect(allowedActions(online().state, feeProcedure, desk)).toEqual(['receive', 'request-completion', 'not-accept']);
  });

  it('shows the citizen withdraw on a submitted dossier', () => {
    expect(allowedActions(online().state, feeProcedure, citizen)).toEqual(['withdraw']);
  });

  it('shows an officer of another agency nothing, whatever the role', () => {
    const d = Dossier.start(feeProcedure, 'counter');
    for (const role of ['desk-officer', 'specialist', 'leader', 'supervisor'] as const) {
      expect(allowedActions(d.state, feeProcedure, officer(role, 'H38.X002'))).toEqual([]);
    }
    expect(refusalOf(d.state, feeProcedure, otherDesk, 'not-accept')).toEqual({
      code: 'forbidden',
      reason: 'the dossier is at agency H38.X001, not H38.X002',
    });
  });

  it('shows the commune staff only their own steps of a received dossier', () => {
    const d = Dossier.start(feeProcedure, 'counter');
    expect(allowedActions(d.state, feeProcedure, desk)).toEqual(['assign', 'not-accept']);
    expect(allowedActions(d.state, feeProcedure, leader)).toEqual(['assign', 'extend']);
    expect(allowedActions(d.state, feeProcedure, specialist)).toEqual([]);
    expect(allowedActions(d.state, feeProcedure, citizen)).toEqual(['withdraw']);
  });

  it('explains a refusal by status before role, and role before agency', () => {
    const d = online();
    expect(refusalOf(d.state, feeProcedure, desk, 'approve')).toEqual({
      code: 'illegal-transition',
      reason: "'approve' is not allowed in status SUBMITTED; allowed now: receive, request-completion, complete, not-accept, withdraw",
    });
    expect(refusalOf(d.state, feeProcedure, citizen, 'receive')).toEqual({
      code: 'forbidden',
      reason: "'receive' is for desk-officer, not citizen",
    });
  });

  it('offers nothing on a closed dossier', () => {
    const d = online();
    d.act(citizen, { action: 'withdraw', body: {} }, NOW + HOUR);
    for (const actor of [citizen, desk, leader]) expect(allowedActions(d.state, feeProcedure, actor)).toEqual([]);
    expect(refusalOf(d.state, feeProcedure, desk, 'receive')?.reason).toMatch(/allowed now: none \(the dossier is closed\)/);
  });

  describe('a province-level dossier at the receiving commune', () => {
    const received = () => Dossier.start(provinceProcedure, 'counter');

    it('lets the desk officer forward it', () => {
      expect(allowedActions(received().state, provinceProcedure, desk)).toEqual(['forward', 'not-accept']);
    });

    it("refuses assigning it with 'forward it first'", () => {
      const d = received();
      expect(allowedActions(d.state, provinceProcedure, leader)).toEqual(['extend']);
      expect(refusalOf(d.state, provinceProcedure, leader, 'assign')).toEqual({
        code: 'illegal-transition',
        reason: 'this procedure is decided at province level: forward it first',
      });
    });

    it('once forwarded, belongs to the department and cannot be forwarded again', () => {
      const d = received();
      d.act(desk, { action: 'forward', body: { agencyCode: DEPARTMENT } }, NOW + HOUR);
      expect(allowedActions(d.state, provinceProcedure, desk)).toEqual([]);
      expect(allowedActions(d.state, provinceProcedure, stpLeader)).toEqual(['assign', 'extend']);
      expect(allowedActions(d.state, provinceProcedure, stpDesk)).toEqual(['assign']);
      expect(refusalOf(d.state, provinceProcedure, stpDesk, 'forward')?.reason).toBe('the dossier has already been forwarded');
    });
  });

  it('refuses forwarding a commune-level dossier', () => {
    const d = Dossier.start(feeProcedure, 'counter');
    expect(refusalOf(d.state, feeProcedure, desk, 'forward')).toEqual({
      code: 'illegal-transition',
      reason: 'this procedure is decided by the receiving agency; nothing to forward',
    });
  });
});

describe('the table derived from the stage list', () => {
  const bare: ProcedureRules = { ...feeProcedure, level: 'commune', fee: { counter: 0 }, stages: [receive(), approve(), deliver()] };
  const offered = (p: ProcedureRules) => new Set(Object.values(actionsByStatus(p)).flat());

  it('offers no action of a stage the procedure does not have', () => {
    const actions = offered(bare);
    for (const a of ['assign', 'verify', 'request-supplement', 'supplement', 'record-payment', 'require-verification', 'forward', 'return']) {
      expect(actions, a).not.toContain(a);
    }
    expect(actionsByStatus(bare).IN_REVIEW).toEqual([]);
    expect(actionsByStatus(bare).AWAITING_PAYMENT).toEqual([]);
  });

  it('refuses such an action naming the stage list, whoever asks', () => {
    const d = Dossier.start(feeProcedure, 'counter');
    expect(refusalOf(d.state, bare, specialist, 'request-supplement')).toEqual({
      code: 'illegal-transition',
      reason: "'request-supplement' is not a step of this procedure (stages: receive, approve, deliver)",
    });
    expect(refusalOf(d.state, bare, desk, 'record-payment')?.code).toBe('illegal-transition');
  });

  it('moves a dossier without review straight from reception to approval', () => {
    const d = Dossier.start({ ...feeProcedure, ...bare }, 'counter');
    expect([d.state.status, d.state.clockStartAt]).toEqual(['AWAITING_APPROVAL', NOW]);
    expect(allowedActions(d.state, bare, leader)).toEqual(['approve', 'reject', 'extend']);
  });
});

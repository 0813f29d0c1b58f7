import { describe, expect, it } from 'vitest';
import { submit } from './reduce';
import { allowedActions, refusalOf } from './rules';
import { KINDS } from './stages';
import { isWalkIn } from './walk-in';
import {
  citizen, COMMUNE, ctxAt, Dossier, desk, DEPARTMENT, HOUR, leader, NOW, otherDesk, provinceProcedure, feeProcedure, stpDesk, stpSpecialist,
} from './test-fixtures';
import type { ProcedureDefinition } from '../procedure';

/** A dossier filed at the counter for someone without an account. */
function walkIn(procedure: ProcedureDefinition): Dossier {
  const { state, event } = submit(
    { code: `${COMMUNE}-261123-0002`, procedure, channel: 'counter', applicantUserId: null, agencyCode: COMMUNE, submittedBy: desk },
    ctxAt(procedure, NOW),
  );
  return new Dossier(procedure, state, event);
}

describe('walk-ins: the receiving desk records for an applicant without an account', () => {
  it('lets the receiving desk withdraw for them, as the desk officer', () => {
    const d = walkIn(feeProcedure);
    expect(allowedActions(d.state, feeProcedure, desk)).toContain('withdraw');
    const e = d.act(desk, { action: 'withdraw', body: { reason: 'Không còn nhu cầu' } }, NOW + HOUR);
    expect(e).toMatchObject({ type: 'withdraw', actor: desk, toStatus: 'WITHDRAWN' });
  });

  it('lets the receiving desk record a rating once the result is delivered', () => {
    const d = walkIn(feeProcedure);
    d.state = { ...d.state, status: 'DELIVERED' };
    expect(allowedActions(d.state, feeProcedure, desk)).toEqual(['rate']);
    d.act(desk, { action: 'rate', body: { score: 4, comment: 'Nhanh' } }, NOW + HOUR);
    expect(d.state.rating).toEqual({ score: 4, comment: 'Nhanh' });
    expect(refusalOf(d.state, feeProcedure, desk, 'rate')?.reason).toMatch(/already been rated/);
  });

  it('refuses the desks of other agencies, even the one holding a forwarded dossier', () => {
    const d = walkIn(provinceProcedure);
    d.act(desk, { action: 'forward', body: { agencyCode: DEPARTMENT } }, NOW + HOUR);
    expect(refusalOf(d.state, provinceProcedure, otherDesk, 'withdraw')).toEqual({ code: 'forbidden', reason: `the dossier is at agency ${COMMUNE}, not H38.X002` });
    expect(refusalOf(d.state, provinceProcedure, stpDesk, 'withdraw')?.code).toBe('forbidden');
    expect(refusalOf(d.state, provinceProcedure, stpSpecialist, 'withdraw')?.code).toBe('forbidden');
    // The receiving desk may record the withdrawal while the department holds the file, and nothing else.
    expect(allowedActions(d.state, provinceProcedure, desk)).toEqual(['withdraw']);
  });

  it('leaves an applicant with an account to act for themselves', () => {
    const d = Dossier.start(feeProcedure, 'counter');
    expect(refusalOf(d.state, feeProcedure, desk, 'withdraw')).toEqual({ code: 'forbidden', reason: expect.stringMatching(/has an account/) });
    expect(allowedActions(d.state, feeProcedure, citizen)).toEqual(['withdraw']);
  });

  it('is declared by the kinds: withdraw and rate name the desk on behalf of the applicant, nothing else does', () => {
    const onBehalf = Object.values(KINDS).flatMap((k) =>
      Object.entries(k.actions).flatMap(([action, spec]) => (spec.onBehalf ? [[action, spec.onBehalf]] : [])),
    );
    expect(onBehalf).toEqual([['withdraw', ['desk-officer']], ['rate', ['desk-officer']]]);
    expect(isWalkIn(desk, 'withdraw')).toBe(true);
    expect(isWalkIn(desk, 'deliver')).toBe(false);
    expect(isWalkIn(citizen, 'withdraw')).toBe(false);
  });

  it('gives no other role the applicant’s actions', () => {
    const d = walkIn(feeProcedure);
    expect(refusalOf(d.state, feeProcedure, leader, 'withdraw')).toMatchObject({ code: 'forbidden', reason: "'withdraw' is for citizen, not leader" });
  });
});

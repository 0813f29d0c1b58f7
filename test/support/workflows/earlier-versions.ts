/**
 * Earlier versions of coded procedures, rebuilt from today's definitions, for the tests and the
 * history scenarios that must run a dossier as it ran before a version bump (a pinned version
 * keeps its rules in the dossier's input; these only restate the rules that changed).
 */
import { approve, deliver, pay, receive, review, type ProcedureDefinition } from '../../../domain/procedure';
import { getProcedure } from '../../../procedures';

const procedure = (code: string) => getProcedure(code) as ProcedureDefinition;

/**
 * Permanent residence at version 2 (1.004222), as its scenario recorded it: decided at the commune,
 * the fee after review, 7 working days counted in hours (version 3 changed all three).
 */
export function residenceV2(): ProcedureDefinition {
  const current = procedure('1.004222');
  const { decidedBy: _police, ...rest } = current;
  return { ...rest, version: 2, deadline: { workingDays: 7 }, stages: [receive(), review({ supplementLimitDays: 15 }), pay(), approve(), deliver()] };
}

/**
 * Re-issue of a lost land certificate at version 2 (1.012786), as its scenario recorded it: 20
 * working days counted in hours on every channel, route shares 10, 3 and 5 (version 3 changed both).
 */
export function reissueV2(): ProcedureDefinition {
  const { deadlines: _channels, ...current } = procedure('1.012786');
  const route = [{ to: 'department', shareWorkingDays: 10 }, { to: 'receiving', shareWorkingDays: 3 }, { to: 'department', shareWorkingDays: 5 }];
  return { ...current, version: 2, deadline: { workingDays: 20 }, handoff: { ...current.handoff!, route } };
}

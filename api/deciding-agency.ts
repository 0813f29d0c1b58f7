// Who holds a new dossier: the commune it is filed at, unless the procedure's rules give the
// decision to another commune-level body (`ProcedureRules.decidedBy`, docs/procedures.md).
//
// Permanent residence (1.004222 from version 3) is decided by the commune police (Law on Residence
// 2020 art. 22; Decree 154/2024): the citizen files with the registration authority itself, which
// receives the file, collects the fee at filing, decides and hands over the result. So the police
// unit is the dossier's receiving and holding agency from the start, not a hop of the hand-off route
// (that route is a province-level procedure's, with a desk that forwards and takes the result back).
import type { AgencyRow } from '../db/schema';
import type { ProcedureRules } from '../domain/procedure';
import type { AgencyDirectory } from './agency-directory';
import { unprocessable } from './problem';

/** The agency that receives and decides a dossier filed at `commune` under `rules`. */
export function decidingAgency(rules: Pick<ProcedureRules, 'decidedBy'>, commune: AgencyRow, agencies: Pick<AgencyDirectory, 'childrenOf'>): string {
  if (rules.decidedBy !== 'commune-police') return commune.code;
  const police = agencies.childrenOf(commune.code).find((a) => a.kind === 'police');
  // The agency tree is the administrator's data: a commune may lack its police unit there.
  if (!police) throw unprocessable(`${commune.name} has no police unit in the agency tree to decide this procedure`);
  return police.code;
}

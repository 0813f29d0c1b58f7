/**
 * Shapes of the API contract as the back office reads them: inferred from the API's zod response
 * schemas (api/contract.ts, imported as types only, so no server code reaches the bundle), with
 * the `id` react-admin wants (dataProvider.ts adds it: the code where a record has no id).
 */
// Statuses and actions come from domain/, the one source the API and the workflow use too.
import { ACTIONS, type Action } from '../../domain/action-names';
import { STATUSES as ALL_STATUSES, STUCK_KINDS, type Status } from '../../domain/status';
import type * as api from '../../api/contract';
export { STUCK_KINDS };
export { ACTIONS };
export type { Action, Status };
export const STATUSES: Status[] = [...ALL_STATUSES];
export const OPEN_STATUSES = STATUSES.slice(0, 7);

export type { Agency, AgencyShare, Attachment, DossierEvent, Localized, ProcedureProfile, ProfileSaved, ProfileVersion } from '../../api/contract';
export type JsonSchemaProp = api.FormJsonSchema;

type WithId<T> = T & { id: string };
/** A dossier as the dossier page and actions answer it; GET /dossiers/:code adds the assignee's name and the files. */
export type Dossier = WithId<api.Dossier> & Partial<Pick<api.DossierWithAttachments, 'assigneeName' | 'attachments' | 'refundDue' | 'assistedBy'>>;
/** A row of a list (GET /dossiers): what the list shows, no form, no allowed actions. A `Dossier` is one too. */
export type DossierListItem = WithId<api.DossierListItem>;
/**
 * Whether a record is a whole dossier, not a list row: react-admin hands the page a row of the
 * list it came from (its getOne cache) until GET /dossiers/:code answers.
 */
export const isWholeDossier = (r: DossierListItem | Dossier | undefined): r is Dossier => !!r && 'allowedActions' in r;
/** A row of GET /api/dossiers/stuck (docs/operations.md, "Stuck dossiers"). */
export type StuckDossier = WithId<api.StuckDossier>;
export type Procedure = WithId<api.Procedure>;

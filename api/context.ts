import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import type { Env } from '../config/env';
import type { DbHandle } from '../db/client';
import type { AgencyDirectory } from './agency-directory';
import type { ProcedureVersions } from './procedure-versions';

/** What every route needs, built once at start and injected (tests build their own). */
export interface AppContext {
  dbh: DbHandle;
  temporal: Client;
  env: Env;
  log: Logger;
  agencies: AgencyDirectory;
  /** Every version of every procedure's rules (code@version). */
  procedures: ProcedureVersions;
  /** Temporal Web UI base URL (TEMPORAL_UI_URL, else the dev server's UI); unset: dossiers carry no link. */
  temporalUiUrl?: string;
}

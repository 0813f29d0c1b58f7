import { OFFICER_ROLES, type Actor } from '../domain/roles';

/** Where dossier views point officers in the Temporal Web UI; built once per app. */
export interface TemporalUi {
  baseUrl: string;
  namespace: string;
}

/** Staff may look at the workflow behind a file; a citizen's view never names the engine. */
const MAY_OPEN_WORKFLOW: ReadonlySet<string> = new Set([...OFFICER_ROLES, 'admin']);

/**
 * The dossier's workflow in the Web UI: its workflow id is the dossier code
 * (temporal/dossier-starts.ts), and the UI opens the latest run of an id given without a run id.
 */
export function temporalWorkflowUrl(ui: TemporalUi | undefined, actor: Actor, code: string): string | null {
  if (!ui || !MAY_OPEN_WORKFLOW.has(actor.role)) return null;
  return `${ui.baseUrl.replace(/\/+$/, '')}/namespaces/${encodeURIComponent(ui.namespace)}/workflows/${encodeURIComponent(code)}`;
}

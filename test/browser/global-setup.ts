import type { TestProject } from 'vitest/node';
import { ensureUiBuilds } from '../../scripts/ensure-ui-builds';
import integrationSetup from '../integration/global-setup';

/**
 * The browser suites need the UI builds (the API serves admin-ui/dist at /admin and portal/dist at
 * / when they exist at start), rebuilt only when a source is newer, and the same services as the
 * integration suites: Temporal dev server + a fresh PostgreSQL database.
 */
export default async function setup(project: TestProject) {
  ensureUiBuilds();
  return integrationSetup(project);
}

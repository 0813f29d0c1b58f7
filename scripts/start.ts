/** `npm start`: the whole system on embedded defaults; Ctrl-C stops everything cleanly. */
import { loadEnv } from '../config/env';
import { EXIT_MARGIN_MS, stopWithin } from '../runtime/bounded-stop';
import { startDevIssuerFor, type DevOidcProvider } from '../runtime/oidc-provider';
import { startSystem } from '../runtime/system';
import { ensureUiBuilds } from './ensure-ui-builds';

let env = loadEnv();
ensureUiBuilds();
// Citizen sign-in works out of the box: the local identity provider is the issuer unless
// OIDC_ISSUER names another one (docs/security.md, "Citizen sign-in").
let idp: DevOidcProvider | undefined;
if (!env.OIDC_ISSUER && env.NODE_ENV !== 'production') ({ provider: idp, env } = await startDevIssuerFor(env));
const system = await startSystem(env);
const temporalUi = system.devServer?.uiUrl ? `   Temporal UI: ${system.devServer.uiUrl}` : '';
const issuer = idp ? `   identity provider (local): ${idp.issuer}` : '';
console.log(`\n  motcua: http://localhost:${system.port}/api/health   portal: http://localhost:${system.port}/   back office: http://localhost:${system.port}/admin${temporalUi}${issuer}\n`);

let stopping = false;
async function stop(signal: NodeJS.Signals) {
  // A second Ctrl-C means now.
  if (stopping) process.exit(130);
  stopping = true;
  system.log.info({ signal, withinMs: env.SHUTDOWN_FORCE_MS + EXIT_MARGIN_MS }, 'stopping');
  // Bounded (docs/operations.md, "Stopping"): the worker is forced down at SHUTDOWN_FORCE_MS,
  // and whatever still hangs after the margin does not keep the process alive.
  const outcome = await stopWithin(async () => {
    await system.stop();
    await idp?.stop();
  }, env.SHUTDOWN_FORCE_MS + EXIT_MARGIN_MS).catch((err: unknown) => {
    system.log.error({ err }, 'stopping failed');
    return 'failed' as const;
  });
  if (outcome === 'forced') system.log.error('stop did not finish in time; exiting anyway');
  process.exit(outcome === 'stopped' ? 0 : 1);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(signal));

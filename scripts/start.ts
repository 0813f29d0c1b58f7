/** `npm start`: the whole system on embedded defaults; Ctrl-C stops everything cleanly. */
import { loadEnv } from '../config/env';
import { startSystem } from '../runtime/system';
import { ensureUiBuilds } from './ensure-ui-builds';

const env = loadEnv();
ensureUiBuilds();
const system = await startSystem(env);
const temporalUi = system.devServer?.uiUrl ? `   Temporal UI: ${system.devServer.uiUrl}` : '';
console.log(`\n  motcua: http://localhost:${system.port}/api/health   portal: http://localhost:${system.port}/   back office: http://localhost:${system.port}/admin${temporalUi}\n`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    system.log.info({ signal }, 'stopping');
    await system.stop();
    process.exit(0);
  });
}

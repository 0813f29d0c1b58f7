/**
 * Determinism guard: every committed history in test/histories/ replays against the current
 * workflow code. A failure means a change would break dossiers in flight: guard it with
 * `patched('id')` (later `deprecatePatch`), or bump the procedure's `version`, then re-record
 * deliberately with `npm run record:histories` (see workflows/README.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DefaultLogger, Worker } from '@temporalio/worker';
import { beforeAll, describe, expect, it } from 'vitest';
import { historyFromObject } from '../test/support/workflows/history-codec';
import { installRuntime, workflowBundle } from '../test/support/workflows/workflow-runtime';

const dir = fileURLToPath(new URL('../test/histories/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('replay of committed histories', () => {
  beforeAll(() => installRuntime());

  it('has histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it.each(files)('%s replays without nondeterminism', async (file) => {
    const history = historyFromObject(JSON.parse(readFileSync(dir + file, 'utf8')));
    await Worker.runReplayHistory(
      { workflowBundle: await workflowBundle(), replayName: file, logger: new DefaultLogger('WARN') } as Parameters<typeof Worker.runReplayHistory>[0],
      history,
      file.replace(/\.json$/, ''),
    );
  });
});

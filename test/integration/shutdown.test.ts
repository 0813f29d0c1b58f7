import { describe, expect, it } from 'vitest';
import { EXIT_MARGIN_MS, stopWithin } from '../../runtime/bounded-stop';
import { startTestSystem } from '../support/system';

/** Bounded stopping (docs/operations.md, "Stopping"): the worker gets the configured grace and force times. */
describe('stopping the stack', () => {
  it('hands SHUTDOWN_GRACE_MS / SHUTDOWN_FORCE_MS to the worker and stops within them', async () => {
    const system = await startTestSystem({ SHUTDOWN_GRACE_MS: '1500', SHUTDOWN_FORCE_MS: '3000' });
    try {
      expect(system.worker!.options).toMatchObject({ shutdownGraceTimeMs: 1500, shutdownForceTimeMs: 3000 });
    } finally {
      const started = Date.now();
      expect(await stopWithin(() => system.stop(), 3000 + EXIT_MARGIN_MS)).toBe('stopped');
      expect(Date.now() - started).toBeLessThan(3000 + EXIT_MARGIN_MS);
    }
  });
});

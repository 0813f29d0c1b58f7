import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // Projects run one after the other (2 cores): unit, then integration, then browser.
          sequence: { groupOrder: 0 },
          include: ['domain/**/*.test.ts', 'procedures/**/*.test.ts', 'workflows/**/*.test.ts', 'activities/**/*.test.ts', 'api/**/*.test.ts', 'db/**/*.test.ts', 'test/unit/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          // One Temporal dev server and one PostgreSQL database for the run; files share them.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'browser',
          sequence: { groupOrder: 2 },
          include: ['test/browser/**/*.test.ts'],
          // Builds admin-ui when stale, then the integration suites' Temporal + PostgreSQL.
          globalSetup: ['test/browser/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});

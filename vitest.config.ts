import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'action',
          include: ['test/action/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'workflows',
          include: ['test/workflows/**/*.test.ts'],
          // Builds (first use) or finds the act runner before the suites start.
          globalSetup: ['test/workflows/global-setup.ts'],
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'tools',
          include: ['test/tools/**/*.test.ts'],
          // Builds (first use) or finds kustomize, helm and the health-rule interpreters before the suites start.
          globalSetup: ['test/tools/global-setup.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Builds (first use) or finds the control plane's binaries before any suite starts.
          globalSetup: ['test/harness/global-setup.ts'],
          // One control plane at a time: the machine has 2 cores, and each file starts its own.
          fileParallelism: false,
          testTimeout: 240_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'fixtures/**/*.test.ts', 'suites/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    globalSetup: ['suites/globalSetup.ts'],
    setupFiles: ['test/propertySeed.ts'],
    // The suites read manifests and OpenAPI documents from disk, not by import: watch mode must still re-plan when they change.
    forceRerunTriggers: ['**/package.json', '**/vitest.config.*', 'fixtures/**/*.{yaml,yml,json}', ...(process.env.HARDEN_MANIFEST ? [process.env.HARDEN_MANIFEST] : []), ...(process.env.HARDEN_OVERLAY ? [process.env.HARDEN_OVERLAY] : [])],
  },
});

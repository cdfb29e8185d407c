import { defineConfig } from 'vitest/config';

/** The tests `npm run mutate` runs against the vitest front's mutants (suites/defineSuite.ts). */
export default defineConfig({
  test: {
    include: ['test/defineSuite.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});

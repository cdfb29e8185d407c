import { defineConfig } from 'vitest/config';

/**
 * The tests `npm run mutate` runs against the checks' and the exit code's mutants: their own tests
 * only, so a mutant costs a fraction of a second, not a full run. Property tests over thousands of
 * generated inputs stay in `npm test`; the tables hold the edges a mutant must cross.
 */
export default defineConfig({
  test: {
    include: ['src/checks/**/*.test.ts', 'src/cli/exitCode.test.ts'],
    exclude: ['**/*.property.test.ts'],
    setupFiles: ['test/propertySeed.ts'],
  },
});

/**
 * Surviving mutants that no test can kill, because the mutated program behaves exactly as the
 * original: key (file | mutator | original → mutant, as docs/mutation.md prints it) → one-line reason.
 */
export const EQUIVALENT: Record<string, string> = {};

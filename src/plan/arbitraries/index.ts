/** JSON Schema → fast-check arbitraries: valid instances, and instances breaking one constraint. */
export type { ArbitraryOptions, JsonSchema } from './types.ts';
export { validArbitrary } from './valid.ts';
export { invalidArbitraries, violationSet, type Violation, type ViolationSet } from './invalid.ts';
export { withWorkBudget } from './workMeter.ts';
export { SchemaGenerationError } from './errors.ts';
export { CANDIDATE_WORK_BUDGET } from './violations/leaf.ts';

/** JSON Schema → fast-check arbitraries: valid instances, and instances breaking one constraint. */
export type { ArbitraryOptions, JsonSchema } from './types.ts';
export { validArbitrary } from './valid.ts';
export { invalidArbitraries, type Violation } from './invalid.ts';
export { SchemaGenerationError } from './errors.ts';

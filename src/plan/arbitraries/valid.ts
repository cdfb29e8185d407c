import type fc from 'fast-check';
import { createContext } from './context.ts';
import { gen } from './generate.ts';
import type { ArbitraryOptions, JsonSchema } from './types.ts';

/**
 * Arbitrary of JSON values accepted by `schema` (2020-12, plus OpenAPI 3.0
 * `nullable` and draft-4 boolean exclusive bounds). Throws SchemaGenerationError
 * at construction when the schema admits nothing we can build.
 */
export function validArbitrary(schema: JsonSchema, options?: ArbitraryOptions): fc.Arbitrary<unknown> {
  return gen(schema, createContext(schema, options), 0);
}

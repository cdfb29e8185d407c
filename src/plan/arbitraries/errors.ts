/**
 * Raised when a schema admits no value we can build (e.g. `false`, contradictory
 * bounds, an unresolvable `$ref`). Thrown at construction time where possible so a
 * planner learns about a broken schema before any request is sent.
 */
export class SchemaGenerationError extends Error {
  override readonly name = 'SchemaGenerationError';
}

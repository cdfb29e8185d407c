/** A JSON Schema node: boolean schemas (`true`/`false`) or a keyword object. */
export type JsonSchema = boolean | { [k: string]: unknown };

export interface ArbitraryOptions {
  /** Document that `$ref`s resolve against (JSON pointer refs like "#/schemas/Order" or "#/$defs/X"); defaults to the schema itself. */
  root?: unknown;
  /** Recursion bound for $ref cycles and nesting (default 3): past it, choose the non-recursive branch / empty arrays / omit optional props. */
  maxDepth?: number;
}

/** Internal alias: a schema node known to be a keyword object (not a boolean). */
export type Schema = { [k: string]: unknown };

export const DEFAULT_MAX_DEPTH = 3;

/**
 * The largest bound the planner breaks by building a value past it: a string longer than maxLength,
 * an array with more items than maxItems, an object with more members than maxProperties. Past this
 * the value is not built (*decided*, docs/openapi.md): AWS documents say `maxLength: 2147483647` for
 * "no limit", and a 2 GB string would exhaust memory before it could be sent, and the API would
 * refuse it for its size (413) before reading its schema.
 */
export const MAX_BROKEN_BOUND = 65_536;

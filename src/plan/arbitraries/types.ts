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

import type fc from 'fast-check';
import { validatorFor, type Validator } from './ajv.ts';
import { SchemaGenerationError } from './errors.ts';
import { resolvePointer } from './pointer.ts';
import { DEFAULT_MAX_DEPTH, type ArbitraryOptions, type JsonSchema } from './types.ts';

/** Per-call generation state: the ref root, the depth bound and the arbitrary memo. */
export interface Ctx {
  readonly root: unknown;
  readonly maxDepth: number;
  /** node → (capped depth → arbitrary); bounded because depth is capped at maxDepth. */
  readonly memo: Map<JsonSchema, Map<number, fc.Arbitrary<unknown>>>;
  /** node/depth pairs under construction: re-entering one means unbounded recursion. */
  readonly building: Set<string>;
  readonly ids: WeakMap<object, number>;
}

export function createContext(schema: JsonSchema, options: ArbitraryOptions = {}): Ctx {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (!Number.isInteger(maxDepth) || maxDepth < 0) throw new SchemaGenerationError(`maxDepth must be a non-negative integer, got ${maxDepth}`);
  return { root: options.root ?? schema, maxDepth, memo: new Map(), building: new Set(), ids: new WeakMap() };
}

/** Only local JSON-pointer refs are supported; anything else is reported, not guessed. */
export function resolveRef(ref: string, ctx: Ctx): JsonSchema {
  if (!ref.startsWith('#')) throw new SchemaGenerationError(`unsupported non-local $ref "${ref}"`);
  const target = resolvePointer(ctx.root, ref);
  if (typeof target === 'boolean' || (target !== null && typeof target === 'object' && !Array.isArray(target))) {
    return target as JsonSchema;
  }
  throw new SchemaGenerationError(`unresolvable $ref "${ref}"`);
}

export function validatorIn(ctx: Ctx, node: JsonSchema): Validator | undefined {
  return validatorFor(node, ctx.root);
}

/** Stable small id per schema object, for memo/diagnostic keys. */
export function nodeId(ctx: Ctx, node: JsonSchema): string {
  if (typeof node === 'boolean') return String(node);
  let id = ctx.ids.get(node);
  if (id === undefined) {
    id = nextId++;
    ctx.ids.set(node, id);
  }
  return `#${id}`;
}
let nextId = 0;

import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { FormatsPlugin } from 'ajv-formats';
import { addFormats } from '../../ajvFormats.ts';
import { canonicalJson } from './json.ts';
import { deepNormalize } from './normalize.ts';
import type { JsonSchema } from './types.ts';
import { chargeWork } from './workMeter.ts';

/**
 * One shared ajv instance for every guard/filter in this folder: constructing Ajv
 * costs ~8 ms, compiling a node well under 1 ms. Each `root` document is registered
 * once under a private key and the `#/...` refs of every compiled node are
 * rewritten to point into it, so sub-schemas can be validated in isolation.
 */
const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
addFormats(ajv);

export type Validator = ValidateFunction;

const rootKeys = new WeakMap<object, string>();
/** Callers often rebuild an equal root per call ({ schemas }); content keys avoid re-registering it. */
const rootKeysByContent = new Map<string, string>();
const compiled = new Map<string, WeakMap<object, Validator | null>>();
let nextRoot = 0;

function registerRoot(root: object): string {
  let key = rootKeys.get(root);
  if (key) return key;
  const content = canonicalJson(root);
  key = rootKeysByContent.get(content);
  if (!key) {
    key = `urn:api-harden:arbitraries:root:${nextRoot++}`;
    try {
      // meta-validation off: roots may be whole documents (OpenAPI, manifests), not schemas
      ajv.addSchema(deepNormalize(root) as object, key, undefined, false);
    } catch {
      // refs into this root will fail to compile; validatorFor then reports "no validator"
    }
    rootKeysByContent.set(content, key);
  }
  rootKeys.set(root, key);
  return key;
}

/**
 * Validator for `node` with refs resolved against `root`; `undefined` when ajv
 * cannot compile it (then callers skip filtering rather than crash).
 */
export function validatorFor(node: JsonSchema, root: unknown): Validator | undefined {
  const key = root !== null && typeof root === 'object' ? registerRoot(root) : '';
  if (typeof node === 'boolean') return compileCopy(node, key);
  let perRoot = compiled.get(key);
  if (!perRoot) compiled.set(key, (perRoot = new WeakMap()));
  const hit = perRoot.get(node);
  if (hit !== undefined) return hit ?? undefined;
  const fn = compileCopy(node, key);
  perRoot.set(node, fn ?? null);
  return fn;
}

const BOOLEAN_VALIDATORS = new Map<boolean, Validator>();

function compileCopy(node: JsonSchema, key: string): Validator | undefined {
  if (typeof node === 'boolean') {
    let fn = BOOLEAN_VALIDATORS.get(node);
    if (!fn) BOOLEAN_VALIDATORS.set(node, (fn = ajv.compile(node)));
    return fn;
  }
  const copy = deepNormalize(node, (ref) => (key && ref.startsWith('#') ? `${key}${ref}` : ref)) as object;
  // Compiling costs as many draws as the schema has kilobytes (a wide body compiled once per relaxed keyword).
  chargeWork(1 + (JSON.stringify(copy).length >> 10));
  try {
    return ajv.compile(copy);
  } catch {
    return undefined;
  } finally {
    // ajv caches every compiled schema object forever; ours are throwaway copies,
    // and the compiled function stays usable after removal
    ajv.removeSchema(copy);
  }
}

/** ajv-formats' own checker (full mode) so generated formats agree with the validator. */
export function formatChecker(format: unknown): ((s: string) => boolean) | undefined {
  if (typeof format !== 'string') return undefined;
  let def: unknown;
  try {
    def = addFormats.get(format as Parameters<FormatsPlugin['get']>[0], 'full');
  } catch {
    return undefined;
  }
  const fmt = def !== null && typeof def === 'object' && !(def instanceof RegExp) && 'validate' in def ? def.validate : def;
  if (fmt instanceof RegExp) return (s) => fmt.test(s);
  if (typeof fmt === 'function') return (s) => Boolean((fmt as (x: string) => unknown)(s));
  return undefined;
}

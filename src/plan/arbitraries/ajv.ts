import { createHash } from 'node:crypto';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { FormatsPlugin } from 'ajv-formats';
import { addFormats } from '../../ajvFormats.ts';
import { linearPattern } from '../../linearPattern.ts';
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
// validateSchema off: the manifest's schemas were checked against the meta-schema when it loaded
// (src/manifest/jsonSchemaProblems.ts), and checking every derived copy again was a third of a
// small document's planning time. Code not optimised: each validator here judges a few hundred draws
// at most, and ajv's optimising pass was a tenth of planning a document with thousands of bodies.
const newAjv = () => {
  const instance = new Ajv2020({ strict: false, allErrors: true, logger: false, validateSchema: false, inlineRefs: false, code: { regExp: linearPattern, optimize: false } });
  addFormats(instance);
  return instance;
};
let ajv = newAjv();

export type Validator = ValidateFunction;

let rootKeys = new WeakMap<object, string>();
/**
 * Callers often rebuild an equal root per call ({ schemas }); content keys avoid re-registering it.
 * Keyed by a digest of the content: the text of a large document's schemas is megabytes to hold.
 */
const rootKeysByContent = new Map<string, string>();
const compiled = new Map<string, WeakMap<object, Validator | null>>();
let nextRoot = 0;

/**
 * Compiles an instance may make before a fresh one takes over. ajv keeps every function it compiled
 * in the instance's scope for good (removeSchema does not free them), and each compiled validator
 * holds the whole scope: planning Microsoft Graph's 11,422 operations kept about 80 MB of generated
 * code and schema environments alive to the end. Validators already handed out keep working; the old
 * instance goes once the last of them does (`harden plan` releases what it built for an endpoint once
 * no later endpoint needs it; `harden run` keeps it for its property cases, and so the old instances).
 */
export const COMPILES_PER_INSTANCE = 2_000;
let compiles = 0;

function recycle(): void {
  ajv = newAjv();
  compiles = 0;
  compiled.clear();
  rootKeysByContent.clear();
  rootKeys = new WeakMap();
  sharedRefs.clear();
  byContent.clear();
}

function registerRoot(root: object): string {
  let key = rootKeys.get(root);
  if (key) return key;
  const content = createHash('sha256').update(canonicalJson(root)).digest('base64');
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
  if (compiles >= COMPILES_PER_INSTANCE) recycle();
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
/**
 * Validators by the text of the schema compiled: the planner builds many equal schemas as distinct
 * objects (each relaxed copy of a body, each shared component under every operation using it), and
 * compiling is most of the planning time on wide documents. Capped, then started afresh.
 */
const byContent = new Map<string, Validator | null>();
const CONTENT_CACHE_LIMIT = 5_000;

function compileCopy(node: JsonSchema, key: string): Validator | undefined {
  if (typeof node === 'boolean') {
    let fn = BOOLEAN_VALIDATORS.get(node);
    if (!fn) BOOLEAN_VALIDATORS.set(node, (fn = ajv.compile(node)));
    return fn;
  }
  // Every local ref is rewritten into the registered root, so annotations are not needed here.
  const copy = deepNormalize(node, (ref) => (key && ref.startsWith('#') ? sharedRef(`${key}${ref}`) : ref), key ? 'drop' : 'keep') as object;
  const text = JSON.stringify(copy);
  const known = byContent.get(text);
  if (known !== undefined) return known ?? undefined;
  // Compiling costs as many draws as the schema has kilobytes (a wide body compiled once per relaxed keyword).
  chargeWork(1 + (text.length >> 10));
  let fn: Validator | undefined;
  compiles++;
  try {
    fn = ajv.compile(copy);
  } catch {
    fn = undefined;
  } finally {
    // ajv caches every compiled schema object forever; ours are throwaway copies,
    // and the compiled function stays usable after removal
    ajv.removeSchema(copy);
  }
  if (byContent.size >= CONTENT_CACHE_LIMIT) byContent.clear();
  byContent.set(text, fn ?? null);
  return fn;
}

const sharedRefs = new Set<string>();
/**
 * A ref into a registered root, compiled once for every node that points at it. ajv keeps a ref's
 * compiled target with the schema being compiled, and each of ours is a throwaway copy: without
 * this, every node naming `#/schemas/User` compiled User again (most of the compiling on documents
 * with thousands of bodies). `getSchema` of the full ref files its target under that ref, where
 * every later compile finds it.
 */
function sharedRef(ref: string): string {
  if (sharedRefs.has(ref)) return ref;
  sharedRefs.add(ref);
  compiles++;
  try {
    ajv.getSchema(ref);
  } catch {
    // an unresolvable or uncompilable target: the compile that names it fails, as it did before
  }
  return ref;
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

import { createHash } from 'node:crypto';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { SchemaEnv } from 'ajv/dist/compile/index.js';
import type { FormatsPlugin } from 'ajv-formats';
import { addFormats } from '../../ajvFormats.ts';
import { linearPattern } from '../../linearPattern.ts';
import { canonicalJson } from './json.ts';
import { deepNormalize } from './normalize.ts';
import { resolvePointer } from './pointer.ts';
import type { JsonSchema } from './types.ts';
import { chargeWork } from './workMeter.ts';

/**
 * One shared ajv instance for every guard/filter in this folder: constructing Ajv
 * costs ~8 ms, compiling a node well under 1 ms. Each `root` document is known
 * under a private key and the `#/...` refs of every compiled node are rewritten to
 * point into it, so sub-schemas can be validated in isolation.
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
/** Each registered root as the caller gave it: refs into it are resolved as JSON pointers. */
const roots = new Map<string, object>();
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
  roots.clear();
  byContent.clear();
}

function registerRoot(root: object): string {
  let key = rootKeys.get(root);
  if (key) return key;
  const content = createHash('sha256').update(canonicalJson(root)).digest('base64');
  key = rootKeysByContent.get(content);
  if (!key) {
    key = `urn:api-harden:arbitraries:root:${nextRoot++}`;
    rootKeysByContent.set(content, key);
    roots.set(key, root);
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
  const instance = ajv;
  const root = roots.get(key);
  // Every local ref is rewritten into the registered root, so annotations are not needed here.
  const copy = deepNormalize(node, (ref) => (root && ref.startsWith('#') ? target(instance, root, key, ref, true) : ref), key ? 'drop' : 'keep') as object;
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

/**
 * Each instance's ref targets, by the full ref: the environment filed under it in the instance's
 * `refs`; `anchor` for a fragment that is not a JSON pointer; `missing` for a pointer to nothing,
 * which fails to compile as it always did. Per instance, and each target holds its root: a validator
 * of a replaced instance may reach a target for the first time long after (`harden run` draws its
 * property cases from what was planned), and compiles it there, against the same root.
 */
const targetsOf = new WeakMap<Ajv2020, Map<string, SchemaEnv | 'anchor' | 'missing'>>();

/**
 * A ref into a registered root, made resolvable in `instance`, whose target is compiled on its own
 * the first time a value reaches it, not when a schema naming it is compiled. ajv compiles every
 * target a schema can reach before the schema validates anything, and Microsoft Graph's components
 * refer to one another so densely that naming one large entity compiled most of the document's
 * 2,800 schemas, in every instance again; compiled when reached, Graph beta's plan compiles 3,321
 * targets in all (its values do reach 2,438 distinct ones), at 6–13 % less CPU for the whole plan.
 *
 * ajv's `$ref` looks a ref up in the instance's `refs` first and calls a target that already has a
 * function as it is (compile/index.ts resolveRef, vocabularies/core/ref.ts), so an environment filed
 * there whose function compiles on first call keeps ajv's own errors and evaluated properties.
 */
function target(instance: Ajv2020, root: object, key: string, fragment: string, direct: boolean): string {
  const ref = `${key}${fragment}`;
  let targets = targetsOf.get(instance);
  if (!targets) targetsOf.set(instance, (targets = new Map()));
  let env = targets.get(ref);
  if (env === undefined) targets.set(ref, (env = lazyTarget(instance, root, key, fragment.slice(1))));
  if (env === 'anchor') resolveHere(instance, root, key);
  else if (env !== 'missing' && instance.refs[ref] === undefined) {
    instance.refs[ref] = env;
    // A schema's own refs count as one compile each, as when they were compiled with it: the
    // replacements, and so what the caches spare a body's work budget, stay where they were.
    if (direct) compiles++;
  }
  return ref;
}

function lazyTarget(instance: Ajv2020, root: object, key: string, pointer: string): SchemaEnv | 'anchor' | 'missing' {
  if (pointer !== '' && !pointer.startsWith('/')) return 'anchor';
  const node = resolvePointer(root, pointer);
  if (typeof node !== 'boolean' && (node === null || typeof node !== 'object')) return 'missing';
  let compiledTarget: Validator | undefined;
  const lazy = function (this: unknown, data: unknown, context?: Parameters<Validator>[1]): boolean {
    compiledTarget ??= compileTarget(instance, root, key, node as JsonSchema);
    const valid = compiledTarget.call(this, data, context) as boolean;
    lazy.errors = compiledTarget.errors;
    // read after the call by callers compiled before the first call, when there was none to read
    lazy.evaluated = compiledTarget.evaluated ?? { dynamicProps: false, dynamicItems: false };
    return valid;
  } as Validator;
  const env = new SchemaEnv({ schema: {}, schemaId: '$id' });
  env.validate = lazy;
  return env;
}

/**
 * One target compiled on its own, its refs filed the same lazy way. A target ajv cannot compile
 * (a pattern no engine accepts) checks nothing, as a schema that does not compile leaves its
 * callers unfiltered (validatorFor).
 */
function compileTarget(instance: Ajv2020, root: object, key: string, node: JsonSchema): Validator {
  const copy = typeof node === 'boolean' ? node : (deepNormalize(node, (ref) => (ref.startsWith('#') ? target(instance, root, key, ref, false) : ref), 'drop') as object);
  try {
    return instance.compile(copy);
  } catch {
    return ACCEPT_ALL;
  } finally {
    if (typeof copy !== 'boolean') instance.removeSchema(copy);
  }
}

const ACCEPT_ALL = newAjv().compile(true);

const rootsHere = new WeakMap<Ajv2020, Set<string>>();

/** A ref that is not a JSON pointer (`#anchor`): the root is registered whole in the instance, where ajv finds anchors. */
function resolveHere(instance: Ajv2020, root: object, key: string): void {
  let here = rootsHere.get(instance);
  if (!here) rootsHere.set(instance, (here = new Set()));
  if (here.has(key)) return;
  here.add(key);
  try {
    // meta-validation off: roots may be whole documents (OpenAPI, manifests), not schemas
    instance.addSchema(deepNormalize(root) as object, key, undefined, false);
  } catch {
    // refs into this root fail to compile; validatorFor then reports "no validator"
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

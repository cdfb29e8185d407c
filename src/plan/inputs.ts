import fc from 'fast-check';
import type { Endpoint, JsonSchema, Manifest } from '../manifest/types.ts';
import { invalidArbitraries, validArbitrary, type Violation } from './arbitraries/index.ts';

/** Concrete inputs for one request: path parameters and a JSON body. */
export interface Inputs {
  params: Record<string, string>;
  body?: unknown;
}

/** `$ref`s in manifest schemas ("#/schemas/Order") resolve against this document. */
export function schemaRoot(manifest: Manifest): unknown {
  return { schemas: manifest.schemas };
}

// Building an arbitrary is far dearer than drawing from it (fast-check precomputes character tables),
// and every case of an endpoint draws from the same schemas: build each once per manifest.
// Keyed by the schema's content, not its object: two endpoints with equal schemas (common in large
// documents, and in manifests loaded twice, as `harden diff` does) share one arbitrary.
const validCache = new WeakMap<object, Map<string, fc.Arbitrary<unknown>>>();
const invalidCache = new WeakMap<object, Map<string, Violation[]>>();

function cached<T>(cache: WeakMap<object, Map<string, T>>, manifest: Manifest, schema: JsonSchema, build: () => T): T {
  let perManifest = cache.get(manifest.schemas);
  if (!perManifest) cache.set(manifest.schemas, (perManifest = new Map()));
  const key = JSON.stringify(schema);
  let value = perManifest.get(key);
  if (value === undefined) perManifest.set(key, (value = build()));
  return value;
}

const valid = (schema: JsonSchema, manifest: Manifest) => cached(validCache, manifest, schema, () => validArbitrary(schema, { root: schemaRoot(manifest) }));

/** One value from an arbitrary, fixed by the seed: the planner's only source of variety. */
export function draw<T>(arbitrary: fc.Arbitrary<T>, seed: number): T {
  return fc.sample(arbitrary, { seed, numRuns: 1 })[0] as T;
}

/** A path segment must survive URL normalisation, or the request would reach another route. */
const usableSegment = (value: unknown) => {
  const text = String(value);
  return text.length > 0 && text !== '.' && text !== '..';
};

function paramArbitrary(schema: JsonSchema, manifest: Manifest): fc.Arbitrary<string> {
  return valid(schema, manifest).filter(usableSegment).map(String);
}

/** All valid inputs of an endpoint as one arbitrary: path parameters and body together, so they shrink together. */
export function validInputsArbitrary(endpoint: Endpoint, manifest: Manifest): fc.Arbitrary<Inputs> {
  const params = fc.record(Object.fromEntries(Object.entries(endpoint.params).map(([name, schema]) => [name, paramArbitrary(schema, manifest)])));
  const body = endpoint.body === undefined ? fc.constant(undefined) : valid(endpoint.body, manifest);
  return fc.tuple(params, body).map(([p, b]) => (b === undefined ? { params: p } : { params: p, body: b }));
}

/** Valid, generated inputs for an endpoint. */
export function generatedInputs(endpoint: Endpoint, manifest: Manifest, seed: number): Inputs {
  return draw(validInputsArbitrary(endpoint, manifest), seed);
}

function firstExample(schema: JsonSchema): unknown {
  if (typeof schema !== 'object') return undefined;
  const examples = schema.examples;
  return Array.isArray(examples) && examples.length > 0 ? examples[0] : schema.example;
}

/** Inputs using each parameter's documented example where there is one; `complete` says whether all had one. */
export function exampleInputs(endpoint: Endpoint, manifest: Manifest, seed: number): { inputs: Inputs; complete: boolean } {
  const generated = generatedInputs(endpoint, manifest, seed);
  let complete = true;
  const params: Record<string, string> = {};
  for (const [name, schema] of Object.entries(endpoint.params)) {
    const example = firstExample(schema);
    if (example === undefined) complete = false;
    params[name] = example === undefined ? generated.params[name]! : String(example);
  }
  return { inputs: { params, body: generated.body }, complete };
}

/** Fills `{name}` in a path template with percent-encoded values (RFC 3986 §3.3). */
export function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

/** Every way to break exactly one constraint of the endpoint's body schema. */
export function bodyViolations(endpoint: Endpoint, manifest: Manifest): Violation[] {
  const body = endpoint.body;
  if (body === undefined) return [];
  return cached(invalidCache, manifest, body, () => invalidArbitraries(body, { root: schemaRoot(manifest) }));
}

/** A body that breaks exactly one constraint of the endpoint's body schema, chosen by the seed. */
export function invalidBody(endpoint: Endpoint, manifest: Manifest, seed: number): { value: unknown; violation: Violation } | undefined {
  const violations = bodyViolations(endpoint, manifest);
  if (violations.length === 0) return undefined;
  const violation = violations[seed % violations.length]!;
  return { value: draw(violation.arbitrary, seed), violation };
}

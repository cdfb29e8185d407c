import fc from 'fast-check';
import type { Endpoint, JsonSchema, Manifest, NamedParameter } from '../manifest/types.ts';
import { CANDIDATE_WORK_BUDGET, validArbitrary, violationSet, withWorkBudget, type Violation } from './arbitraries/index.ts';
import { boundedFilter } from './arbitraries/bounded-filter.ts';
import { cookieSafe, headerSafe, headerText, queryText } from './parameterText.ts';
import { bodyExample } from './bodyExample.ts';
import { deriveSeed } from './deriveSeed.ts';
import { pinned } from './pinFields.ts';

/** Concrete inputs for one request: path parameters, query and header parameters, and a JSON body. */
export interface Inputs {
  params: Record<string, string>;
  /** Query parameters as sent; a list is the key repeated. Absent when the endpoint declares none. */
  query?: Record<string, string | string[]>;
  /** Header parameters by lower-case name. Absent when the endpoint declares none. */
  headers?: Record<string, string>;
  /** Cookie parameters. Absent when the endpoint declares none. */
  cookies?: Record<string, string>;
  body?: unknown;
}

const roots = new WeakMap<object, unknown>();

/**
 * `$ref`s in manifest schemas ("#/schemas/Order") resolve against this document. One object per
 * manifest: the validators key their registration of it by identity, and a fresh one each call
 * had them serialise every schema of the manifest again (seconds on a large OpenAPI document).
 */
export function schemaRoot(manifest: Manifest): unknown {
  let root = roots.get(manifest.schemas);
  if (root === undefined) roots.set(manifest.schemas, (root = { schemas: manifest.schemas }));
  return root;
}

// Building an arbitrary is far dearer than drawing from it (fast-check precomputes character tables),
// and every case of an endpoint draws from the same schemas: build each once per manifest.
// Keyed by the schema's content, not its object: two endpoints with equal schemas (common in large
// documents, and in manifests loaded twice, as `harden diff` does) share one arbitrary.
// `harden plan` releases them once the last endpoint using them is planned (schemaReleaser): one
// body's violations hold up to a megabyte of arbitraries and compiled validators, and keeping every
// body's for the whole plan took a 20 MB document's planning to 900 MB. `harden run` keeps them: its
// property cases draw from them again while the run sends, and must draw what was planned.
const validCache = new WeakMap<object, Map<string, fc.Arbitrary<unknown>>>();
const invalidCache = new WeakMap<object, Map<string, BodyViolations>>();

function cached<T>(cache: WeakMap<object, Map<string, T>>, manifest: Manifest, schema: JsonSchema, build: () => T): T {
  let perManifest = cache.get(manifest.schemas);
  if (!perManifest) cache.set(manifest.schemas, (perManifest = new Map()));
  const key = JSON.stringify(schema);
  let value = perManifest.get(key);
  if (value === undefined) perManifest.set(key, (value = build()));
  return value;
}

/** Whether the planner holds generators or violations built for this schema (by content) of the manifest. */
export function holdsSchema(manifest: Manifest, schema: JsonSchema): boolean {
  const key = JSON.stringify(schema);
  return Boolean(validCache.get(manifest.schemas)?.has(key) || invalidCache.get(manifest.schemas)?.has(key));
}

/** The schemas an endpoint's inputs are drawn from, by the content the caches key them by. */
function schemaKeys(endpoint: Endpoint): Set<string> {
  const named = [endpoint.query, endpoint.headers, endpoint.cookies].flatMap((declared) => Object.values(declared).map((p) => p.schema));
  const schemas = [...Object.values(endpoint.params), ...named, ...(endpoint.body === undefined ? [] : [endpoint.body])];
  return new Set(schemas.map((schema) => JSON.stringify(schema)));
}

/**
 * For one walk over the manifest's endpoints in order: call the result after each endpoint's cases
 * are all planned, and what only that endpoint and earlier ones used is dropped from the caches
 * (its inputs arbitrary, its base request, the generators and violations of schemas no later
 * endpoint shares). Nothing a later endpoint needs is dropped, so nothing is built twice, and the
 * walk plans exactly what a walk that keeps everything plans: what is built is the same, in the
 * same order (a body's work budget counts compilations the caches spare, so a rebuild could differ).
 */
export function schemaReleaser(manifest: Manifest): (endpoint: Endpoint) => void {
  const uses = new Map<string, number>();
  for (const endpoint of manifest.endpoints) for (const key of schemaKeys(endpoint)) uses.set(key, (uses.get(key) ?? 0) + 1);
  return (endpoint) => {
    inputsArbitraries.get(manifest)?.delete(endpoint);
    bases.delete(endpoint);
    for (const key of schemaKeys(endpoint)) {
      const left = (uses.get(key) ?? 1) - 1;
      if (left > 0) {
        uses.set(key, left);
        continue;
      }
      uses.delete(key);
      validCache.get(manifest.schemas)?.delete(key);
      invalidCache.get(manifest.schemas)?.delete(key);
    }
  };
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

/** A header parameter's values as text the HTTP client will send unchanged. */
function headerArbitrary(name: string, schema: JsonSchema, manifest: Manifest): fc.Arbitrary<string> {
  return boundedFilter(valid(schema, manifest).map(headerText), headerSafe, `header "${name}"`);
}

/** A cookie's values as text a Cookie header can carry unquoted. */
function cookieArbitrary(name: string, schema: JsonSchema, manifest: Manifest): fc.Arbitrary<string> {
  return boundedFilter(valid(schema, manifest).map(headerText), cookieSafe, `cookie "${name}"`);
}

/** Query or header parameters as one record: required ones always present, optional ones present or not (and shrunk away). */
function namedArbitrary<T>(declared: Record<string, NamedParameter>, value: (name: string, schema: JsonSchema) => fc.Arbitrary<T>): fc.Arbitrary<Record<string, T>> {
  const entries = Object.entries(declared);
  const model = Object.fromEntries(entries.map(([name, p]) => [name, value(name, p.schema)]));
  return fc.record(model, { requiredKeys: entries.filter(([, p]) => p.required).map(([name]) => name) }) as fc.Arbitrary<Record<string, T>>;
}

const hasAny = (declared: Record<string, unknown>) => Object.keys(declared).length > 0;
const hasNamed = (endpoint: Endpoint) => hasAny(endpoint.query) || hasAny(endpoint.headers) || hasAny(endpoint.cookies);

const inputsArbitraries = new WeakMap<Manifest, WeakMap<Endpoint, fc.Arbitrary<Inputs>>>();

/** All valid inputs of an endpoint as one arbitrary: parameters and body together, so they shrink together. */
export function validInputsArbitrary(endpoint: Endpoint, manifest: Manifest): fc.Arbitrary<Inputs> {
  // Every case of an endpoint draws from it, each with its own seed: built once (a wide document's
  // cases rebuilt it tens of thousands of times).
  let perManifest = inputsArbitraries.get(manifest);
  if (!perManifest) inputsArbitraries.set(manifest, (perManifest = new WeakMap()));
  let arbitrary = perManifest.get(endpoint);
  if (!arbitrary) perManifest.set(endpoint, (arbitrary = buildInputsArbitrary(endpoint, manifest)));
  return arbitrary;
}

function buildInputsArbitrary(endpoint: Endpoint, manifest: Manifest): fc.Arbitrary<Inputs> {
  const params = fc.record(Object.fromEntries(Object.entries(endpoint.params).map(([name, schema]) => [name, paramArbitrary(schema, manifest)])));
  const body = endpoint.body === undefined ? fc.constant(undefined) : pinned(valid(endpoint.body, manifest), manifest);
  const pathAndBody = fc.tuple(params, body).map(([p, b]): Inputs => (b === undefined ? { params: p } : { params: p, body: b }));
  // Endpoints without query, header or cookie parameters draw exactly as before they existed: same seed, same inputs.
  if (!hasNamed(endpoint)) return pathAndBody;
  const query = namedArbitrary(endpoint.query, (_, schema) => valid(schema, manifest).map(queryText));
  const headers = namedArbitrary(endpoint.headers, (name, schema) => headerArbitrary(name, schema, manifest));
  // Drawn after the others, so adding cookie parameters left the draws of query and headers as they were.
  const cookies = namedArbitrary(endpoint.cookies, (name, schema) => cookieArbitrary(name, schema, manifest));
  return fc.tuple(pathAndBody, query, headers, cookies).map(([inputs, q, h, c]) => withNamed(inputs, endpoint, q, h, c));
}

/** Inputs with query, header and cookie records, each present when the endpoint declares any. */
function withNamed(inputs: Inputs, endpoint: Endpoint, query: Record<string, string | string[]>, headers: Record<string, string>, cookies: Record<string, string>): Inputs {
  return { ...inputs, ...(hasAny(endpoint.query) && { query }), ...(hasAny(endpoint.headers) && { headers }), ...(hasAny(endpoint.cookies) && { cookies }) };
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

const bases = new WeakMap<Endpoint, Map<number, { inputs: Inputs; complete: boolean }>>();

/**
 * The documented request every variant of the malformed, unauthorized, CORS and method/path-confusion
 * families bends (a token left out, a body broken, a header added), drawn once per route and run seed,
 * and only when first asked for. Seeded by the route alone, so a selective run plans it as the whole
 * plan does; a refusal then names one difference from the request the other suites sent, and drawing
 * a wide body for each variant was most of planning a large document.
 */
export function baseRequest(endpoint: Endpoint, manifest: Manifest, runSeed: number): () => { inputs: Inputs; complete: boolean } {
  return () => {
    let perSeed = bases.get(endpoint);
    if (!perSeed) bases.set(endpoint, (perSeed = new Map()));
    let drawn = perSeed.get(runSeed);
    if (!drawn) perSeed.set(runSeed, (drawn = exampleInputs(endpoint, manifest, deriveSeed(runSeed, `${endpoint.id}/base request`))));
    return drawn;
  };
}

/**
 * Inputs using each parameter's and the body's documented example where there is one; `complete` says
 * whether all had one (a generated body or id may name resources the run did not create). Only required
 * query, header and cookie parameters are sent: the smallest request the contract says must be served.
 */
export function exampleInputs(endpoint: Endpoint, manifest: Manifest, seed: number): { inputs: Inputs; complete: boolean } {
  const generated = generatedInputs(endpoint, manifest, seed);
  let complete = true;
  const params: Record<string, string> = {};
  for (const [name, schema] of Object.entries(endpoint.params)) {
    const example = firstExample(schema);
    if (example === undefined) complete = false;
    params[name] = example === undefined ? generated.params[name]! : String(example);
  }
  const example = endpoint.body === undefined ? undefined : bodyExample(endpoint.body, manifest, schemaRoot(manifest));
  if (endpoint.body !== undefined && example === undefined) complete = false;
  const inputs: Inputs = { params, body: example ? example.value : generated.body };
  if (!hasNamed(endpoint)) return { inputs, complete };
  const required = <T>(declared: Record<string, NamedParameter>, drawn: Record<string, T> | undefined, text: (v: unknown) => T) => {
    const out: Record<string, T> = {};
    for (const [name, p] of Object.entries(declared)) {
      if (!p.required) continue;
      const example = firstExample(p.schema);
      if (example === undefined) complete = false;
      out[name] = example === undefined ? drawn![name]! : text(example);
    }
    return out;
  };
  const query = required(endpoint.query, generated.query, queryText);
  const headers = required(endpoint.headers, generated.headers, headerText);
  const cookies = required(endpoint.cookies, generated.cookies, headerText);
  return { inputs: withNamed(inputs, endpoint, query, headers, cookies), complete };
}

/** Fills `{name}` in a path template with percent-encoded values (RFC 3986 §3.3). */
export function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

/**
 * At most this many ways to break one body. A property case sends `runs` (default 50) bodies, so
 * a body with hundreds of violations would leave most unsent anyway, while finding each costs
 * planning time: the cap keeps the shallowest (the body's own members first), and says so.
 */
export const MAX_BODY_VIOLATIONS = 64;

/**
 * Draws one body's violations may cost before the planner stops looking for more (src/plan/
 * arbitraries/workMeter.ts): counted, not timed, so the same seed gives the same plan anywhere.
 * The widest bodies of real payment APIs need about 2,200 for 64 violations (about 2 s of CPU).
 */
export const BODY_WORK_BUDGET = 2_500;

/** A body's (or a parameter's) violations, and whether the cap or the work budget left some out. */
export interface BodyViolations {
  violations: Violation[];
  /** Body locations whose constraints were not tried. */
  untried: number;
  /** Deeper locations were not even enumerated: `untried` counts only those that were. */
  truncated: boolean;
  capped: boolean;
  budgetSpent: boolean;
  /** Constraints (`/pointer: keyword`) not broken because finding a violation cost more than a keyword's budget. */
  costly: string[];
}

const NO_BODY: BodyViolations = { violations: [], untried: 0, truncated: false, capped: false, budgetSpent: false, costly: [] };

/** The violations of an endpoint's body with how they were bounded; computed once per schema. */
export function boundedBodyViolations(endpoint: Endpoint, manifest: Manifest): BodyViolations {
  const body = endpoint.body;
  if (body === undefined) return NO_BODY;
  return cached(invalidCache, manifest, body, () => budgetedViolations(body, manifest, MAX_BODY_VIOLATIONS));
}

/** A schema's violations within BODY_WORK_BUDGET draws: a body's, or a parameter's as wide as one. */
export function budgetedViolations(schema: JsonSchema, manifest: Manifest, maxViolations?: number): BodyViolations {
  const { result, exhausted } = withWorkBudget(BODY_WORK_BUDGET, () => violationSet(schema, { root: schemaRoot(manifest), ...(maxViolations !== undefined && { maxViolations }) }));
  return { ...result, budgetSpent: result.budgetSpent || (exhausted && result.untried > 0) };
}

/** Every way to break exactly one constraint of the endpoint's body schema (bounded: boundedBodyViolations). */
export function bodyViolations(endpoint: Endpoint, manifest: Manifest): Violation[] {
  return boundedBodyViolations(endpoint, manifest).violations;
}

/** `body: 2 constraints not broken, finding a violation cost over 500 draws: /a: maxItems, /b: pattern`: the first three named. */
export function costlyNote(where: string, costly: readonly string[]): string {
  const named = costly.length > 3 ? `${costly.slice(0, 3).join(', ')} and ${costly.length - 3} more` : costly.join(', ');
  return `${where}: ${costly.length} constraint${costly.length === 1 ? '' : 's'} not broken, finding a violation cost over ${CANDIDATE_WORK_BUDGET} draws: ${named}`;
}

/** What a reader of the plan should know about how an endpoint's body violations were bounded; undefined when they were not. */
export function bodyViolationNote(endpoint: Endpoint, manifest: Manifest): string | undefined {
  const { violations, untried, truncated, capped, budgetSpent, costly } = boundedBodyViolations(endpoint, manifest);
  const parts: string[] = [];
  const count = truncated ? `more than ${untried}` : `${untried}`;
  if (budgetSpent) {
    parts.push(`planning budget reached for ${endpoint.id} (${BODY_WORK_BUDGET} draws): ${violations.length} body violations kept, ${count} body locations not tried`);
  } else if (capped) parts.push(`body violations capped at ${MAX_BODY_VIOLATIONS}: ${count} deeper body locations not tried`);
  if (costly.length > 0) parts.push(costlyNote('body', costly));
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/** A body that breaks exactly one constraint of the endpoint's body schema, chosen by the seed. */
export function invalidBody(endpoint: Endpoint, manifest: Manifest, seed: number): { value: unknown; violation: Violation } | undefined {
  const violations = bodyViolations(endpoint, manifest);
  if (violations.length === 0) return undefined;
  const violation = violations[seed % violations.length]!;
  return { value: draw(violation.arbitrary, seed), violation };
}

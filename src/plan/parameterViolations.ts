import fc from 'fast-check';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { addFormats } from '../ajvFormats.ts';
import { linearPattern } from '../linearPattern.ts';
import type { Endpoint, JsonSchema, Manifest, NamedParameter } from '../manifest/types.ts';
import { deepNormalize } from './arbitraries/normalize.ts';
import { cookieSafe, headerSafe, headerText, queryText } from './parameterText.ts';
import { BODY_WORK_BUDGET, budgetedViolations, costlyNote, type BodyViolations } from './inputs.ts';
import { shared } from './shared.ts';

/**
 * Servers read query and header parameters as text and coerce it to the schema's type, as ajv's
 * `coerceTypes: 'array'` does (fastify, express-openapi-validator, most OpenAPI middlewares). A
 * value counts as breaking its schema only when no such reading makes it valid: `5` drawn to
 * break `type: string` arrives as the valid string "5", and must not be expected refused.
 */
// validateSchema off: the schemas were checked when the manifest loaded (src/manifest/jsonSchemaProblems.ts).
const coercing = new Ajv2020({ strict: false, allErrors: false, coerceTypes: 'array', logger: false, validateSchema: false, code: { regExp: linearPattern } });
addFormats(coercing);

export type ParameterPlace = 'query' | 'headers' | 'cookies';

/** One way a request breaks its parameter contract: a required parameter left out, or a value outside its schema. */
export interface ParameterViolation {
  place: ParameterPlace;
  name: string;
  /** Absent: the parameter is left out. */
  value?: string | string[];
  /** The schema keyword the value breaks, e.g. `maximum`. */
  keyword?: string;
}

const PLACE_WORD: Record<ParameterPlace, string> = { query: 'query parameter', headers: 'header', cookies: 'cookie' };

/**
 * `required query parameter "q" missing`, `header "x-tenant" breaks its schema`: stable whatever
 * the seed draws, so a case keeps its name (and id) from run to run.
 */
export function violationVariant(v: ParameterViolation): string {
  return v.value === undefined ? `required ${PLACE_WORD[v.place]} "${v.name}" missing` : `${PLACE_WORD[v.place]} "${v.name}" breaks its schema`;
}

/** Why the request must be refused, with the value sent (cut short): `query parameter "limit" is "101", which breaks maximum`. */
export function violationReason(v: ParameterViolation): string {
  if (v.value === undefined) return `the required ${PLACE_WORD[v.place]} "${v.name}" is left out`;
  const text = JSON.stringify(v.value);
  return `${PLACE_WORD[v.place]} "${v.name}" is ${text.length > 60 ? `${text.slice(0, 57)}...` : text}, which breaks ${v.keyword}`;
}

/** The inputs with the violation applied: the parameter removed, or its value replaced. */
export function violatedInputs<T extends { query?: Record<string, string | string[]>; headers?: Record<string, string>; cookies?: Record<string, string> }>(inputs: T, v: ParameterViolation): T {
  const record: Record<string, string | string[]> = { ...(inputs[v.place] ?? {}) };
  if (v.value === undefined) delete record[v.name];
  else record[v.name] = v.value;
  return { ...inputs, [v.place]: record };
}

const registered = new WeakMap<object, string>();
let nextRoot = 0;

/** The manifest's schemas, added to the coercing instance once, under a key of their own. */
function rootKey(manifest: Manifest): string {
  let key = registered.get(manifest.schemas);
  if (key === undefined) {
    key = `urn:api-harden:parameters:${nextRoot++}`;
    coercing.addSchema({ schemas: deepNormalize(manifest.schemas) } as object, key, undefined, false);
    registered.set(manifest.schemas, key);
  }
  return key;
}

function coercedValidator(manifest: Manifest, schema: JsonSchema): ValidateFunction | undefined {
  return shared(manifest, `coerced parameter validator\n${JSON.stringify(schema)}`, () => {
    try {
      // `#/schemas/Name` refs point into the registered manifest schemas: compiling them alongside
      // each parameter would have ajv walk every schema of the manifest per parameter.
      const key = rootKey(manifest);
      const value = deepNormalize(schema, (ref) => (ref.startsWith('#') ? `${key}${ref}` : ref));
      return coercing.compile({ type: 'object', properties: { value }, required: ['value'] });
    } catch {
      return undefined;
    }
  });
}

/** Every reading a server could give the text: as it is, and a comma-separated list split. */
function readings(text: string | string[]): unknown[] {
  if (Array.isArray(text)) return [text];
  return text.includes(',') ? [text, text.split(',')] : [text];
}

const declaresList = (schema: JsonSchema) => typeof schema === 'object' && [schema.type].flat().includes('array');

/**
 * A parameter's schema can be as wide as a body (a `deepObject` query, a JSON-encoded header), so
 * looking for its violations has the body's work budget: a deep object parameter of a real
 * document otherwise drew nested filtered objects for minutes.
 */
function boundedParameterViolations(manifest: Manifest, schema: JsonSchema): BodyViolations {
  return shared(manifest, `parameter violations\n${JSON.stringify(schema)}`, () => budgetedViolations(schema, manifest));
}

/** What a reader of the plan should know about parameters whose violations were bounded; undefined when none were. */
export function parameterViolationNote(endpoint: Endpoint, manifest: Manifest): string | undefined {
  const parts: string[] = [];
  for (const [place, declared] of [['query', endpoint.query], ['headers', endpoint.headers], ['cookies', endpoint.cookies]] as const) {
    for (const [name, p] of Object.entries(declared)) {
      if (!coercedValidator(manifest, p.schema)) continue;
      const { violations, untried, truncated, budgetSpent, costly } = boundedParameterViolations(manifest, p.schema);
      if (budgetSpent) parts.push(`planning budget reached for ${place} parameter ${name} (${BODY_WORK_BUDGET} draws): ${violations.length} violations kept, ${truncated ? 'more than ' : ''}${untried} locations not tried`);
      if (costly.length > 0) parts.push(costlyNote(`${place} parameter ${name}`, costly));
    }
  }
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/**
 * The keyword the text breaks as the server reads it (not the one the generator aimed at: `5`
 * drawn against `type: string, minLength: 3` arrives as "5", which breaks `minLength`), or
 * undefined when some reading is valid.
 */
function brokenKeyword(validate: ValidateFunction, text: string | string[]): string | undefined {
  let keyword: string | undefined;
  for (const reading of readings(text)) {
    if (validate({ value: structuredClone(reading) })) return undefined;
    keyword ??= validate.errors?.[0]?.keyword;
  }
  return keyword;
}

/**
 * A value for one parameter that breaks one constraint of its schema whatever the server's
 * coercion, chosen by the seed; undefined when none of the schema's violations survives being sent
 * as text (an unconstrained string, say).
 */
function brokenValue(manifest: Manifest, place: ParameterPlace, name: string, schema: JsonSchema, seed: number): ParameterViolation | undefined {
  const validate = coercedValidator(manifest, schema);
  if (!validate) return undefined;
  const { violations } = boundedParameterViolations(manifest, schema);
  for (let i = 0; i < violations.length; i++) {
    const violation = violations[(seed + i) % violations.length]!;
    for (const value of fc.sample(violation.arbitrary, { seed: seed + i, numRuns: 8 })) {
      const text = place === 'query' ? queryText(value) : headerText(value);
      if (place === 'headers' && !headerSafe(text as string)) continue;
      if (place === 'cookies' && !cookieSafe(text as string)) continue;
      // A key repeated for a single-valued parameter: servers disagree (first, last, or refused), so it proves nothing.
      if (Array.isArray(text) && !declaresList(schema)) continue;
      const keyword = brokenKeyword(validate, text);
      if (keyword !== undefined) return { place, name, value: text, keyword };
    }
  }
  return undefined;
}

/** For each declared query, header and cookie parameter: left out when required, and a value outside its schema. Pure: the seed decides. */
export function parameterViolations(manifest: Manifest, endpoint: Endpoint, seed: (variant: string) => number): ParameterViolation[] {
  const out: ParameterViolation[] = [];
  const places: [ParameterPlace, Record<string, NamedParameter>][] = [['query', endpoint.query], ['headers', endpoint.headers], ['cookies', endpoint.cookies]];
  for (const [place, declared] of places) {
    for (const [name, p] of Object.entries(declared)) {
      if (p.required) out.push({ place, name });
      const broken = brokenValue(manifest, place, name, p.schema, seed(`${place} ${name}`));
      if (broken) out.push(broken);
    }
  }
  return out;
}

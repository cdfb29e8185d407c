import type fc from 'fast-check';
import type { Endpoint, JsonSchema, Manifest } from '../manifest/types.ts';
import type { Expectation } from './case.ts';
import { SchemaGenerationError, validArbitrary } from './arbitraries/index.ts';
import { validatorFor } from './arbitraries/ajv.ts';
import { HOSTILE_VALUES, hostileChoiceArbitrary, hostileText, type WeightedField } from './arbitraries/hostileValue.ts';
import { draw, schemaRoot } from './inputs.ts';
import { acceptance } from './positive.ts';
import { ownRefusalOf, ruleStatuses } from './refusalRules.ts';
import { resolveRef } from './resolveRef.ts';

/** Fields deeper than this are not walked: 200-level values are the attack, not the schema. */
const MAX_DEPTH = 8;
/** At most this many fields per body, the deepest kept: the schema-violations case keeps the shallowest. */
export const MAX_HOSTILE_FIELDS = 64;
const MAX_WALKED = 512;

type SchemaObject = Exclude<JsonSchema, boolean>;


const propertiesOf = (schema: JsonSchema, manifest: Manifest): Record<string, JsonSchema> => {
  const node = resolveRef(schema, manifest);
  const properties = typeof node === 'object' ? (node as SchemaObject).properties : undefined;
  return typeof properties === 'object' && properties !== null ? (properties as Record<string, JsonSchema>) : {};
};

interface Field extends WeightedField {
  /** The schema of each segment of the path, from the first member to the field itself. */
  schemas: readonly JsonSchema[];
}

/**
 * Every declared member of the body schema, at any depth (breadth first, to MAX_DEPTH), the deepest
 * MAX_HOSTILE_FIELDS of them. A field is chosen with a weight of its depth squared: a body's own
 * members are what validators are written and tested for, its nested ones are where they stop.
 */
export function hostileFields(body: JsonSchema, manifest: Manifest): Field[] {
  const found: Field[] = [];
  let level: Field[] = [{ path: [], schemas: [], weight: 0 }];
  for (let depth = 1; depth <= MAX_DEPTH && level.length > 0; depth += 1) {
    const next: Field[] = [];
    for (const parent of level) {
      const schema = parent.schemas.at(-1) ?? body;
      for (const [name, child] of Object.entries(propertiesOf(schema, manifest))) {
        next.push({ path: [...parent.path, name], schemas: [...parent.schemas, child], weight: depth * depth });
      }
    }
    found.push(...next);
    // Bounded walk: a document with thousands of members keeps its deepest fields found so far.
    level = found.length > MAX_WALKED ? [] : next;
  }
  return found.slice(-MAX_HOSTILE_FIELDS);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Stands for the hostile value while the rest of the body is stringified; no valid body contains it. */
const PLACEHOLDER = '\u0000hostile value\u0000';
const PLACEHOLDER_JSON = JSON.stringify(PLACEHOLDER);

/** A valid value of a member's schema; an empty object where none can be generated (the sample then says so by failing its schema). */
function drawValid(schema: JsonSchema, manifest: Manifest, seed: number): unknown {
  try {
    return draw(validArbitrary(schema, { root: schemaRoot(manifest) }), seed);
  } catch (error) {
    if (error instanceof SchemaGenerationError) return {};
    throw error;
  }
}

/**
 * The valid body with `PLACEHOLDER` at the field. Objects on the way that the body lacks are drawn
 * valid from their own schema (seeded), so every field but the chosen one stays valid.
 */
function bodyWithPlaceholder(base: unknown, field: Field, manifest: Manifest, seed: number): unknown {
  const root: Record<string, unknown> = isObject(base) ? structuredClone(base) : {};
  let holder = root;
  field.path.forEach((name, i) => {
    if (i === field.path.length - 1) {
      holder[name] = PLACEHOLDER;
      return;
    }
    if (!isObject(holder[name])) {
      const drawn = drawValid(field.schemas[i]!, manifest, seed + i);
      holder[name] = isObject(drawn) ? drawn : {};
    }
    holder = holder[name] as Record<string, unknown>;
  });
  return root;
}

/** One body of the hostile-values property: valid but for the value at `pointer`. */
export interface HostileBody {
  /** RFC 6901 pointer of the field, and the value it holds, e.g. "/shipping/address/floor: the number 2^53+1". */
  label: string;
  text: string;
  /** Whether the body, parsed, is valid for its schema: then a documented success is a right answer too. */
  valid: boolean;
}

/** The property's arbitrary: a field and a hostile value, as a JSON body text. Pure: same seed, same bodies. */
export function hostileBodyArbitrary(endpoint: Endpoint, manifest: Manifest, base: unknown, seed: number): fc.Arbitrary<HostileBody> | undefined {
  if (endpoint.body === undefined) return undefined;
  const fields = hostileFields(endpoint.body, manifest);
  if (fields.length === 0) return undefined;
  const validate = validatorFor(endpoint.body, schemaRoot(manifest));
  const templates = new Map<number, string>();
  const template = (i: number) => {
    let text = templates.get(i);
    if (text === undefined) templates.set(i, (text = JSON.stringify(bodyWithPlaceholder(base, fields[i]!, manifest, seed))));
    return text;
  };
  return hostileChoiceArbitrary(fields).map(({ field, value }) => {
    const hostile = HOSTILE_VALUES[value]!;
    const text = template(field).replace(PLACEHOLDER_JSON, () => hostileText(hostile));
    const pointer = fields[field]!.path.map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
    return { label: `${pointer}: ${hostile.label}`, text, valid: validate === undefined || validate(JSON.parse(text)) === true };
  });
}

/**
 * What one hostile body may answer. Never a 5xx. A body its schema rejects is refused as `invalid`,
 * or as `malformedJson` by a parser that sets the limits RFC 8259 allows (§6 range, §8.2 surrogates,
 * §9 depth); past `limits.maxBodyBytes` (or a megabyte when none is documented) also `tooLarge`. A
 * body its schema accepts (a NUL in a free string, `__proto__` in an open object) may also be served.
 */
export function hostileExpectation(endpoint: Endpoint, manifest: Manifest, body: HostileBody): Expectation {
  const large = Buffer.byteLength(body.text) > (manifest.limits.maxBodyBytes ?? (1 << 20) - 1);
  const refusals = [...ruleStatuses(manifest, 'hostile-value'), ...(large ? manifest.errors.statuses.tooLarge : [])];
  const reason = `${body.label}; the body is otherwise valid`;
  if (!body.valid) return { ...ownRefusalOf(manifest, 'hostile-value', reason), statuses: [...new Set(refusals)] };
  const served = acceptance(endpoint, manifest, false);
  return { ...served, statuses: [...new Set([...served.statuses, ...refusals])], reason: `${reason} and valid for its schema: served, or refused` };
}

import type { Schema } from './types.ts';

export type JsonType = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object';
export const ALL_TYPES: readonly JsonType[] = ['null', 'boolean', 'integer', 'number', 'string', 'array', 'object'];

const HINTS: ReadonlyArray<readonly [JsonType, readonly string[]]> = [
  ['object', ['properties', 'required', 'additionalProperties', 'patternProperties', 'minProperties', 'maxProperties', 'propertyNames', 'dependentRequired', 'dependentSchemas']],
  ['array', ['items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems', 'contains']],
  ['string', ['minLength', 'maxLength', 'pattern', 'format']],
  ['number', ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf']],
];

/** Types listed by `type`, or `undefined` when the keyword is absent. `number` implies `integer`. */
export function declaredTypes(s: Schema): JsonType[] | undefined {
  const raw = s['type'];
  if (raw === undefined) return undefined;
  const list = (Array.isArray(raw) ? raw : [raw]).filter((t): t is JsonType => ALL_TYPES.includes(t as JsonType));
  return [...new Set(list)];
}

/**
 * Types worth generating for `s`. Without `type`, every JSON type is valid, but a
 * schema with `properties` is clearly meant for objects: we infer from keywords so
 * payloads stay realistic, and only fall back to all types when nothing hints.
 */
export function generationTypes(s: Schema): JsonType[] {
  const declared = declaredTypes(s);
  if (declared) return declared.includes('number') ? declared.filter((t) => t !== 'integer') : declared;
  const inferred = HINTS.filter(([, keys]) => keys.some((k) => k in s)).map(([t]) => t);
  return inferred.length > 0 ? inferred : [...ALL_TYPES];
}

export function allowsType(types: readonly JsonType[], t: JsonType): boolean {
  return types.includes(t) || (t === 'integer' && types.includes('number'));
}

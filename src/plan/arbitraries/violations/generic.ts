import fc from 'fast-check';
import { ALL_TYPES, allowsType, declaredTypes, type JsonType } from '../json-types.ts';
import type { Schema } from '../types.ts';
import { present, without, type Candidate, type PlainGen } from './candidate.ts';

/** Wrong-type values, biased to classic confusions ("42" for a number, "true" for a boolean). */
const WRONG: Record<JsonType, fc.Arbitrary<unknown>> = {
  null: fc.constant(null),
  boolean: fc.boolean(),
  integer: fc.integer({ min: -1000, max: 1000 }),
  number: fc.integer({ min: -1000, max: 1000 }).map((n) => n + 0.5),
  string: fc.oneof(fc.constantFrom('42', 'true', 'null', '', '1.5', '[]', '{}'), fc.string({ maxLength: 8 })),
  array: fc.oneof(fc.constant([]), fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 3 })),
  object: fc.oneof(fc.constant({}), fc.constant({ value: 1 })),
};

export function typeCandidates(s: Schema): Candidate[] {
  const allowed = declaredTypes(s);
  if (!allowed) return [];
  const relaxed = without(s, 'type');
  const listed = 'const' in s ? [s['const']] : Array.isArray(s['enum']) ? (s['enum'] as unknown[]) : undefined;
  if (listed) {
    // A value the list does not hold breaks `enum` as well: only a listed value of a type `type`
    // refuses breaks `type` alone. Graph beta's string enums drew 80 wrong-type values each, all
    // refused, for a tenth of its planning time.
    const wrongListed = listed.filter((v) => !allowsType(allowed, jsonTypeOf(v)));
    return wrongListed.length > 0 ? [{ keyword: 'type', values: fc.constantFrom(...wrongListed), relaxed }] : [];
  }
  // integers are numbers: when only `integer` is allowed, 1.5 is the wrong-type value
  const wrong = ALL_TYPES.filter((t) => !allowsType(allowed, t) && !(t === 'integer' && allowed.includes('number')));
  if (wrong.length === 0) return [];
  return [{ keyword: 'type', values: fc.oneof(...wrong.map((t) => WRONG[t])), relaxed }];
}

function jsonTypeOf(v: unknown): JsonType {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v as JsonType;
}

/** Near misses of listed values: same type, slightly off. */
function mutate(v: unknown): unknown[] {
  if (typeof v === 'string') return [`${v}x`, v.toUpperCase() === v ? v.toLowerCase() : v.toUpperCase(), v.slice(1), ` ${v}`];
  if (typeof v === 'number') return [v + 1, v - 1, v + 0.5];
  if (typeof v === 'boolean') return [!v];
  if (v === null) return ['null', 0];
  if (Array.isArray(v)) return [[...v, null], v.slice(1)];
  return [{}, { ...(v as object), unexpected: true }];
}

export function valueCandidates(s: Schema, gen: PlainGen): Candidate[] {
  const keyword = 'const' in s ? 'const' : Array.isArray(s['enum']) ? 'enum' : undefined;
  if (!keyword) return [];
  const listed = keyword === 'const' ? [s['const']] : (s['enum'] as unknown[]);
  const relaxed = without(s, keyword);
  const near = listed.flatMap(mutate);
  const arbs = present([near.length ? fc.constantFrom(...near) : undefined, gen(relaxed)]);
  return arbs.length ? [{ keyword, values: fc.oneof(...arbs), relaxed }] : [];
}

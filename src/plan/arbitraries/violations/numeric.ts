import fc from 'fast-check';
import { declaredTypes, generationTypes } from '../json-types.ts';
import { mergeSchemas } from '../merge.ts';
import type { Schema } from '../types.ts';
import { present, without, type Candidate, type PlainGen } from './candidate.ts';

/** Each bound's complement: values on the wrong side, starting right at the bound. */
const COMPLEMENT: Record<string, string> = {
  minimum: 'exclusiveMaximum',
  exclusiveMinimum: 'maximum',
  maximum: 'exclusiveMinimum',
  exclusiveMaximum: 'minimum',
};

/** The node restricted to its numeric types, so candidates are numbers. */
function numericOnly(s: Schema): Schema {
  const declared = declaredTypes(s);
  const types = (declared ?? generationTypes(s)).filter((t) => t === 'integer' || t === 'number');
  return { ...s, type: types.length ? types : ['number'] };
}

/** Ranges of the formats ajv-formats checks by value: past them, a value breaks `format` too. */
const FORMAT_RANGE: Record<string, readonly [number, number]> = { int32: [-(2 ** 31), 2 ** 31 - 1] };

/** Whether every value beyond `bound` on `keyword`'s wrong side also breaks the node's format. */
function formatForbidsBeyond(s: Schema, keyword: string, bound: number): boolean {
  const range = typeof s['format'] === 'string' ? FORMAT_RANGE[s['format']] : undefined;
  if (!range) return false;
  // an exclusive bound is broken by the bound itself, which may still be in range
  const exclusive = keyword.startsWith('exclusive');
  if (keyword.endsWith('inimum')) return exclusive ? bound < range[0] : bound <= range[0];
  return exclusive ? bound > range[1] : bound >= range[1];
}

export function numericCandidates(s: Schema, gen: PlainGen): Candidate[] {
  const types = generationTypes(s);
  if (!types.includes('integer') && !types.includes('number')) return [];
  const out: Candidate[] = [];
  for (const [keyword, complement] of Object.entries(COMPLEMENT)) {
    const bound = s[keyword];
    // `maximum: 2147483647` of an int32 (as OData documents write every int32): nothing breaks it alone
    if (typeof bound !== 'number' || formatForbidsBeyond(s, keyword, bound)) continue;
    const relaxed = without(s, keyword);
    // the complement keeps every other keyword (multipleOf, the other bound), so only this one breaks
    const flipped = mergeSchemas(numericOnly(relaxed), { [complement]: bound });
    const values = flipped ? gen(flipped.schema) : undefined;
    if (values) out.push({ keyword, values, relaxed });
  }
  const m = s['multipleOf'];
  if (typeof m === 'number' && m > 0) {
    const relaxed = without(s, 'multipleOf');
    const base = gen(numericOnly(relaxed));
    const valid = gen(numericOnly(s));
    const offset = Number.isInteger(m) && m > 1 ? 1 : m / 2;
    const arbs = present([base, valid?.map((v) => (v as number) + offset)]);
    if (arbs.length) out.push({ keyword: 'multipleOf', values: fc.oneof(...arbs), relaxed });
  }
  return out;
}

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

export function numericCandidates(s: Schema, gen: PlainGen): Candidate[] {
  const types = generationTypes(s);
  if (!types.includes('integer') && !types.includes('number')) return [];
  const out: Candidate[] = [];
  for (const [keyword, complement] of Object.entries(COMPLEMENT)) {
    const bound = s[keyword];
    if (typeof bound !== 'number') continue;
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

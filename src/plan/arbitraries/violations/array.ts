import fc from 'fast-check';
import { generationTypes } from '../json-types.ts';
import { jsonClone } from '../json.ts';
import { mergeSchemas } from '../merge.ts';
import { MAX_BROKEN_BOUND, type Schema } from '../types.ts';
import { without, type Candidate, type PlainGen } from './candidate.ts';

const asArray = (x: Schema): Schema => ({ ...x, type: 'array' });

export function arrayCandidates(s: Schema, gen: PlainGen): Candidate[] {
  if (!generationTypes(s).includes('array')) return [];
  const out: Candidate[] = [];
  const minI = s['minItems'];
  if (typeof minI === 'number' && minI > 0) {
    const relaxed = without(s, 'minItems');
    const m = mergeSchemas(asArray(relaxed), { maxItems: Math.ceil(minI) - 1 });
    const values = m ? gen(m.schema) : undefined;
    if (values) out.push({ keyword: 'minItems', values, relaxed });
  }
  const maxI = s['maxItems'];
  if (typeof maxI === 'number' && maxI < MAX_BROKEN_BOUND) {
    const relaxed = without(s, 'maxItems');
    const m = mergeSchemas(asArray(relaxed), { minItems: Math.floor(maxI) + 1 });
    const values = m ? gen(m.schema) : undefined;
    if (values) out.push({ keyword: 'maxItems', values, relaxed });
  }
  if (s['uniqueItems'] === true) {
    const relaxed = without(s, 'uniqueItems');
    const minLen = Math.max(1, typeof minI === 'number' ? minI : 0);
    const base = gen({ ...asArray(relaxed), minItems: minLen });
    // append a copy of one element, or overwrite the last one when maxItems leaves no room
    const values = base && fc.tuple(base as fc.Arbitrary<unknown[]>, fc.nat()).map(([a, i]) => {
      const dup = jsonClone(a[i % a.length]);
      return typeof maxI === 'number' && a.length >= maxI ? [...a.slice(0, -1), dup] : [...a, dup];
    });
    if (values) out.push({ keyword: 'uniqueItems', values, relaxed });
  }
  const prefix = Array.isArray(s['prefixItems']) ? s['prefixItems'].length : 0;
  if (s['items'] === false) {
    const relaxed = { ...s, items: true };
    const values = gen({ ...asArray(relaxed), minItems: prefix + 1, maxItems: prefix + 2 });
    if (values) out.push({ keyword: 'items', values, relaxed });
  }
  return out;
}

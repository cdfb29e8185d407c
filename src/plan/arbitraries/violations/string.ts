import fc from 'fast-check';
import { formatChecker } from '../ajv.ts';
import { FORMAT_NEAR_MISSES } from '../formats.ts';
import { generationTypes } from '../json-types.ts';
import { mergeSchemas } from '../merge.ts';
import { MAX_BROKEN_BOUND, type Schema } from '../types.ts';
import { present, without, type Candidate, type PlainGen } from './candidate.ts';

/** Small edits that usually break a pattern or a format but keep the length close. */
function mutations(x: string): string[] {
  return [`${x}!`, ` ${x}`, x.slice(1), x.toLowerCase() === x ? x.toUpperCase() : x.toLowerCase(), x.replace(/[@.:-]/u, '_'), `${x.slice(0, -1)}#`];
}

/**
 * Lengthens a valid value to `target` code points without leaving its format, repeating its last
 * character (which the pattern, if any, already accepted there: `^[0-9]+$` stays digits).
 */
function stretch(x: string, format: unknown, target: number): string {
  const need = Math.max(0, target - [...x].length);
  const last = [...x].at(-1);
  if (format === 'email' || format === 'idn-email') return 'a'.repeat(need) + x;
  if (typeof format === 'string' && ['uri', 'url', 'iri', 'uri-reference', 'iri-reference'].includes(format)) {
    return x.includes('#') ? x + 'a'.repeat(need) : `${x}#${'a'.repeat(Math.max(0, need - 1))}`;
  }
  return x + (last ?? 'a').repeat(need);
}

export function stringCandidates(s: Schema, gen: PlainGen): Candidate[] {
  if (!generationTypes(s).includes('string')) return [];
  const str = (x: Schema): Schema => ({ ...x, type: 'string' });
  const out: Candidate[] = [];
  const minL = s['minLength'];
  if (typeof minL === 'number' && minL > 0) {
    const relaxed = without(s, 'minLength');
    const shorter = mergeSchemas(str(relaxed), { maxLength: Math.ceil(minL) - 1 });
    const values = shorter ? gen(shorter.schema) : undefined;
    if (values) out.push({ keyword: 'minLength', values, relaxed });
  }
  const maxL = s['maxLength'];
  if (typeof maxL === 'number' && maxL < MAX_BROKEN_BOUND) {
    const relaxed = without(s, 'maxLength');
    const longer = () => {
      const merged = mergeSchemas(str(relaxed), { minLength: Math.floor(maxL) + 1 });
      return merged ? gen(merged.schema) : undefined;
    };
    // Stretch valid values first: generating a long string from its pattern is slow (hundreds of
    // draws of thousands of characters for AWS's `^arn:…$` under maxLength 2048), and needed only
    // where stretching leaves the pattern.
    const padded = gen(str(s))?.chain((x) => fc.nat(3).map((extra) => stretch(String(x), s['format'], Math.floor(maxL) + 1 + extra)));
    const values = padded ?? longer();
    if (values) out.push({ keyword: 'maxLength', values, relaxed, ...(padded && { fallback: longer }) });
  }
  const valid = gen(str(s))?.map((x) => mutations(String(x)));
  const edited = valid ? fc.tuple(valid, fc.nat()).map(([xs, i]) => xs[i % xs.length]!) : undefined;
  if (typeof s['pattern'] === 'string') {
    const relaxed = without(s, 'pattern');
    const arbs = present([gen(str(relaxed)), edited]);
    if (arbs.length) out.push({ keyword: 'pattern', values: fc.oneof(...arbs), relaxed });
  }
  const format = s['format'];
  if (typeof format === 'string' && formatChecker(format)) {
    const relaxed = without(s, 'format');
    const misses = FORMAT_NEAR_MISSES[format] ?? [`not-a-${format}`];
    const arbs = present([fc.constantFrom(...misses), gen(str(relaxed)), edited]);
    out.push({ keyword: 'format', values: fc.oneof(...arbs), relaxed });
  }
  return out;
}

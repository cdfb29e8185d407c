/** Generation: JSON Schema → fast-check arbitraries over the schema corpus (fixtures/schemas). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { invalidArbitraries, validArbitrary, type JsonSchema } from '../src/plan/arbitraries/index.ts';
import { ROOT } from './lib/child.ts';
import { median } from './lib/stats.ts';

export interface SchemaRow {
  name: string;
  /** Medians over repetitions, ms. */
  buildValidMs: number;
  buildInvalidMs: number;
  violations: number;
  validPerSec: number;
  invalidPerSec: number;
  error?: string;
}

export interface GenerationResult {
  schemas: SchemaRow[];
  /** Corpus totals: every sample over the summed median sampling time. */
  validPerSec: number;
  invalidPerSec: number;
  buildValidMs: number;
  buildInvalidMs: number;
  samplesPerSchema: number;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function timed<T>(fn: () => T): [T, number] {
  const started = performance.now();
  const value = fn();
  return [value, performance.now() - started];
}

/**
 * Per schema and repetition: build both arbitraries from a fresh copy (no cache can answer), then
 * draw `samples` valid values and `samples` invalid ones spread over the violations.
 */
export function measureGeneration(samples: number, reps: number): GenerationResult {
  const dir = join(ROOT, 'fixtures/schemas');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const rows: SchemaRow[] = [];
  const validTimes: number[] = [];
  const invalidTimes: number[] = [];
  let validCount = 0;
  let invalidCount = 0;
  for (const file of files) {
    const schema = JSON.parse(readFileSync(join(dir, file), 'utf8')) as JsonSchema;
    const per = { bv: [] as number[], bi: [] as number[], sv: [] as number[], si: [] as number[] };
    let violations = 0;
    let invalidDrawn = 0;
    try {
      for (let rep = 0; rep < reps; rep++) {
        const [valid, bv] = timed(() => validArbitrary(clone(schema)));
        const [broken, bi] = timed(() => invalidArbitraries(clone(schema)));
        per.bv.push(bv);
        per.bi.push(bi);
        violations = broken.length;
        per.sv.push(timed(() => fc.sample(valid, { seed: 42 + rep, numRuns: samples }))[1]);
        const each = broken.length === 0 ? 0 : Math.max(1, Math.ceil(samples / broken.length));
        invalidDrawn = each * broken.length;
        per.si.push(timed(() => broken.forEach((v, i) => fc.sample(v.arbitrary, { seed: 42 + rep + i, numRuns: each })))[1]);
      }
    } catch (error) {
      rows.push({ name: file, buildValidMs: NaN, buildInvalidMs: NaN, violations: 0, validPerSec: NaN, invalidPerSec: NaN, error: String(error).slice(0, 120) });
      continue;
    }
    const sv = median(per.sv);
    const si = median(per.si);
    validTimes.push(sv);
    validCount += samples;
    if (invalidDrawn > 0) {
      invalidTimes.push(si);
      invalidCount += invalidDrawn;
    }
    rows.push({
      name: file.replace(/\.json$/, ''),
      buildValidMs: median(per.bv),
      buildInvalidMs: median(per.bi),
      violations,
      validPerSec: samples / (sv / 1000),
      invalidPerSec: invalidDrawn === 0 ? NaN : invalidDrawn / (si / 1000),
    });
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    schemas: rows,
    validPerSec: validCount / (sum(validTimes) / 1000),
    invalidPerSec: invalidCount / (sum(invalidTimes) / 1000),
    buildValidMs: sum(rows.filter((r) => !r.error).map((r) => r.buildValidMs)),
    buildInvalidMs: sum(rows.filter((r) => !r.error).map((r) => r.buildInvalidMs)),
    samplesPerSchema: samples,
  };
}

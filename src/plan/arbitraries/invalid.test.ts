import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invalidArbitraries } from './invalid.ts';
import { createAjv, loadCorpus } from './test-support.ts';

const SEED = 4242;
const corpus = loadCorpus();
const ajv = createAjv();

describe('invalidArbitraries: each value breaks the labelled keyword at the labelled pointer', () => {
  for (const { name, schema } of corpus) {
    it(name, () => {
      const validate = ajv.compile(schema);
      const violations = invalidArbitraries(schema);
      expect(new Set(violations.map((v) => v.label)).size).toBe(violations.length);
      for (const violation of violations) {
        expect(violation.label).toBe(`${violation.pointer || '/'}: ${violation.keyword}`);
        fc.assert(
          fc.property(violation.arbitrary, (v) => {
            const ok = validate(v);
            const errors = validate.errors ?? [];
            if (ok) throw new Error(`${violation.label}: accepted ${JSON.stringify(v)}`);
            if (!errors.some((e) => e.keyword === violation.keyword && e.instancePath === violation.pointer)) {
              throw new Error(`${violation.label}: ${JSON.stringify(v)} failed with ${ajv.errorsText(errors)}`);
            }
          }),
          { seed: SEED, numRuns: 15 },
        );
      }
    });
  }
});

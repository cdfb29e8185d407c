import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invalidArbitraries, violationSet } from './invalid.ts';
import type { JsonSchema } from './types.ts';
import { withWorkBudget } from './workMeter.ts';
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

describe('invalidArbitraries: labels and boundary values', () => {
  const order = loadCorpus().find((e) => e.name === 'order')!.schema;
  const violations = new Map(invalidArbitraries(order).map((v) => [v.label, v]));
  const values = (label: string, numRuns = 60) => fc.sample(violations.get(label)!.arbitrary, { seed: 1, numRuns });

  it('covers each keyword at its JSON pointer; required/additionalProperties point at the object', () => {
    expect([...violations.keys()]).toEqual(
      expect.arrayContaining([
        '/: required', '/: additionalProperties', '/customerEmail: format', '/customerEmail: maxLength', '/status: enum',
        '/lines: minItems', '/lines: maxItems', '/lines/0: required', '/lines/0: additionalProperties',
        '/lines/0/sku: pattern', '/lines/0/quantity: minimum', '/lines/0/quantity: maximum', '/lines/0/unitPrice: multipleOf', '/lines/0/unitPrice: exclusiveMinimum',
      ]),
    );
  });

  it('breaks bounds right at the edge and far away', () => {
    const quantities = values('/lines/0/quantity: minimum').map((o) => ((o as { lines: Array<{ quantity: number }> }).lines[0]!.quantity));
    expect(quantities).toContain(0);
    expect(Math.min(...quantities)).toBeLessThan(-100);
    const prices = values('/lines/0/unitPrice: exclusiveMinimum').map((o) => ((o as { lines: Array<{ unitPrice: number }> }).lines[0]!.unitPrice));
    expect(prices).toContain(0);
  });

  it('uniqueItems violations contain a duplicate', () => {
    const schema = loadCorpus().find((e) => e.name === 'unique-objects')!.schema;
    const unique = invalidArbitraries(schema).find((v) => v.label === '/: uniqueItems')!;
    for (const a of fc.sample(unique.arbitrary, { seed: 2, numRuns: 30 }) as unknown[][]) {
      expect(new Set(a.map((x) => JSON.stringify(x))).size).toBeLessThan(a.length);
    }
  });
});

describe('invalidArbitraries: shrinking keeps the violation', () => {
  it('order', () => {
    const schema = loadCorpus().find((e) => e.name === 'order')!.schema;
    const validate = ajv.compile(schema);
    for (const violation of invalidArbitraries(schema)) {
      const broken: unknown[] = [];
      fc.check(
        fc.property(violation.arbitrary, (v) => {
          const still = !validate(v) && (validate.errors ?? []).some((e) => e.keyword === violation.keyword && e.instancePath === violation.pointer);
          if (!still) broken.push(v);
          return JSON.stringify(v).length < 40;
        }),
        { seed: SEED, numRuns: 10 },
      );
      expect(broken, violation.label).toEqual([]);
    }
  });
});

describe('violationSet: a keyword too costly to break is named, and the others are still broken', () => {
  it('gives up the unique 10,001-item array alone', () => {
    const schema = {
      type: 'object',
      properties: {
        ids: { type: 'array', items: { type: 'integer' }, maxItems: 10_000, uniqueItems: true },
        name: { type: 'string', maxLength: 3 },
      },
    };
    const { result } = withWorkBudget(2_500, () => violationSet(schema));
    expect(result.costly).toEqual(['/ids: maxItems']);
    expect(result.budgetSpent).toBe(false);
    expect(result.violations.map((v) => v.label)).toEqual(expect.arrayContaining(['/: type', '/ids: type', '/ids: uniqueItems', '/name: maxLength']));
    expect(result.violations.map((v) => v.label)).not.toContain('/ids: maxItems');
  });

  it('breaks the same bound when its items are cheap to tell apart', () => {
    const schema = { type: 'array', items: { type: 'integer' }, maxItems: 40, uniqueItems: true };
    const { result } = withWorkBudget(2_500, () => violationSet(schema));
    expect(result.costly).toEqual([]);
    const maxItems = result.violations.find((v) => v.label === '/: maxItems')!;
    for (const a of fc.sample(maxItems.arbitrary, { seed: 3, numRuns: 5 }) as unknown[][]) expect(new Set(a).size).toBeGreaterThan(40);
  });
});

describe('violationSet: an alternative that asserts only a type shadows the alternatives it covers', () => {
  const entity = { type: 'object', properties: { name: { type: 'string', maxLength: 3 }, size: { type: 'integer', minimum: 0 } }, required: ['name'] };
  const labels = (schema: JsonSchema) => withWorkBudget(2_500, () => violationSet(schema)).result.violations.map((v) => v.label);
  const used = (schema: JsonSchema) => withWorkBudget(2_500, () => violationSet(schema)).used;

  it('breaks nothing beneath a reference that an open object alternative also accepts (the nullable-navigation idiom)', () => {
    const nav = { type: 'object', properties: { nav: { anyOf: [{ $ref: '#/$defs/Entity' }, { type: 'object', nullable: true }] } }, $defs: { Entity: entity } };
    expect(labels(nav)).toEqual(['/: type', '/nav: type']);
    // every value such a violation could hold is an object the open alternative accepts: not searched for at all
    const closed = { ...nav, properties: { nav: { anyOf: [{ $ref: '#/$defs/Entity' }, { type: 'object', required: ['kind'] }] } } };
    expect(used(nav)).toBeLessThan(used(closed) / 4);
  });

  it('breaks them again once the other alternative asserts more than a type', () => {
    const closed = { type: 'object', properties: { nav: { anyOf: [{ $ref: '#/$defs/Entity' }, { type: 'object', required: ['kind'] }] } }, $defs: { Entity: entity } };
    expect(labels(closed)).toEqual(expect.arrayContaining(['/nav/name: maxLength', '/nav/size: minimum']));
  });

  it('shadows by the types covered: number covers integer, not the other way round', () => {
    expect(labels({ anyOf: [{ type: 'integer', maximum: 5 }, { type: 'number' }] })).toEqual(['/: type']);
    expect(labels({ anyOf: [{ type: 'number', maximum: 5 }, { type: 'integer' }] })).toEqual(expect.arrayContaining(['/: type', '/: maximum']));
    expect(labels({ anyOf: [{ type: 'string', maxLength: 3 }, { type: 'integer' }] })).toEqual(expect.arrayContaining(['/: type', '/: maxLength']));
    // an alternative without a type accepts every value: nothing is left to break
    expect(labels({ anyOf: [{ type: 'string', maxLength: 3 }, { description: 'anything' }] })).toEqual([]);
  });
});

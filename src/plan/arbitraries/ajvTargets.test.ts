import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validatorFor } from './ajv.ts';

// Components that refer to one another (a tree, a base merged by allOf, unevaluated properties
// that must see what a referenced base evaluated): the shapes where compiling a target apart from
// the schema naming it could change a verdict.
const root = {
  schemas: {
    Base: { type: 'object', properties: { id: { type: 'string', minLength: 2 } }, required: ['id'] },
    Tree: { type: 'object', properties: { value: { type: 'integer', maximum: 9 }, children: { type: 'array', items: { $ref: '#/schemas/Tree' }, maxItems: 3 } } },
    Named: { allOf: [{ $ref: '#/schemas/Base' }], properties: { name: { type: 'string' } }, unevaluatedProperties: false },
    Either: { oneOf: [{ $ref: '#/schemas/Base' }, { type: 'integer' }] },
  },
};

const nodes = [
  { $ref: '#/schemas/Tree' },
  { $ref: '#/schemas/Named' },
  { $ref: '#/schemas/Either' },
  { type: 'object', properties: { owner: { $ref: '#/schemas/Named' }, tree: { $ref: '#/schemas/Tree' } }, additionalProperties: false },
];

/** The same node judged by ajv with the whole root registered, every target compiled up front. */
function plainValidator(node: object) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, inlineRefs: false });
  ajv.addSchema(root, 'urn:test:root');
  const rewrite = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(rewrite) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === '$ref' ? `urn:test:root${String(x)}` : rewrite(x)])) : v;
  return ajv.compile(rewrite(node) as object);
}

const verdict = (validate: ReturnType<typeof plainValidator>, value: unknown) => {
  const valid = validate(value);
  const errors = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${e.schemaPath}`).sort();
  return { valid, errors };
};

const values = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.integer({ min: -2, max: 12 }),
    fc.constantFrom('a', 'ab', 'abc'),
    fc.dictionary(fc.constantFrom('id', 'name', 'value', 'children', 'owner', 'tree', 'extra'), tie('value'), { maxKeys: 4 }),
    fc.array(tie('value'), { maxLength: 4 }),
  ),
})).value;

describe('ref targets compiled when a value first reaches them', () => {
  // A target not yet compiled tells its caller what it evaluated at run time, and ajv merges that only
  // when the target passed (as it does for a recursive ref, compiled while its caller is): a failing
  // value may then also fail unevaluatedProperties. The verdict never differs, nor any other error.
  it('judge every value as ajv does with every target compiled up front: same verdict, same errors but unevaluated ones', () => {
    const ours = nodes.map((node) => validatorFor(node, root)!);
    const plain = nodes.map(plainValidator);
    fc.assert(
      fc.property(values, (value) => {
        for (const [i, validate] of ours.entries()) {
          const mine = verdict(validate, value);
          const theirs = verdict(plain[i]!, value);
          expect(mine.valid).toBe(theirs.valid);
          expect(mine.errors).toEqual(expect.arrayContaining(theirs.errors));
          expect(mine.errors.filter((e) => !theirs.errors.includes(e) && !e.includes(' unevaluated'))).toEqual([]);
          if (i !== 1 && i !== 3) expect(mine.errors).toEqual(theirs.errors);
        }
      }),
      { seed: 7, numRuns: 400 },
    );
  });

  it('a schema compiled after its targets first ran still sees what they evaluated', () => {
    const first = validatorFor({ $ref: '#/schemas/Named' }, root)!;
    expect(first({ id: 'ab', name: 'n' })).toBe(true);
    // a distinct node naming the same, now compiled, target
    const later = validatorFor({ $ref: '#/schemas/Named', description: 'later' }, root)!;
    expect(later({ id: 'ab', name: 'n' })).toBe(true);
    expect(later({ id: 'ab', extra: 1 })).toBe(false);
    expect(later.errors?.map((e) => e.keyword)).toEqual(['unevaluatedProperties']);
  });

  it('a target no engine can compile checks nothing instead of voiding the schema that names it', () => {
    const broken = { schemas: { Bad: { type: 'string', pattern: '(' }, Holder: { type: 'object', properties: { bad: { $ref: '#/schemas/Bad' } }, required: ['bad'] } } };
    const validate = validatorFor({ $ref: '#/schemas/Holder' }, broken)!;
    expect(validate).toBeDefined();
    expect(validate({})).toBe(false);
    expect(validate({ bad: 'anything' })).toBe(true);
  });

  it('a pointer to nothing fails to compile, and an anchor resolves', () => {
    const anchored = { schemas: { Small: { $anchor: 'small', type: 'integer', maximum: 3 } } };
    expect(validatorFor({ $ref: '#/schemas/Nothing' }, anchored)).toBeUndefined();
    const byAnchor = validatorFor({ $ref: '#small' }, anchored)!;
    expect(byAnchor(3)).toBe(true);
    expect(byAnchor(4)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { COMPILES_PER_INSTANCE, validatorFor } from './ajv.ts';

describe('validators across a fresh ajv instance', () => {
  it('keep working after the instance that compiled them is replaced, and refs into a root resolve in the new one', () => {
    // Small's own ref is compiled only when a value first reaches it: here, after the replacement.
    const root = { schemas: { Small: { allOf: [{ $ref: '#/schemas/Integer' }], maximum: 3 }, Integer: { type: 'integer' } } };
    const byRef = { $ref: '#/schemas/Small' };
    const before = validatorFor(byRef, root)!;
    const early = validatorFor({ type: 'string', minLength: 2 }, undefined)!;
    // Enough distinct schemas to pass the instance's compile budget at least once.
    for (let i = 0; i <= COMPILES_PER_INSTANCE; i++) expect(validatorFor({ type: 'integer', minimum: i }, root)!(i)).toBe(true);
    const after = validatorFor({ $ref: '#/schemas/Small' }, root)!;
    for (const validate of [before, after]) {
      expect(validate(3)).toBe(true);
      expect(validate(4)).toBe(false);
      expect(validate('3')).toBe(false);
    }
    expect(after).not.toBe(before);
    expect(early('ab')).toBe(true);
    expect(early('a')).toBe(false);
  });
});

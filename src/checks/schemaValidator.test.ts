import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSchemaValidator } from './schemaValidator.ts';

const schemas = { Item: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } } };

describe('the response schema validator', () => {
  afterEach(() => vi.restoreAllMocks());

  it('compiles equal schemas once, however many objects hold them (one per endpoint in a large manifest)', () => {
    const compile = vi.spyOn(Ajv2020.prototype, 'compile');
    const validator = createSchemaValidator({ schemas });
    const perEndpoint = Array.from({ length: 50 }, () => ({ $ref: '#/schemas/Item' }));
    for (const schema of perEndpoint) {
      expect(validator.validate(schema, { id: '0b6c8d2e-4f1a-4c3b-9d5e-6f7a8b9c0d1e' })).toEqual([]);
      expect(validator.validate(schema, { id: 'not-a-uuid' })).toEqual(['/id must match format "uuid"']);
    }
    expect(compile).toHaveBeenCalledTimes(1);
    // A different schema is its own function.
    expect(validator.validate({ type: 'array' }, {})).toEqual(['/ must be array']);
    expect(compile).toHaveBeenCalledTimes(2);
  });
});

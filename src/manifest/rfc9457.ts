import type { JsonSchema } from './types.ts';

/**
 * RFC 9457 problem details as the error contract's default schema.
 * The RFC makes every member optional; a release gate needs `title` and `status` to say anything,
 * so this contract requires them. A manifest wanting the bare RFC gives its own schema.
 */
export const RFC9457_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['title', 'status'],
  properties: {
    type: { type: 'string', format: 'uri-reference' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 100, maximum: 599 },
    detail: { type: 'string' },
    instance: { type: 'string', format: 'uri-reference' },
  },
};

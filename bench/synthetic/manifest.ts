/**
 * Synthetic manifests of any size for the scale benchmark, served by synthetic/server.ts.
 * Even endpoints: `GET /svc{i}/items/{id}` (uuid param with a documented example, 200 Item or 404).
 * Odd endpoints: `POST /svc{i}/items` with a NewItem body (201 Item). Every route needs `items:rw`;
 * `audit:read` grants none, so the unauthorized suite sends its 403 cells. Static tokens from env.
 * Kind `get` keeps only the GET routes (even indices), for plans with many cases and cheap planning.
 */
export type SyntheticKind = 'mixed' | 'get';
export const SYNTHETIC_TOKENS = { rw: 'SYN_TOKEN_RW', other: 'SYN_TOKEN_OTHER', revoked: 'SYN_TOKEN_REVOKED' } as const;
export const EXAMPLE_ID = '0b6c8d2e-4f1a-4c3b-9d5e-6f7a8b9c0d1e';
// Above the planner's largest hostile body (5,000-deep arrays, 10 kB), so only the oversized-body case meets the limit.
export const MAX_BODY_BYTES = 16_384;

export const SCHEMAS = {
  Item: {
    type: 'object',
    required: ['id', 'name', 'quantity'],
    properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' }, quantity: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } } },
  },
  NewItem: {
    type: 'object',
    required: ['name', 'quantity'],
    additionalProperties: false,
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 60 },
      quantity: { type: 'integer', minimum: 1, maximum: 500 },
      tags: { type: 'array', maxItems: 5, items: { type: 'string', maxLength: 20 } },
    },
  },
} as const;

function endpoint(i: number) {
  if (i % 2 === 0) {
    return {
      id: `getItem${i}`,
      method: 'GET',
      path: `/svc${i}/items/{id}`,
      scopes: ['items:rw'],
      params: { id: { type: 'string', format: 'uuid', examples: [EXAMPLE_ID] } },
      responses: { 200: { $ref: '#/schemas/Item' }, 404: 'problem' },
    };
  }
  return { id: `createItem${i}`, method: 'POST', path: `/svc${i}/items`, scopes: ['items:rw'], body: { $ref: '#/schemas/NewItem' }, responses: { 201: { $ref: '#/schemas/Item' } } };
}

/** The manifest as JSON text (a manifest may be YAML or JSON). */
export function syntheticManifest(endpoints: number, kind: SyntheticKind = 'mixed'): string {
  return JSON.stringify({
    harden: 1,
    service: `synthetic-${kind}-${endpoints}`,
    baseUrl: 'http://127.0.0.1:8080',
    exposure: 'loopback',
    auth: {
      scheme: 'bearer',
      realm: 'synthetic',
      tokens: {
        provider: 'static',
        tokens: [
          { scopes: ['items:rw'], env: SYNTHETIC_TOKENS.rw },
          { scopes: ['audit:read'], env: SYNTHETIC_TOKENS.other },
        ],
        revoked: { env: SYNTHETIC_TOKENS.revoked },
      },
      scopes: { 'items:rw': { description: 'read and create items' }, 'audit:read': { description: 'grants no item route' } },
    },
    errors: {
      contentType: 'application/problem+json',
      schema: 'rfc9457',
      volatile: ['instance', 'traceId'],
      statuses: { unauthenticated: 401, forbidden: 403, invalid: 400, unsupportedMediaType: 415, tooLarge: 413 },
    },
    limits: { maxBodyBytes: MAX_BODY_BYTES },
    endpoints: Array.from({ length: endpoints }, (_, i) => endpoint(kind === 'get' ? 2 * i : i)),
    schemas: SCHEMAS,
  });
}

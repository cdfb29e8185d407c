import { describe, expect, it } from 'vitest';
import { assignIds, routeId, sanitiseId } from './endpointIds.ts';
import type { Operation } from './listOperations.ts';
import { importFixture } from './testing.ts';

describe('importOpenApi: operations and parameters', () => {
  it('merges path-level and operation-level parameters, the operation winning, with examples as `examples`', async () => {
    const { endpoint } = await importFixture('operations.yaml');
    expect(endpoint('items.get_one').params).toEqual({
      shopId: { type: 'string', examples: ['main'] },
      // operation-level: its own schema; the parameter's examples map first, then the schema's.
      itemId: { type: 'integer', minimum: 1, examples: [1, 7] },
    });
    expect(endpoint('DELETE_shops_shopId_items_itemId').params).toEqual({ shopId: { type: 'string', examples: ['main'] }, itemId: { type: 'integer' } });
  });

  it('imports query, header and cookie parameters (path-level ones too), ignores Accept/Content-Type/Authorization, and warns about the rest', async () => {
    const { endpoint, warningsFor } = await importFixture('operations.yaml');
    expect(endpoint('items.get_one').query).toEqual({
      fields: { schema: { type: 'string' }, required: false },
      tags: { schema: { type: 'array', items: { type: 'string' }, examples: [['a', 'b']] }, required: false },
    });
    expect(endpoint('items.get_one').headers).toEqual({ 'x-tenant': { schema: { type: 'string' }, required: true } });
    expect(endpoint('items.get_one').cookies).toEqual({ session: { schema: { type: 'string' }, required: false } });
    expect(endpoint('DELETE_shops_shopId_items_itemId').query).toEqual({ q: { schema: { type: 'string' }, required: true } });
    const messages = warningsFor('GET /shops/{shopId}/items/{itemId}').filter((w) => w.construct === 'parameters').map((w) => w.message);
    expect(messages).toEqual([
      expect.stringMatching(/^query parameter "filter" uses style "deepObject", which the harness does not serialise; it is not sent\.$/),
      expect.stringMatching(/^header parameter "Host" names a header the HTTP layer sets; it is not sent\.$/),
    ]);
    expect(messages.join()).not.toMatch(/Accept/);
    expect(warningsFor('DELETE /shops/{shopId}/items/{itemId}').filter((w) => w.construct === 'parameters')).toEqual([]);
  });

  it('derives ids from operationIds (sanitised, de-duplicated) or METHOD_path', async () => {
    const { manifest } = await importFixture('operations.yaml');
    expect(manifest.endpoints.map((e) => e.id)).toEqual(['items.get_one', 'DELETE_shops_shopId_items_itemId', 'items.get_one_3', 'getFile']);
  });

  it('turns what it cannot map into warnings naming operation and construct, never a crash', async () => {
    const { warnings } = await importFixture('operations.yaml');
    const seen = warnings.map((w) => `${w.operation ?? '-'} | ${w.construct}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        'TRACE /reports | trace',
        'POST /reports | callbacks',
        'POST /reports | requestBody',
        'POST /reports | responses',
        'GET /files/{name} | servers',
        'GET /files/{name} | parameters',
        'GET /shops/{shopId}/items/{itemId} | responses',
        'GET /shops/{shop}/items/{item} | paths',
      ]),
    );
    expect(warnings.find((w) => w.construct === 'paths')?.message).toMatch(/same route as "items.get_one"/);
  });

  it('maps responses: JSON schemas, no content to null, default and ranges skipped with a note', async () => {
    const { endpoint, warningsFor } = await importFixture('operations.yaml');
    expect(endpoint('items.get_one').responses).toEqual({ 200: { type: 'object' } });
    expect(endpoint('getFile').responses).toEqual({ 200: null });
    expect(warningsFor('GET /shops/{shopId}/items/{itemId}').filter((w) => w.construct === 'responses').map((w) => w.message)).toEqual([
      expect.stringMatching(/range 2XX is not mapped/),
      expect.stringMatching(/default response is not mapped/),
    ]);
  });

  it('uses the common error schema and media type when problem+json is not the most used, and marks those responses `problem`', async () => {
    const { manifest, endpoint } = await importFixture('nullable-3.0.yaml');
    expect(manifest.errors).toMatchObject({ contentType: 'application/json', schema: { $ref: '#/schemas/Error' }, statusMember: null });
    expect(endpoint('createWidget')).toMatchObject({ contentType: 'application/merge-patch+json', responses: { 201: { $ref: '#/schemas/Widget' }, 422: 'problem' } });
  });

  it('leaves statuses the error contract governs (401, 403, 400, 413, 415) out of responses', async () => {
    const { endpoint } = await importFixture('reference-api.openapi.yaml', 'reference-api.overlay.yaml');
    expect(endpoint('createOrder').responses).toEqual({ 201: { $ref: '#/schemas/Order' } });
    expect(endpoint('deleteOrder').responses).toEqual({ 204: null, 404: 'problem' });
  });

  it('places a relative server URL on the loopback fallback and says so', async () => {
    const { manifest, warnings } = await importFixture('nullable-3.0.yaml');
    expect(manifest.baseUrl).toBe('http://127.0.0.1:8080/api');
    expect(warnings).toContainEqual(expect.objectContaining({ construct: 'servers', message: expect.stringContaining('"/api" is relative') }));
  });
});

describe('endpoint ids', () => {
  const op = (method: Operation['method'], path: string, operationId?: string) => ({ method, path, label: `${method} ${path}`, item: {}, op: operationId === undefined ? {} : { operationId } }) as Operation;

  it('sanitises free-text operationIds into manifest ids', () => {
    expect(sanitiseId('repos/get-content')).toBe('repos.get-content');
    expect(sanitiseId('2fa: enable!')).toBe('fa_enable_');
    expect(sanitiseId('???')).toBe('op');
    expect(routeId('GET', '/orders/{id}/items')).toBe('GET_orders_id_items');
    expect(routeId('GET', '/')).toBe('GET');
  });

  it('de-duplicates in document order', () => {
    expect(assignIds([op('GET', '/a', 'x'), op('GET', '/b', 'x'), op('POST', '/a'), op('GET', '/c', 'POST_a')])).toEqual(['x', 'x_2', 'POST_a', 'POST_a_2']);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importOpenApi } from '../../src/openapi/importOpenApi.ts';
import { buildPlan } from '../../src/plan/buildPlan.ts';

/** One path, operations told apart by a header (AWS JSON protocol) or a query value (AWS query protocol). */
const document = {
  openapi: '3.0.0',
  info: { title: 'Queue', version: '1' },
  paths: {
    '/#X-Amz-Target=Queue.Create': {
      post: {
        operationId: 'Create',
        parameters: [{ name: 'X-Amz-Target', in: 'header', required: true, schema: { type: 'string', enum: ['Queue.Create'] } }],
        requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' } } } } } },
        responses: { '200': { description: 'ok' } },
      },
    },
    '/#X-Amz-Target=Queue.Delete': { post: { operationId: 'Delete', responses: { '200': { description: 'ok' } } } },
    '/?Action=List&Version=2012-11-05': { get: { operationId: 'List', responses: { '200': { description: 'ok' } } } },
    '/?Action=Purge': { get: { operationId: 'Purge', responses: { '200': { description: 'ok' } } } },
  },
};

async function imported() {
  const file = join(mkdtempSync(join(tmpdir(), 'harden-fixed-')), 'queue.json');
  writeFileSync(file, JSON.stringify(document));
  return importOpenApi(file);
}

describe('operations told apart by a header or query value', () => {
  it('import as distinct endpoints on the shared path, the value fixed by a const', async () => {
    const { manifest } = await imported();
    const byId = new Map(manifest.endpoints.map((e) => [e.id, e]));
    expect([...byId.keys()]).toEqual(['Create', 'Delete', 'List', 'Purge']);
    expect(byId.get('Create')).toMatchObject({ method: 'POST', path: '/', headers: { 'x-amz-target': { required: true, schema: { const: 'Queue.Create' } } } });
    // Declared by no parameter: a fragment name with a hyphen is a header.
    expect(byId.get('Delete')!.headers['x-amz-target']?.schema).toMatchObject({ const: 'Queue.Delete' });
    expect(byId.get('List')).toMatchObject({ method: 'GET', path: '/', query: { Action: { schema: { const: 'List' } }, Version: { schema: { const: '2012-11-05' } } } });
  });

  it('plan with the fixed value sent, and titles that tell them apart', async () => {
    const { manifest } = await imported();
    const plan = buildPlan(manifest, { seed: 1, suites: ['positive'] });
    const create = plan.cases.find((c) => c.endpointId === 'Create')!;
    expect(create.request.headers['x-amz-target']).toBe('Queue.Create');
    expect(create.title).toContain('[header x-amz-target=Queue.Create]');
    expect(plan.cases.find((c) => c.endpointId === 'Purge')!.request.query).toEqual({ Action: 'Purge' });
    expect(new Set(plan.cases.map((c) => c.title)).size).toBe(plan.cases.length);
  });
});

/** AWS REST operations (CodeArtifact): one path, told apart by which query parameters they carry. */
const rest = {
  openapi: '3.0.0',
  info: { title: 'Artifacts', version: '1' },
  paths: {
    '/v1/domain#domain': {
      get: { operationId: 'DescribeDomain', parameters: [{ name: 'domain', in: 'query', required: true, schema: { type: 'string', pattern: '^[a-z]+$' } }], responses: { '200': { description: 'ok' } } },
      delete: { operationId: 'DeleteDomain', parameters: [{ name: 'domain', in: 'query', schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } },
    },
    '/v1/repository#domain&repository': {
      get: { operationId: 'DescribeRepository', parameters: [{ name: 'domain', in: 'query', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } },
    },
    '/v1/repository#domain&repository&format': {
      get: { operationId: 'DescribeRepositoryFormat', responses: { '200': { description: 'ok' } } },
    },
  },
};

describe('operations told apart by the query parameters they carry (`#domain&repository`)', () => {
  it('import on the path before the marker, each named parameter required; a second operation on the same route is skipped with a warning', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'harden-fixed-')), 'rest.json');
    writeFileSync(file, JSON.stringify(rest));
    const { manifest, warnings } = await importOpenApi(file);
    const byId = new Map(manifest.endpoints.map((e) => [e.id, e]));
    expect([...byId.keys()]).toEqual(['DescribeDomain', 'DeleteDomain', 'DescribeRepository']);
    expect(byId.get('DescribeDomain')).toMatchObject({ method: 'GET', path: '/v1/domain', query: { domain: { required: true, schema: { type: 'string', pattern: '^[a-z]+$' } } } });
    // declared optional, or not declared: the path makes it required
    expect(byId.get('DeleteDomain')!.query.domain).toMatchObject({ required: true });
    expect(byId.get('DescribeRepository')!.query).toMatchObject({ domain: { required: true }, repository: { required: true, schema: { type: 'string' } } });
    expect(warnings.find((w) => w.operation === 'GET /v1/repository#domain&repository&format')!.message).toContain('the same route as "DescribeRepository"');
    const plan = buildPlan(manifest, { seed: 1, suites: ['positive'] });
    const sent = plan.cases.find((c) => c.endpointId === 'DescribeRepository')!.request.query;
    expect(Object.keys(sent ?? {}).sort()).toEqual(['domain', 'repository']);
  });
});

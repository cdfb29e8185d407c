import type { ErrorContract } from '../manifest/types.ts';
import { RFC9457_SCHEMA } from '../manifest/rfc9457.ts';
import type { Case, Expectation } from '../plan/case.ts';
import type { ReceivedResponse } from '../model/exchange.ts';
import type { CheckContext } from './check.ts';
import { createSchemaValidator } from './schemaValidator.ts';

// One validator for every context: it compiles each schema once, and compiling is most of a check test's time.
const schemas = createSchemaValidator({ schemas: {} });

/** Test helper: a check context from a few facts, with the RFC 9457 contract by default. */
export function testContext(options: {
  expect?: Partial<Expectation>;
  responses: Partial<ReceivedResponse>[];
  contract?: Partial<ErrorContract>;
  secrets?: string[];
  method?: string;
}): CheckContext {
  const c: Case = {
    id: 'e/unauthorized/no-credentials',
    seed: 1,
    suite: 'unauthorized',
    endpointId: 'e',
    route: 'GET /x',
    variant: 'no credentials',
    title: 'GET /x › unauthorized › no credentials',
    request: { method: (options.method ?? 'GET') as Case['request']['method'], path: '/x', headers: {} },
    expect: { outcome: 'reject', statuses: [401], reason: 'test', challenge: { scheme: 'Bearer', errors: [null] }, ...options.expect },
    repeat: true,
  };
  const contract: ErrorContract = {
    contentType: 'application/problem+json',
    schema: RFC9457_SCHEMA,
    statusMember: 'status',
    volatile: ['instance'],
    statuses: { unauthenticated: [401], malformedCredentials: [401], forbidden: [403], invalid: [400], malformedJson: [400], unsupportedMediaType: [415], tooLarge: [413] },
    challenge: 'Bearer',
    ...options.contract,
  };
  const responses = options.responses.map((r) => ({ status: 200, headers: {}, body: '', truncated: false, bodyBytes: 0, ...r }));
  return {
    case: c,
    responses,
    exchanges: responses.map((response) => ({ request: { method: 'GET', url: 'http://127.0.0.1/x', headers: {} }, response, durationMs: 1 })),
    contract,
    secrets: options.secrets ?? [],
    schemas,
  };
}

/** A well-formed RFC 9457 401 answer. */
export function problem401(extra: Record<string, unknown> = {}): Partial<ReceivedResponse> {
  return {
    status: 401,
    headers: { 'content-type': 'application/problem+json', 'www-authenticate': 'Bearer realm="x"' },
    body: JSON.stringify({ type: 'https://e.example/unauthenticated', title: 'Unauthenticated', status: 401, detail: 'Sign in.', instance: '/p/1', ...extra }),
  };
}

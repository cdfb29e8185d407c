import { evidenceOf } from './caseSource.ts';
import { countVerdicts } from './countVerdicts.ts';
import type { Evidence, EvidenceCase, EvidenceDocument, EvidenceExchange, EvidenceMatrix } from './evidence.ts';

/** Strings a sample evidence document carries, so a test can make any of them hostile. */
export interface SampleTexts {
  title: string;
  message: string;
  body: string;
  header: string;
}

const PLAIN: SampleTexts = { title: 'GET /orders/{id} › unauthorized › no credentials', message: 'got 200; expected 401 (no credentials)', body: '{"id":"o-1"}', header: 'application/json' };

const exchange = (status: number | undefined, texts: SampleTexts, wwwAuthenticate?: string): EvidenceExchange => ({
  request: { method: 'GET', url: 'http://127.0.0.1:1/orders/o-1', headers: { authorization: '[REDACTED token#1]' } },
  ...(status === undefined
    ? { failure: { kind: 'timeout', code: 'ETIMEDOUT', message: 'no answer within 10000 ms' } }
    : { response: { status, headers: { 'content-type': texts.header, ...(wwwAuthenticate ? { 'www-authenticate': wwwAuthenticate } : {}) }, body: { text: texts.body, bytes: texts.body.length, truncated: false } } }),
  durationMs: 1.5,
});

function sampleCase(index: number, fields: Partial<EvidenceCase> & Pick<EvidenceCase, 'suite' | 'verdict' | 'variant'>, texts: SampleTexts, status: number | undefined, wwwAuthenticate?: string): EvidenceCase {
  const endpoint = fields.endpoint ?? { id: 'getOrder', route: 'GET /orders/{id}' };
  const id = `${endpoint.id}/${fields.suite}/${fields.variant}`;
  return {
    index,
    id,
    title: `${endpoint.route} › ${fields.suite} › ${fields.variant}`,
    endpoint,
    caseSeed: 100 + index,
    expected: { outcome: 'reject', statuses: [401], reason: 'no credentials' },
    status: status ?? null,
    durationMs: 1.5,
    exchanges: [exchange(status, texts, wwwAuthenticate)],
    findings: [],
    replay: `npx harden run 'm.yaml' --base-url http://127.0.0.1:1 --seed 7 --case '${id}'`,
    ...fields,
  };
}

/**
 * A small evidence document with a case of every verdict, a revoked-token table (served, refused
 * without a challenge, not answered), a scope matrix with a drifted cell, the rotation drill and a
 * baseline change. `texts` go into a failing case's title, finding message, response body and header.
 */
export function sampleEvidence(custom: Partial<SampleTexts> = {}): Evidence {
  const texts = { ...PLAIN, ...custom };
  const listOrders = { id: 'listOrders', route: 'GET /orders' };
  const cases: EvidenceCase[] = [
    sampleCase(0, { suite: 'positive', verdict: 'passed', variant: 'least-privilege', expected: { outcome: 'accept', statuses: [200], reason: 'documented' }, matrix: { scope: 'orders:read', expected: 'allow' } }, texts, 200),
    sampleCase(1, { suite: 'revoked-token', verdict: 'failed', variant: 'revoked-bearer', findings: [{ code: 'REFUSAL_EXPECTED', check: 'status', severity: 'high', title: 'A refusal was served', message: 'got 200; expected 401 (revoked token)' }] }, texts, 200),
    sampleCase(2, { suite: 'revoked-token', verdict: 'passed', variant: 'revoked-bearer', endpoint: listOrders }, texts, 401),
    sampleCase(3, { suite: 'revoked-token', verdict: 'error', variant: 'revoked-jwt', failure: { kind: 'timeout', code: 'ETIMEDOUT', message: 'no answer within 10000 ms' } }, texts, undefined),
    sampleCase(4, { suite: 'revoked-token', verdict: 'not-proven', variant: 'revoked-opaque', endpoint: listOrders, skipReason: 'not proven: the static provider names no revoked token', exchanges: [] }, texts, undefined),
    sampleCase(5, { suite: 'unauthorized', verdict: 'failed', variant: 'no-credentials', title: texts.title, findings: [{ code: 'REFUSAL_EXPECTED', check: 'status', severity: 'high', title: 'A refusal was served', message: texts.message }], property: { runs: 5, shrinks: 2, path: '0:1', counterexample: texts.message } }, texts, 200),
    sampleCase(6, { suite: 'unauthorized', verdict: 'passed', variant: 'scope-orders:write', endpoint: listOrders, matrix: { scope: 'orders:write', expected: 'deny' } }, texts, 403, 'Bearer error="insufficient_scope"'),
    sampleCase(7, { suite: 'malformed', verdict: 'skipped', variant: 'broken-json', skipReason: '--safe-methods-only' }, texts, undefined),
  ];
  const matrix: EvidenceMatrix = {
    scopes: ['orders:read', 'orders:write'],
    endpoints: [
      { id: 'getOrder', route: 'GET /orders/{id}' },
      { id: 'listOrders', route: 'GET /orders' },
    ],
    cells: [
      { endpointId: 'getOrder', route: 'GET /orders/{id}', scope: 'orders:read', expected: 'allow', observed: 'allow', status: 200, caseId: cases[0]!.id, drift: 'none' },
      { endpointId: 'listOrders', route: 'GET /orders', scope: 'orders:write', expected: 'deny', observed: 'allow', status: 200, caseId: cases[6]!.id, drift: 'over-permission' },
      { endpointId: 'listOrders', route: 'GET /orders', scope: 'orders:read', expected: 'allow', observed: 'error', status: null, caseId: 'listOrders/positive/x', drift: 'none' },
    ],
  };
  const { totals, suites } = countVerdicts(cases);
  const document: EvidenceDocument = {
    schemaVersion: '1.2.0',
    tool: { name: 'api-harden', version: '0.0.0' },
    run: { service: 'orders-api', seed: 7, startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:01.500Z', durationMs: 1500 },
    manifest: { path: 'm.yaml', sha256: 'a'.repeat(64) },
    environment: { baseUrl: 'http://127.0.0.1:1', node: 'v20.20.2', platform: 'linux-x64', hostname: 'ci-host' },
    totals,
    suites,
    cases,
    scopeMatrix: matrix,
    rotation: {
      oldToken: '[REDACTED token#2]',
      newToken: '[REDACTED token#3]',
      issuedAt: '2026-01-01T00:00:00.100Z',
      validated: [{ endpointId: 'getOrder', route: 'GET /orders/{id}', caseId: 'r1', status: 200, challengeError: null, held: true }],
      revokedAt: '2026-01-01T00:00:00.200Z',
      rejected: [{ endpointId: 'getOrder', route: 'GET /orders/{id}', caseId: 'r2', status: 401, challengeError: 'invalid_token', held: true }],
      stillAccepted: [{ endpointId: 'getOrder', route: 'GET /orders/{id}', caseId: 'r3', status: 200, challengeError: null, held: true }],
      held: true,
    },
    warnings: ['the scope orders:admin is catalogued but no endpoint uses it'],
    baseline: { file: 'harden-baseline.json', seed: 7, drift: [{ kind: 'changed', caseId: cases[1]!.id, title: cases[1]!.title, suite: 'revoked-token', endpointId: 'getOrder', changes: [{ field: 'status', approved: '401', observed: '200' }], message: 'status 401 → 200' }] },
  };
  return evidenceOf(document);
}

/**
 * A scope matrix with every kind of cell: as documented, drifted both ways, an error, no answer,
 * missing cells, a duplicate (the first one counts), and a route that needs escaping.
 */
export function matrixFixture(): EvidenceMatrix {
  const endpoints = [
    { id: 'getOrder', route: 'GET /orders/{id}' },
    { id: 'listOrders', route: 'GET /orders' },
    { id: 'createOrder', route: 'POST /orders' },
    { id: 'odd', route: 'GET /a<b>&"c"' },
  ];
  const scopes = ['orders:read', 'orders:write', 'admin'];
  const cells: EvidenceMatrix['cells'] = [];
  const observed = ['allow', 'deny', 'error'] as const;
  endpoints.forEach((e, i) =>
    scopes.forEach((scope, j) => {
      if ((i + j) % 4 === 3) return; // missing
      const seen = observed[(i * 3 + j) % 3]!;
      const expected = (i + j) % 2 === 0 ? 'allow' : 'deny';
      const drift = seen === 'error' || seen === expected ? 'none' : seen === 'allow' ? 'over-permission' : 'under-permission';
      cells.push({ endpointId: e.id, route: e.route, scope, expected, observed: seen, status: seen === 'error' ? null : seen === 'allow' ? 200 : 403, caseId: `${e.id}/${scope}`, drift });
    }),
  );
  // A second cell for a pair already present: the first one is the one shown.
  cells.push({ endpointId: 'getOrder', route: 'GET /orders/{id}', scope: 'orders:read', expected: 'deny', observed: 'allow', status: 201, caseId: 'dup', drift: 'over-permission' });
  return { scopes, endpoints, cells };
}

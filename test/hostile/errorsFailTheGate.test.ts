import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileServer, type HostileServer } from '../../fixtures/hostile-server/server.ts';
import { readEvidence } from '../../src/report/readEvidence.ts';
import { runCli } from '../harness.ts';

/** Public endpoints: one the server never answers, one it resets, one it answers correctly. */
const MANIFEST = `harden: 1
service: hostile
baseUrl: http://127.0.0.1:1
auth:
  scheme: bearer
  tokens:
    provider: static
    tokens: [{ scopes: [hostile:read], env: HOSTILE_TOKEN }]
  scopes:
    hostile:read: { owner: robustness-tests }
endpoints:
  - { id: hang, method: GET, path: /hang, public: true, responses: { 200: { type: object } } }
  - { id: reset, method: GET, path: /reset, public: true, responses: { 200: { type: object } } }
  - { id: ok, method: GET, path: /ok, public: true, responses: { 200: { type: object } } }
`;

let server: HostileServer;
beforeAll(async () => {
  server = await startHostileServer();
});
afterAll(() => server.close());

/**
 * A case the API never answered proved nothing held: the gate must fail on it as on a finding.
 * Here the only cases that do not pass are errors (a timeout and a reset), so a gate that let
 * errors through would exit 0.
 */
describe('a run whose only non-passing cases are errors', () => {
  it('exits 1, with the errors counted and no finding', async () => {
    const manifest = join(mkdtempSync(join(tmpdir(), 'harden-errors-')), 'hostile.yaml');
    writeFileSync(manifest, MANIFEST);
    const cli = await runCli(['run', manifest, '--base-url', server.url, '--suites', 'positive', '--timeout', '1000', '--seed', '1', '--no-progress'], { HOSTILE_TOKEN: 'hostile-static-token-value' });
    const evidence = readEvidence(cli.reports);
    expect(evidence.cases.map((c) => [c.endpoint.id, c.verdict, c.failure?.kind])).toEqual([
      ['hang', 'error', 'timeout'],
      ['reset', 'error', 'connection-reset'],
      ['ok', 'passed', undefined],
    ]);
    expect(evidence.cases.flatMap((c) => c.findings)).toEqual([]);
    expect(cli.code).toBe(1);
  });
});

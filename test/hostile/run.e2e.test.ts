import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileServer, type HostileServer } from '../../fixtures/hostile-server/server.ts';
import { parseManifest } from '../../src/manifest/parseManifest.ts';
import { buildPlan } from '../../src/plan/buildPlan.ts';
import { runCollecting, type CollectedRun } from '../runCollecting.ts';
import { readJUnitCases, validateJUnit } from '../junitXml.ts';
import { junitOf } from './junitOf.ts';
import { SLACK_MS, TIGHT } from './limits.ts';

/** Route → the verdict the harness must reach, and why. */
const EXPECTED: Record<string, { status: 'passed' | 'failed' | 'error'; kind?: string }> = {
  '/hang': { status: 'error', kind: 'timeout' },
  '/stall-body': { status: 'error', kind: 'timeout' },
  '/drip': { status: 'error', kind: 'timeout' },
  '/reset': { status: 'error', kind: 'connection-reset' },
  '/garbage': { status: 'error', kind: 'protocol' },
  '/huge-body': { status: 'error', kind: 'too-large' },
  '/huge-headers': { status: 'error', kind: 'protocol' },
  '/gzip-bomb': { status: 'error', kind: 'too-large' },
  // These answered: what they answered is wrong, so they are findings about the API, not errors.
  '/bad-json': { status: 'failed' },
  '/redirect-other': { status: 'failed' },
  '/redirect-loop': { status: 'failed' },
  '/ok': { status: 'passed' },
  // Protected: the case sends the static token, so a followed redirect would carry it elsewhere.
  '/redirect-other/with-token': { status: 'failed' },
};

const STATIC_TOKEN = 'hostile-static-token-value';

/** One public GET endpoint per hostile route, and one protected redirect that needs the static token. */
function manifestText(): string {
  const endpoints = Object.keys(EXPECTED).map(
    (path) => `  - id: ${path.slice(1).replace(/[-/](\w)/g, (_m, c: string) => c.toUpperCase())}
    method: GET
    path: ${path}
    ${path.endsWith('/with-token') ? 'scopes: [hostile:read]' : 'public: true'}
    responses: { 200: { type: object } }`,
  );
  return `harden: 1
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
${endpoints.join('\n')}
`;
}

let server: HostileServer;
let summary: CollectedRun;
let elapsedMs: number;

beforeAll(async () => {
  server = await startHostileServer();
  const manifest = parseManifest(manifestText(), 'hostile.yaml');
  const plan = buildPlan(manifest, { seed: 1, suites: ['positive'] });
  const started = performance.now();
  summary = await runCollecting({ manifest, plan, baseUrl: server.url, limits: TIGHT, env: { HOSTILE_TOKEN: STATIC_TOKEN } });
  elapsedMs = performance.now() - started;
});
afterAll(() => server.close());

describe('a run against the hostile server', () => {
  it('gives every case a verdict, the one each behaviour calls for', () => {
    const byPath = Object.fromEntries(summary.results.map((r) => [r.case.request.path, r]));
    expect(Object.keys(byPath).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const [path, expected] of Object.entries(EXPECTED)) {
      expect({ path, status: byPath[path]!.status, kind: byPath[path]!.failure?.kind }).toEqual({ path, status: expected.status, kind: expected.kind });
    }
  });

  it('finishes within the bound the limits imply', () => {
    // Each case is one request (positive cases are not repeated), each bounded by the deadline;
    // with `concurrency` in flight, the run is at most ceil(cases / concurrency) deadlines, plus slack.
    const rounds = Math.ceil(summary.results.length / TIGHT.concurrency);
    const bound = rounds * TIGHT.timeoutMs + 2 * SLACK_MS;
    expect(elapsedMs).toBeLessThan(bound);
    for (const r of summary.results) expect(r.durationMs, r.case.title).toBeLessThan(TIGHT.timeoutMs + SLACK_MS);
  });

  it('reports transport problems as JUnit <error>, findings as <failure>, in XML the schema accepts', async () => {
    const xml = await junitOf(summary);
    expect(await validateJUnit(xml)).toEqual([]);
    const cases = Object.fromEntries(readJUnitCases(xml).map((c) => [c.name.split(' › ')[0]!.replace(/^GET /, ''), c]));
    expect(xml).not.toContain(STATIC_TOKEN);
    for (const [path, expected] of Object.entries(EXPECTED)) {
      const testcase = cases[path]!;
      expect({ path, error: testcase.error !== undefined, failure: testcase.failure !== undefined }).toEqual({
        path,
        error: expected.status === 'error',
        failure: expected.status === 'failed',
      });
    }
    expect(cases['/huge-headers']!.error).toMatch(/protocol/);
  });

  it('sent the token to the API only, never to the origin a redirect named', () => {
    expect(server.requests.filter((r) => r.authorization !== undefined)).toEqual([{ path: '/redirect-other/with-token', authorization: `Bearer ${STATIC_TOKEN}` }]);
    expect(server.elsewhere.received).toEqual([]);
  });
});

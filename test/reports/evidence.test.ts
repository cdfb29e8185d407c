import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVIDENCE_HEADERS } from '../../src/transport/redactExchange.ts';
import { EVIDENCE_SCHEMA_ID, EVIDENCE_SCHEMA_VERSION, type EvidenceDocument } from '../../src/report/evidence.ts';
import { REFERENCE_MANIFEST, startTarget, type CliResult } from '../harness.ts';
import { readEvidence, readReport, runAgainst, SEED, validateEvidence } from './reportRun.ts';

describe('evidence.json', () => {
  let target: Awaited<ReturnType<typeof startTarget>>;
  let result: CliResult;
  let evidence: EvidenceDocument;

  beforeAll(async () => {
    target = await startTarget(['write-accepts-read-scope']);
    result = await runAgainst(target);
    evidence = readEvidence(result.reports);
  });
  afterAll(() => target.close());

  it('is valid against its versioned JSON Schema (2020-12, formats checked)', () => {
    const schema = JSON.parse(readFileSync('src/report/evidence.schema.json', 'utf8')) as { $id: string; properties: { schemaVersion: { const: string } } };
    expect(schema.$id).toBe(EVIDENCE_SCHEMA_ID);
    expect(schema.$id).toContain(EVIDENCE_SCHEMA_VERSION);
    expect(schema.properties.schemaVersion.const).toBe(EVIDENCE_SCHEMA_VERSION);
    expect(validateEvidence(evidence)).toEqual([]);
    // The schema is strict: a field it does not know is an error, so the document cannot drift from it silently.
    expect(validateEvidence({ ...evidence, extra: 1 })).not.toEqual([]);
  });

  it('records the tool, the run, the manifest and where it ran', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
    expect(evidence.tool).toEqual({ name: pkg.name, version: pkg.version });
    expect(evidence.run.seed).toBe(Number(SEED));
    expect(Date.parse(evidence.run.finishedAt)).toBeGreaterThanOrEqual(Date.parse(evidence.run.startedAt));
    expect(evidence.manifest).toEqual({ path: REFERENCE_MANIFEST, sha256: createHash('sha256').update(readFileSync(REFERENCE_MANIFEST)).digest('hex') });
    expect(evidence.environment).toMatchObject({ baseUrl: target.api.url, node: process.version, platform: `${process.platform}-${process.arch}` });
  });

  it('holds every case with its request, the headers that matter, a body excerpt of at most 2 KB, verdict and findings', () => {
    expect(evidence.cases.length).toBe(evidence.totals.tests);
    expect(evidence.cases.map((c) => c.index)).toEqual(evidence.cases.map((_, i) => i));
    for (const c of evidence.cases) {
      for (const e of c.exchanges) {
        expect(Object.keys(e.response?.headers ?? {}).every((h) => (EVIDENCE_HEADERS as readonly string[]).includes(h)), c.id).toBe(true);
        for (const body of [e.request.body, e.response?.body]) if (body) expect(Buffer.byteLength(body.text)).toBeLessThanOrEqual(2048);
      }
    }
    const oversized = evidence.cases.find((c) => c.variant.includes('oversized'));
    expect(oversized?.exchanges[0]?.request.body).toMatchObject({ truncated: true });
    expect(oversized!.exchanges[0]!.request.body!.bytes).toBeGreaterThan(65536);
    const leak = evidence.cases.find((c) => c.id === 'createOrder/unauthorized/scope-orders-read' || (c.endpoint.id === 'createOrder' && c.matrix?.scope === 'orders:read'));
    expect(leak).toMatchObject({ verdict: 'failed', status: 201 });
    expect(leak!.findings[0]).toMatchObject({ code: 'REFUSAL_EXPECTED', check: 'status' });
    expect(evidence.cases.some((c) => c.property !== undefined && c.property.runs > 0)).toBe(true);
    const challenged = evidence.cases.find((c) => c.suite === 'revoked-token');
    expect(challenged!.exchanges[0]!.response!.headers['www-authenticate']).toMatch(/^Bearer .*error="invalid_token"/);
  });

  it('carries the scope matrix with the drift, the rotation drill, warnings and totals', () => {
    const drifted = evidence.scopeMatrix.cells.filter((c) => c.drift !== 'none');
    expect(drifted).toEqual([expect.objectContaining({ endpointId: 'createOrder', scope: 'orders:read', expected: 'deny', observed: 'allow', drift: 'over-permission', status: 201 })]);
    expect(evidence.scopeMatrix.cells.length).toBe(evidence.scopeMatrix.endpoints.length * evidence.scopeMatrix.scopes.length);
    if (evidence.rotation) {
      expect(evidence.rotation.oldToken).toMatch(/^token#\d+/);
      expect(evidence.rotation.rejected.every((p) => p.status === 401 && p.challengeError === 'invalid_token')).toBe(true);
    }
    expect(Array.isArray(evidence.warnings)).toBe(true);
    const sum = Object.values(evidence.suites).reduce((n, s) => n + s.tests, 0);
    expect(sum).toBe(evidence.totals.tests);
    expect(evidence.totals.failed).toBe(evidence.cases.filter((c) => c.verdict === 'failed').length);
  });

  it('is what summary.md is made from: counts, the matrix with its drift, revoked-token proof, findings with replay lines', () => {
    const md = readReport(result.reports, 'summary.md');
    expect(md).toMatch(/^## orders-api: FAIL/);
    expect(md).toMatch(/\| unauthorized \| \d+ \| \d+ \| 1 \| 0 \| 0 \|/);
    expect(md).toMatch(/\| POST \/orders \| \*\*⚠ allow 201\*\* \(documented deny: over-permission\) \| ✓ allow \| ✓ deny \|/);
    expect(md).toMatch(/\| deleteOrder \| DELETE \/orders\/\{id\} \| revoked bearer \| 401 \| invalid_token \| ✓ held \|/);
    expect(md).toMatch(/#### POST \/orders \(createOrder\)\n\n\*\*status\*\*\n\n- `POST \/orders › unauthorized › scope orders:read` — REFUSAL_EXPECTED: .*\n  replay: `npx harden run /);
  });
});

import { describe, expect, it } from 'vitest';
import { runCli } from '../harness.ts';

const BASE = 'fixtures/diff/base.yaml';

/** fixture (new side; the old side is base.yaml) → the one change it must produce, and the exit code. */
const CORPUS = [
  ['endpoint-added', 'endpoint-added', 'low', 'cancelOrder', 0],
  ['endpoint-removed', 'endpoint-removed', 'low', 'deleteOrder', 0],
  ['authentication-removed', 'authentication-removed', 'high', 'listOrders', 1],
  ['authorization-loosened', 'authorization-loosened', 'high', 'readAudit', 1],
  ['authorization-tightened', 'authorization-tightened', 'low', 'health', 0],
  ['error-contract-changed', 'error-contract-changed', 'medium', '*', 0],
  ['request-schema-loosened', 'request-schema-loosened', 'medium', 'createOrder', 1],
  ['request-schema-tightened', 'request-schema-tightened', 'low', 'createOrder', 0],
  ['limits-raised', 'limits-changed', 'medium', '*', 1],
  ['limits-lowered', 'limits-changed', 'low', '*', 0],
  ['responses-changed', 'responses-changed', 'low', 'getOrder', 0],
  ['authentication-removed-approved', 'authentication-removed', 'high', 'listOrders', 0],
] as const;

interface JsonReport {
  changes: { kind: string; severity: string; endpoint: string; details: string[]; loosening: boolean; approved?: string }[];
  unapproved: number;
}

async function diffJson(newFile: string, oldFile = BASE) {
  const result = await runCli(['diff', oldFile, newFile, '--format', 'json'], {});
  return { code: result.code, report: JSON.parse(result.out) as JsonReport, err: result.err };
}

describe('harden diff over the fixture corpus', () => {
  it.each(CORPUS)('%s → %s (%s) on %s, exit %i', async (fixture, kind, severity, endpoint, code) => {
    const { code: exit, report } = await diffJson(`fixtures/diff/${fixture}.yaml`);
    expect(report.changes.map((c) => [c.kind, c.severity, c.endpoint])).toEqual([[kind, severity, endpoint]]);
    expect(exit).toBe(code);
  });

  it('grades query and header parameters: declared or required is tighter, raised bounds and dropped requirements looser', async () => {
    const declared = await diffJson('fixtures/diff/parameters-base.yaml');
    expect(declared.report.changes.map((c) => [c.kind, c.endpoint, c.details])).toEqual([
      ['request-schema-tightened', 'listOrders', ['query/limit: now declared']],
      ['request-schema-tightened', 'readAudit', ['headers/x-audit-reason: now declared, required']],
    ]);
    expect(declared.code).toBe(0);
    const loosened = await diffJson('fixtures/diff/parameters-loosened.yaml', 'fixtures/diff/parameters-base.yaml');
    expect(loosened.report.changes.map((c) => [c.kind, c.severity, c.endpoint, c.details])).toEqual([
      ['request-schema-loosened', 'medium', 'listOrders', ['query/limit: maximum raised 100 → 1000']],
      ['request-schema-loosened', 'medium', 'readAudit', ['headers/x-audit-reason: no longer required']],
    ]);
    expect(loosened.code).toBe(1);
    const dropped = await diffJson(BASE, 'fixtures/diff/parameters-base.yaml');
    expect(dropped.report.changes.map((c) => c.details)).toEqual([['query/limit: no longer declared'], ['headers/x-audit-reason: no longer declared (was required)']]);
  });

  it('reports nothing for a manifest that differs only in order, comments and formatting', async () => {
    const { code, report } = await diffJson('fixtures/diff/reordered.yaml');
    expect(report.changes).toEqual([]);
    expect(code).toBe(0);
  });

  it('approving a loosening keeps it listed with its reason and exits 0', async () => {
    const { report } = await diffJson('fixtures/diff/authentication-removed-approved.yaml');
    expect(report.changes[0]).toMatchObject({ loosening: true, approved: 'order list is public catalogue data (SEC-123)' });
    expect(report.unapproved).toBe(0);
  });

  it('names the loosened constraint inside the referenced schema', async () => {
    const { report } = await diffJson('fixtures/diff/request-schema-loosened.yaml');
    expect(report.changes[0]!.details).toEqual(['body/quantity: maximum raised 1000 → 100000']);
  });

  it('reverse direction: a tightening read backwards is the matching loosening', async () => {
    const { code, report } = await diffJson(BASE, 'fixtures/diff/request-schema-tightened.yaml');
    expect(report.changes.map((c) => c.kind)).toEqual(['request-schema-loosened']);
    expect(code).toBe(1);
  });

  it('console and markdown say what to approve', async () => {
    const text = await runCli(['diff', BASE, 'fixtures/diff/authorization-loosened.yaml'], {});
    expect(text.code).toBe(1);
    expect(text.out).toContain('HIGH   authorization-loosened  readAudit (GET /admin/audit)  [NOT APPROVED]');
    expect(text.out).toContain('{ endpoint: readAudit, change: authorization-loosened, reason: "…" }');
    const md = await runCli(['diff', BASE, 'fixtures/diff/authorization-loosened.yaml', '--format', 'markdown'], {});
    expect(md.out).toContain('| high | readAudit (GET /admin/audit) | `authorization-loosened` | now also granted by orders:write (was: orders:admin) | NOT APPROVED |');
  });

  it('usage errors exit 2', async () => {
    expect((await runCli(['diff', BASE], {})).code).toBe(2);
    expect((await runCli(['diff', BASE, BASE, '--format', 'xml'], {})).code).toBe(2);
  });
});

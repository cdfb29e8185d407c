import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { parseManifest } from '../manifest/parseManifest.ts';
import { OwnershipLedger } from '../run/ownershipStep.ts';
import { buildPlan } from './buildPlan.ts';
import { withPrerequisites } from '../diff/select.ts';
import { shardKey } from './shard.ts';

/** The reference manifest with a second principal and its orders as owned objects. */
function withOwnership(extra: Record<string, unknown> = {}) {
  const raw = parse(readFileSync('fixtures/reference-api/manifest.yaml', 'utf8'));
  raw.principals = { mallory: { tokens: { provider: 'static', tokens: [{ scopes: ['orders:read'], env: 'M_READ' }, { scopes: ['orders:write'], env: 'M_WRITE' }, { scopes: ['orders:admin'], env: 'M_ADMIN' }] } } };
  raw.objects = [{ name: 'order', create: 'createOrder', id: '/id', param: 'id', ...extra }];
  return raw;
}

const problems = (raw: unknown) => {
  try {
    parseManifest(stringify(raw), 'm.yaml');
    return '';
  } catch (error) {
    return ((error as { problems?: { message: string }[] }).problems ?? []).map((p) => p.message).join('\n');
  }
};

describe('the ownership suite (OWASP API1)', () => {
  const manifest = parseManifest(stringify(withOwnership()), 'owned.yaml');
  const cases = buildPlan(manifest, { seed: 7, suites: ['ownership'] }).cases;

  it('plans the owner creating and reading back, then the other principal on every route taking the id, and its listing', () => {
    expect(cases.map((c) => [c.route, c.ownership?.step, c.credential?.token])).toEqual([
      ['POST /orders', 'create', { kind: 'live', scopes: ['orders:write'] }],
      ['GET /orders/{id}', 'owner-reads', { kind: 'live', scopes: ['orders:read'] }],
      ['GET /orders/{id}', 'probe', { kind: 'live', scopes: ['orders:read'], principal: 'mallory' }],
      ['PATCH /orders/{id}', 'probe', { kind: 'live', scopes: ['orders:write'], principal: 'mallory' }],
      ['DELETE /orders/{id}', 'probe', { kind: 'live', scopes: ['orders:admin'], principal: 'mallory' }],
      ['GET /orders', 'probe', { kind: 'live', scopes: ['orders:read'], principal: 'mallory' }],
    ]);
    const [, control, read, change, remove, listing] = cases;
    // The id is a placeholder until the run: in the path of the control and the probes, and what the listing must not show.
    for (const c of [control!, read!, change!, remove!]) expect(c.request.path).toContain('harden-object-0-id');
    expect(read!.expect).toMatchObject({ outcome: 'reject', statuses: [403, 404] });
    expect(read!.expect.challenge).toBeUndefined();
    expect(listing!.expect).toMatchObject({ outcome: 'accept', absent: ['harden-object-0-id'] });
    // The other principal's tokens are its own, apart from the owner's.
    expect(buildPlan(manifest, { seed: 7, suites: ['ownership'] }).tokens.principals).toEqual({ mallory: [['orders:read'], ['orders:write'], ['orders:admin']] });
  });

  it("refuses with the object's own statuses", () => {
    const m = parseManifest(stringify(withOwnership({ refusal: 404 })), 'owned.yaml');
    expect(buildPlan(m, { seed: 7, suites: ['ownership'] }).cases.find((c) => c.ownership?.step === 'probe')!.expect.statuses).toEqual([404]);
  });

  it('keeps the create step and the control with any probe (--case, selective runs) and in one shard', () => {
    const probe = cases.find((c) => c.route === 'DELETE /orders/{id}')!;
    expect(withPrerequisites(cases, (c) => c.id === probe.id).map((c) => c.ownership!.step)).toEqual(['create', 'owner-reads', 'probe']);
    expect(new Set(cases.map(shardKey)).size).toBe(1);
  });

  it('the ledger makes a probe concrete with the created id, and not proven when the create or the control failed', () => {
    const [create, control, read, , , listing] = cases;
    const answered = (status: number, body: string) => ({ exchanges: [{ request: { method: 'POST', url: 'x', headers: {} }, response: { status, headers: {}, body, truncated: false, bodyBytes: body.length }, durationMs: 1 }], findings: [] });
    const ledger = new OwnershipLedger(manifest);
    expect(ledger.unavailable(read!)).toMatch(/never created/);
    ledger.record(create!, answered(201, '{"id":"a b/c"}'));
    expect(ledger.unavailable(read!)).toBeUndefined();
    expect(ledger.concrete(read!).request.path).toBe('/orders/a%20b%2Fc');
    expect(ledger.concrete(listing!).expect.absent).toEqual(['a b/c']);
    ledger.record(control!, { ...answered(404, '{}'), findings: [{ code: 'CREDENTIAL_REJECTED', message: 'x', checkId: 'status', caseId: 'c' }] });
    expect(ledger.unavailable(read!)).toMatch(/could not read back its own order/);
    const noId = new OwnershipLedger(manifest);
    noId.record(create!, answered(201, '{"orderId":"1"}'));
    expect(noId.unavailable(read!)).toMatch(/no id at \/id/);
  });

  it('refuses objects naming an unknown or public endpoint, an unknown parameter, or no other principal', () => {
    expect(problems(withOwnership({ create: 'createOrdr' }))).toMatch(/"createOrdr", which is no endpoint.*\n?/);
    expect(problems(withOwnership({ create: 'health' }))).toMatch(/public endpoint "health"/);
    expect(problems(withOwnership({ param: 'orderId' }))).toMatch(/no endpoint path has the parameter \{orderId\}/);
    const alone = withOwnership();
    delete alone.principals;
    expect(problems(alone)).toMatch(/objects need another principal/);
  });
});

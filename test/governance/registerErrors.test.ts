import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../harness.ts';

const F = 'fixtures/governance';
const audit = (...args: string[]) => runCli(['tokens', 'audit', ...args, '--junit', join(out, 'g.xml'), '--evidence', join(out, 'g.json'), '--summary', join(out, 'g.md')], process.env);
const out = mkdtempSync(join(tmpdir(), 'harden-governance-errors-'));

function write(name: string, text: string): string {
  const file = join(out, name);
  writeFileSync(file, text);
  return file;
}

describe('broken governance input (exit 2, located)', () => {
  it('locates a register schema violation at file:line:column and JSON pointer', async () => {
    const r = await audit(`${F}/register.broken.yaml`, '--now', '2025-06-30');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${F}/register.broken.yaml:6:13 at /tokens/0/scopes: expected a list`);
  });

  it('refuses a register holding a token value, without echoing it', async () => {
    const r = await audit(`${F}/register.with-value.yaml`);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${F}/register.with-value.yaml:9:5 at /tokens/0/value`);
    expect(r.err).toContain("must never hold a token's value");
    expect(r.err + r.out).not.toContain('fixture-not-a-real-token');
  });

  it('refuses secret and token members too, whatever their case', async () => {
    const file = write('secret.yaml', 'register: 1\ntokens:\n  - id: a\n    scopes: []\n    environment: dev\n    created: 2025-01-01\n    Secret: x\n    token: y\n');
    const r = await audit(file);
    expect(r.code).toBe(2);
    expect(r.err).toContain('at /tokens/0/Secret');
    expect(r.err).toContain('at /tokens/0/token');
  });

  it('locates semantic problems: no environment, an impossible date, a duplicate listing', async () => {
    const file = write(
      'semantic.yaml',
      'register: 1\ntokens:\n  - id: a\n    scopes: [x]\n    created: 2025-02-30\n  - id: b\n    scopes: []\n    environment: dev\n    created: 2025-01-01\n  - id: b\n    scopes: []\n    environment: dev\n    created: 2025-01-01\n',
    );
    const r = await audit(file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${file}:3:5 at /tokens/0: names no environment`);
    expect(r.err).toContain('at /tokens/0/created: created is not a real date');
    expect(r.err).toContain(`${file}:10:9 at /tokens/2/id: token "b" is listed twice for environment "dev"`);
  });

  it('locates a policy problem, and refuses a bad --now', async () => {
    const policy = write('policy.yaml', 'policy: 1\nmaxRotationAgeDays: ninety\nblocking: [stale, rotten]\n');
    const r = await audit(`${F}/register.clean.yaml`, '--policy', policy);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${policy}:2:21 at /maxRotationAgeDays`);
    expect(r.err).toContain(`${policy}:3:19 at /blocking/1`);
    const now = await audit(`${F}/register.clean.yaml`, '--now', 'yesterday');
    expect(now.code).toBe(2);
    expect(now.err).toContain('--now yesterday is not an ISO 8601 date');
  });
});

import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { AuditDocument } from '../../src/governance/audit.ts';
import { runCli } from '../harness.ts';
import { readJUnitCases, validateJUnit } from '../junitXml.ts';

const F = 'fixtures/governance';
const MANIFEST = 'fixtures/reference-api/manifest.yaml';
const NOW = '2025-06-30';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => void;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validateGovernance = ajv.compile(JSON.parse(readFileSync('src/governance/governance.schema.json', 'utf8')));

/** Runs `harden tokens audit` with every output in a fresh folder, and reads them back. */
async function auditCli(register: string, extra: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'harden-governance-'));
  const files = { junit: join(dir, 'governance.xml'), evidence: join(dir, 'governance.json'), summary: join(dir, 'governance.md') };
  const result = await runCli(['tokens', 'audit', register, ...extra, '--junit', files.junit, '--evidence', files.evidence, '--summary', files.summary], process.env);
  const read = (f: string) => readFileSync(f, 'utf8');
  return { ...result, xml: read(files.junit), doc: JSON.parse(read(files.evidence)) as AuditDocument, md: read(files.summary) };
}

const full = ['--manifest', MANIFEST, '--previous', `${F}/register.previous.yaml`, '--policy', `${F}/policy.yaml`, '--now', NOW];

describe('harden tokens audit', () => {
  it('finds each rule broken once, by the token that breaks it, and exits 1', async () => {
    const r = await auditCli(`${F}/register.violations.yaml`, full);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(r.doc.violations.map((v) => [v.rule, v.tokenId])).toEqual([
      ['orphan', 'legacy-export'],
      ['stale', 'nightly-report'],
      ['expired', 'partner-sandbox'],
      ['unknown-scope', 'billing-sync'],
      ['unapproved-scope', 'ci-smoke'],
      ['shared-environment', 'deploy-bot'],
    ]);
    expect(r.doc.metrics).toEqual({ tokens: 6, rotationAdherencePercent: 83.3, staleCount: 1, orphanCount: 1, expiredCount: 1, violations: 6, blockingViolations: 6 });
    expect(validateGovernance(r.doc), JSON.stringify(validateGovernance.errors)).toBe(true);
    expect(await validateJUnit(r.xml)).toEqual([]);
    const cases = readJUnitCases(r.xml);
    expect(cases).toHaveLength(6 * 6);
    expect(cases.filter((c) => c.failure !== undefined).map((c) => c.name)).toEqual(r.doc.violations.map((v) => `governance › ${v.rule} › ${v.tokenId}`));
    expect(cases.find((c) => c.name === 'governance › unknown-scope › billing-sync')?.failure).toContain('billing:read');
    expect(r.out).toContain('rotation adherence 83.3%');
    expect(r.md).toContain('FAIL — 6 blocking violations');
  });

  it('passes a register that breaks no rule, with every rule checked', async () => {
    const r = await auditCli(`${F}/register.clean.yaml`, full);
    expect(r.code).toBe(0);
    expect(r.doc.violations).toEqual([]);
    expect(r.doc.rules.every((rule) => rule.status === 'checked')).toBe(true);
    expect(r.doc.metrics.rotationAdherencePercent).toBe(100);
    expect(validateGovernance(r.doc)).toBe(true);
    expect(await validateJUnit(r.xml)).toEqual([]);
    const cases = readJUnitCases(r.xml);
    expect(cases).toHaveLength(6 * 2);
    expect(cases.every((c) => c.failure === undefined && c.error === undefined)).toBe(true);
  });

  it('fails only on rules the policy marks blocking; the rest are advisory', async () => {
    const policy = ['--manifest', MANIFEST, '--previous', `${F}/register.previous.yaml`, '--policy', `${F}/policy.advisory.yaml`];
    const before = await auditCli(`${F}/register.violations.yaml`, [...policy, '--now', '2025-04-20']);
    expect(before.code).toBe(0); // nothing had expired yet; the other violations do not block
    expect(before.doc.violations.length).toBeGreaterThan(0);
    expect(before.doc.violations.every((v) => !v.blocking)).toBe(true);
    expect(readJUnitCases(before.xml).filter((c) => c.failure !== undefined).length).toBe(before.doc.violations.length);
    expect(before.xml).toContain('type="advisory"');
    const after = await auditCli(`${F}/register.violations.yaml`, [...policy, '--now', NOW]);
    expect(after.code).toBe(1);
    expect(after.doc.violations.filter((v) => v.blocking).map((v) => v.rule)).toEqual(['expired']);
  });

  it('skips the catalogue and approval rules, with a note, when their inputs are missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'harden-untracked-'));
    copyFileSync(`${F}/register.violations.yaml`, join(dir, 'register.yaml'));
    const r = await auditCli(join(dir, 'register.yaml'), ['--now', NOW]);
    const skipped = r.doc.rules.filter((rule) => rule.status === 'skipped');
    expect(skipped.map((s) => s.id)).toEqual(['unknown-scope', 'unapproved-scope']);
    expect(skipped[1]!.note).toContain('not tracked by git');
    expect(r.out).toContain('skipped unapproved-scope');
    expect(await validateJUnit(r.xml)).toEqual([]);
    expect(readJUnitCases(r.xml).filter((c) => c.body.includes('skipped:'))).toHaveLength(2 * 6);
  });

  it("reads the previous register from git HEAD when no --previous is given", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'harden-git-'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    copyFileSync(`${F}/register.previous.yaml`, join(dir, 'register.yaml'));
    git('add', 'register.yaml');
    git('commit', '-qm', 'register');
    copyFileSync(`${F}/register.violations.yaml`, join(dir, 'register.yaml'));
    const r = await auditCli(join(dir, 'register.yaml'), ['--manifest', MANIFEST, '--now', NOW]);
    expect(r.doc.previous?.source).toContain('git HEAD:');
    expect(r.doc.violations.filter((v) => v.rule === 'unapproved-scope').map((v) => v.tokenId)).toEqual(['ci-smoke']);
  });
});

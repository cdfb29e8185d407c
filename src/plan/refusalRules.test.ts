import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../manifest/loadManifest.ts';
import { buildPlan } from './buildPlan.ts';
import { REFUSAL_RULES, type RefusalRule } from './refusalRules.ts';

/** The table as docs/expectations.md shows it: the docs and the code say the same thing. */
function table(): string {
  const rows = Object.entries(REFUSAL_RULES as Record<string, RefusalRule>).map(([kind, rule]) => {
    const challenge = rule.challenge?.errors ? rule.challenge.errors.map((e) => (e === null ? 'no code' : e)).join(' / ') : '—';
    return `| \`${kind}\` | ${rule.sent} | ${rule.kinds.map((k) => `\`${k}\``).join(' + ')} | ${challenge} | ${rule.standard} | ${rule.why} |`;
  });
  return ['| kind | sent | statuses (`errors.statuses`) | challenge error | standard | why |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

describe('refusal rules', () => {
  it('are the table docs/expectations.md shows', () => {
    expect(readFileSync('docs/expectations.md', 'utf8')).toContain(table());
  });

  it('give malformed credentials the same expectation in every suite (RFC 6750 §3.1: 400 or 401)', async () => {
    const manifest = await loadManifest('fixtures/reference-api/manifest.yaml');
    const plan = buildPlan(manifest, { seed: 7 });
    const malformedCredentials = plan.cases.filter((c) => ['empty bearer', 'malformed authorization header', 'malformed authorization headers'].includes(c.variant));
    expect(new Set(malformedCredentials.map((c) => c.suite))).toEqual(new Set(['unauthorized', 'malformed']));
    for (const c of malformedCredentials) {
      expect(c.expect.statuses).toEqual([400, 401]);
      expect(c.expect.challenge?.errors).toEqual([null, 'invalid_request', 'invalid_token']);
    }
  });

  it('follow an explicit malformedCredentials status, and only it', async () => {
    const manifest = await loadManifest('fixtures/reference-api/manifest.yaml');
    const strict = { ...manifest, errors: { ...manifest.errors, statuses: { ...manifest.errors.statuses, malformedCredentials: [401] } } };
    const empty = buildPlan(strict, { seed: 7 }).cases.find((c) => c.variant === 'empty bearer')!;
    expect(empty.expect.statuses).toEqual([401]);
  });

  it('expect no error code without credentials, invalid_token for a revoked token, insufficient_scope for a scope', async () => {
    const manifest = await loadManifest('fixtures/reference-api/manifest.yaml');
    const cases = buildPlan(manifest, { seed: 7 }).cases;
    const by = (variant: string) => cases.find((c) => c.variant === variant)!.expect;
    expect(by('no credentials')).toMatchObject({ statuses: [401], challenge: { errors: [null] } });
    expect(by('revoked bearer')).toMatchObject({ statuses: [401], challenge: { errors: ['invalid_token'] } });
    const scope = cases.find((c) => c.matrix?.expected === 'deny')!.expect;
    expect(scope).toMatchObject({ statuses: [403], challenge: { errors: ['insufficient_scope'] } });
  });
});

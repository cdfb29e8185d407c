import { RULES, type RuleId } from './policy.ts';
import type { Register } from './register.ts';
import { checkRule, type AuditContext } from './rules.ts';

/** Version of src/governance/governance.schema.json; changes with it, like the run's evidence. */
export const GOVERNANCE_SCHEMA_VERSION = '1.0.0';

export interface RuleOutcome {
  id: RuleId;
  blocking: boolean;
  status: 'checked' | 'skipped';
  note?: string;
  violations: number;
}

export interface AuditViolation {
  rule: RuleId;
  tokenId: string;
  message: string;
  blocking: boolean;
}

/** reports/governance.json: the one record the console table, JUnit and Markdown are rendered from. */
export interface AuditDocument {
  schemaVersion: string;
  kind: 'token-audit';
  now: string;
  register: { path: string; sha256: string };
  policy: { path: string | null; maxRotationAgeDays: number; blocking: RuleId[]; productionEnvironments: string[] };
  manifest: { path: string } | null;
  previous: { source: string } | null;
  tokens: string[];
  rules: RuleOutcome[];
  violations: AuditViolation[];
  metrics: {
    tokens: number;
    rotationAdherencePercent: number;
    staleCount: number;
    orphanCount: number;
    expiredCount: number;
    violations: number;
    blockingViolations: number;
  };
  verdict: 'pass' | 'fail';
}

export interface AuditInputs extends AuditContext {
  register: Register;
  /** Why the previous register is unknown, when it is. */
  previousNote?: string;
  previousSource?: string;
}

/** Why a rule cannot be judged with the inputs given, if it cannot. */
function skipNote(rule: RuleId, inputs: AuditInputs): string | undefined {
  if (rule === 'unknown-scope' && !inputs.catalogue) return 'no --manifest given: there is no scope catalogue to check against';
  if (rule === 'unapproved-scope' && !inputs.previous) return inputs.previousNote ?? 'no previous register';
  return undefined;
}

const tokensWith = (violations: AuditViolation[], rule: RuleId) => new Set(violations.filter((v) => v.rule === rule).map((v) => v.tokenId)).size;

/** Pure: the same register, policy, inputs and `now` give the same document. */
export function audit(inputs: AuditInputs): AuditDocument {
  const { register, policy } = inputs;
  const rules: RuleOutcome[] = [];
  const violations: AuditViolation[] = [];
  for (const rule of RULES) {
    const blocking = policy.blocking.includes(rule);
    const note = skipNote(rule, inputs);
    if (note !== undefined) {
      rules.push({ id: rule, blocking, status: 'skipped', note, violations: 0 });
      continue;
    }
    const found = checkRule(rule, register, inputs).map((v) => ({ ...v, blocking }));
    rules.push({ id: rule, blocking, status: 'checked', violations: found.length });
    violations.push(...found);
  }
  const tokens = [...new Set(register.tokens.map((t) => t.id))];
  const staleCount = tokensWith(violations, 'stale');
  const blockingViolations = violations.filter((v) => v.blocking).length;
  return {
    schemaVersion: GOVERNANCE_SCHEMA_VERSION,
    kind: 'token-audit',
    now: inputs.now.toISOString(),
    register: { path: register.file, sha256: register.sha256 },
    policy: { path: policy.file ?? null, maxRotationAgeDays: policy.maxRotationAgeDays, blocking: policy.blocking, productionEnvironments: policy.productionEnvironments },
    manifest: inputs.catalogue ? { path: inputs.catalogue.source } : null,
    previous: inputs.previousSource !== undefined ? { source: inputs.previousSource } : null,
    tokens,
    rules,
    violations,
    metrics: {
      tokens: tokens.length,
      // A register with no tokens has nothing overdue: full adherence, not a division by zero.
      rotationAdherencePercent: tokens.length === 0 ? 100 : Math.round(((tokens.length - staleCount) / tokens.length) * 1000) / 10,
      staleCount,
      orphanCount: tokensWith(violations, 'orphan'),
      expiredCount: tokensWith(violations, 'expired'),
      violations: violations.length,
      blockingViolations,
    },
    verdict: blockingViolations > 0 ? 'fail' : 'pass',
  };
}

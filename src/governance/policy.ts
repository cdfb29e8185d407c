import { Ajv2020 } from 'ajv/dist/2020.js';
import policySchema from './policy.schema.json' with { type: 'json' };
import { invalidDocument, parseText, readText, schemaCheck } from './loadDocument.ts';

export const RULES = ['orphan', 'stale', 'expired', 'unknown-scope', 'unapproved-scope', 'shared-environment'] as const;
export type RuleId = (typeof RULES)[number];

export interface Policy {
  /** The file it came from; absent for the defaults. */
  file?: string;
  maxRotationAgeDays: number;
  blocking: RuleId[];
  productionEnvironments: string[];
}

/** Without a policy file every rule blocks: a gate that passes by default would teach nothing. */
export const DEFAULT_POLICY: Policy = { maxRotationAgeDays: 90, blocking: [...RULES], productionEnvironments: ['production', 'prod'] };

const validate = new Ajv2020({ allErrors: true, strict: false, verbose: true }).compile(policySchema);

export function parsePolicy(text: string, file: string): Policy {
  const loaded = parseText(text, file, 'token policy');
  const problems = schemaCheck(loaded, validate);
  if (problems.length > 0) throw invalidDocument('token policy', file, problems);
  const value = loaded.value as Partial<Omit<Policy, 'file'>>;
  return {
    file,
    maxRotationAgeDays: value.maxRotationAgeDays ?? DEFAULT_POLICY.maxRotationAgeDays,
    blocking: value.blocking ?? DEFAULT_POLICY.blocking,
    productionEnvironments: value.productionEnvironments ?? DEFAULT_POLICY.productionEnvironments,
  };
}

export function loadPolicy(file: string | undefined): Policy {
  return file === undefined ? DEFAULT_POLICY : parsePolicy(readText(file, 'token policy'), file);
}

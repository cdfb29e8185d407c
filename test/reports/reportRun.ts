import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { REFERENCE_MANIFEST, runCli, type CliResult } from '../harness.ts';
import type { EvidenceDocument } from '../../src/report/evidence.ts';

export const SEED = '4242';

// Few property runs: these tests are about reports, not about finding inputs.
const RUNS = ['--runs', '5'];

type Target = { api: { url: string }; env: NodeJS.ProcessEnv };

/** The target's environment without the CI variables of whatever machine runs the tests. */
export function quietEnv(env: NodeJS.ProcessEnv, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { GITHUB_ACTIONS: _a, GITHUB_STEP_SUMMARY: _s, CI: _c, ...rest } = env;
  return { ...rest, ...extra };
}

/** `harden run` on the reference manifest against a test target, reports in a fresh folder. */
export function runAgainst(target: Target, extra: string[] = [], env: NodeJS.ProcessEnv = quietEnv(target.env)): Promise<CliResult> {
  return runCli(['run', REFERENCE_MANIFEST, '--base-url', target.api.url, '--seed', SEED, ...RUNS, ...extra], env);
}

export const readReport = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');

export const readEvidence = (dir: string) => JSON.parse(readReport(dir, 'evidence.json')) as EvidenceDocument;

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => void;
let validate: ReturnType<Ajv2020['compile']> | undefined;

/** Validates an evidence document against src/report/evidence.schema.json (JSON Schema 2020-12). */
export function validateEvidence(doc: unknown): string[] {
  if (!validate) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(readFileSync('src/report/evidence.schema.json', 'utf8')));
  }
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.ts';
import type { Redactor } from '../src/transport/redactor.ts';
import { startReferenceApi, type ReferenceApi } from '../fixtures/reference-api/index.ts';

export const REFERENCE_MANIFEST = 'fixtures/reference-api/manifest.yaml';
/** The same API with locally signed tokens, so forged-token cases run too. */
export const REFERENCE_JWT_MANIFEST = 'fixtures/reference-api/manifest.jwt.yaml';

/** A reference API with fresh credentials, and a way to run the CLI in-process against it. */
export async function startTarget(regressions: string[] = []) {
  const clientId = 'harden-test';
  const clientSecret = randomBytes(24).toString('base64url');
  const jwtSecret = randomBytes(32).toString('base64url');
  const api: ReferenceApi = await startReferenceApi({ clientId, clientSecret, jwtSecret, regressions });
  // Tests must not write to a real CI job summary or print annotations into it.
  const { GITHUB_STEP_SUMMARY: _summary, GITHUB_ACTIONS: _actions, ...quiet } = process.env;
  const env = { ...quiet, HARDEN_CLIENT_ID: clientId, HARDEN_CLIENT_SECRET: clientSecret, REFERENCE_JWT_SECRET: jwtSecret };
  return { api, env, clientSecret, jwtSecret, close: () => api.close() };
}

export interface CliResult {
  code: number;
  out: string;
  err: string;
  reports: string;
  secrets: readonly string[];
}

/** Runs `harden <args>` in-process, capturing output, with reports in a fresh folder. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  const reports = mkdtempSync(join(tmpdir(), 'harden-reports-'));
  const out: string[] = [];
  const err: string[] = [];
  let redactor: Redactor | undefined;
  const withJunit = args[0] === 'run' && !args.includes('--junit') ? [...args, '--junit', join(reports, 'junit.xml')] : args;
  const code = await main(withJunit, { env, out: (l) => out.push(l), err: (l) => err.push(l), onRedactor: (r) => (redactor = r) });
  return { code, out: out.join('\n'), err: err.join('\n'), reports, secrets: redactor?.secrets ?? [] };
}

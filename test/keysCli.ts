import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKeysApi } from '../fixtures/keys-api/index.ts';
import { spawnBounded, type EvidenceCase, type OauthRun } from './oauthCli.ts';

export const KEYS_DOCUMENT = 'fixtures/keys-api/openapi.yaml';
/** API keys issued to alice through the key routes, revoked there. */
export const KEYS_OVERLAY = 'fixtures/keys-api/overlay.yaml';
/** HTTP Basic: one user per scope, user:password from the environment. */
export const BASIC_OVERLAY = 'fixtures/keys-api/overlay.basic.yaml';

/**
 * Starts a fresh notes target (with its regressions), runs `harden run` on it as a child process
 * with the credentials in the environment only, and reads back the exit code, output and evidence.
 * Every secret the run could have leaked (passwords, Basic credentials, every key issued) is searched
 * for in the output and the four reports.
 */
export async function runHardenOnKeys(options: { seed: number; runs: number; overlay: string; regressions?: string[]; suites?: string }): Promise<OauthRun> {
  const api = await startKeysApi({ regressions: options.regressions ?? [] });
  const reports = mkdtempSync(join(tmpdir(), 'harden-keys-'));
  try {
    const { GITHUB_STEP_SUMMARY: _s, GITHUB_ACTIONS: _a, ...quiet } = process.env;
    const { alice, bob, reader, writer } = api.users;
    const env = { ...quiet, NOTES_USER: 'alice', NOTES_PASSWORD: alice!.password, NOTES_OTHER_USER: 'bob', NOTES_OTHER_PASSWORD: bob!.password, NOTES_READER: `reader:${reader!.password}`, NOTES_WRITER: `writer:${writer!.password}` };
    const args = ['--import', 'tsx', 'src/cli/bin.ts', 'run', KEYS_DOCUMENT, '--overlay', options.overlay, '--base-url', api.url, '--seed', String(options.seed), '--runs', String(options.runs), '--reports-dir', reports, '--no-progress'];
    if (options.suites) args.push('--suites', options.suites);
    const { code, stdout, stderr } = await spawnBounded(process.execPath, args, env);
    let cases: EvidenceCase[] = [];
    let reportText = '';
    try {
      reportText = ['evidence.json', 'junit.xml', 'summary.md', 'report.html'].map((f) => readFileSync(join(reports, f), 'utf8')).join('\n');
      cases = (JSON.parse(readFileSync(join(reports, 'evidence.json'), 'utf8')) as { cases: EvidenceCase[] }).cases;
    } catch {
      // No reports (exit 2 or 3 before the run): the exit code and stderr say why.
    }
    const everything = `${stdout}\n${stderr}\n${reportText}`;
    const basic = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');
    const secrets = [
      ...[alice!, bob!, reader!, writer!].flatMap((u) => [u.password, basic(u.name, u.password)]),
      ...api.issuedKeys(),
    ];
    const leaked = secrets.filter((secret) => everything.includes(secret)).map((_, i) => `secret #${i + 1}`);
    return { code, stdout, stderr, cases, leaked };
  } finally {
    await api.close();
    rmSync(reports, { recursive: true, force: true });
  }
}

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKeysApi } from '../fixtures/keys-api/index.ts';
import { runHardenChild, type OauthRun } from './oauthCli.ts';

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
export async function runHardenOnKeys(options: {
  seed: number;
  runs: number;
  overlay: string;
  regressions?: string[];
  suites?: string;
  /** Something between the run and the target (a proxy), given the target's URL. */
  via?: (target: string) => Promise<{ url: string; close: () => Promise<void> }>;
}): Promise<OauthRun> {
  const { via, ...run } = options;
  const api = await startKeysApi({ regressions: options.regressions ?? [] });
  const front = via ? await via(api.url) : undefined;
  const reports = mkdtempSync(join(tmpdir(), 'harden-keys-'));
  try {
    const { GITHUB_STEP_SUMMARY: _s, GITHUB_ACTIONS: _a, ...quiet } = process.env;
    const { alice, bob, reader, writer } = api.users;
    const env = { ...quiet, NOTES_USER: 'alice', NOTES_PASSWORD: alice!.password, NOTES_OTHER_USER: 'bob', NOTES_OTHER_PASSWORD: bob!.password, NOTES_READER: `reader:${reader!.password}`, NOTES_WRITER: `writer:${writer!.password}` };
    const basic = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');
    return await runHardenChild({ ...run, document: KEYS_DOCUMENT, baseUrl: front?.url ?? api.url, reports, env }, () => [
      ...[alice!, bob!, reader!, writer!].flatMap((u) => [u.password, basic(u.name, u.password)]),
      ...api.issuedKeys(),
    ]);
  } finally {
    await front?.close();
    await api.close();
    rmSync(reports, { recursive: true, force: true });
  }
}

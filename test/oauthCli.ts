import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOauthApi } from '../fixtures/oauth-api/index.ts';

export const OAUTH_DOCUMENT = 'fixtures/oauth-api/openapi.yaml';
export const OAUTH_OVERLAY = 'fixtures/oauth-api/overlay.yaml';
/** The same target through the password grant, whose refresh tokens the refresh cases need. */
export const OAUTH_PASSWORD_OVERLAY = 'fixtures/oauth-api/overlay.password.yaml';

/** A child run is bounded: past this it is killed and the test fails saying so. */
const CHILD_BOUND_MS = 240_000;

export interface EvidenceCase {
  id: string;
  suite: string;
  endpoint: { id: string; route: string };
  variant: string;
  verdict: string;
  status: number | null;
  findings: { check: string; code: string; message: string }[];
  matrix?: { scope: string; expected: string };
  exchanges: { request: { headers: Record<string, string>; body?: { text: string } }; response?: { status: number; headers: Record<string, string>; body?: { text: string } } }[];
}

export interface OauthRun {
  code: number | null;
  stdout: string;
  stderr: string;
  cases: EvidenceCase[];
  /** Every secret the run could have leaked: none may appear in its output or reports. */
  leaked: string[];
}

/**
 * Whether `harden run` can take the overlay's `provider: oauth2`: the manifest schema must name it and
 * the provider factory must build it. Read from the files, so the tests run as soon as both land.
 */
export function oauth2ProviderState(): { ready: boolean; reason: string } {
  const schema = readFileSync('src/manifest/manifest.schema.json', 'utf8');
  if (!schema.includes('"oauth2"')) return { ready: false, reason: 'provider: oauth2 is unknown to src/manifest/manifest.schema.json' };
  if (!readFileSync('src/tokens/createProvider.ts', 'utf8').includes("'oauth2'")) return { ready: false, reason: 'src/tokens/createProvider.ts builds no oauth2 provider yet' };
  return { ready: true, reason: '' };
}

/**
 * Starts a fresh target (with its regressions), runs `harden run` on it as a child process with the
 * credentials in the environment only, and reads back the exit code, the output and evidence.json.
 */
export async function runHardenOnOauth(options: { seed: number; runs: number; regressions?: string[]; overlay?: string; suites?: string; clientId?: string; clientSecret?: string; accessTokenTtlSeconds?: number }): Promise<OauthRun> {
  const api = await startOauthApi({ regressions: options.regressions ?? [], clientId: options.clientId, clientSecret: options.clientSecret, accessTokenTtlSeconds: options.accessTokenTtlSeconds });
  const reports = mkdtempSync(join(tmpdir(), 'harden-oauth-'));
  try {
    const { GITHUB_STEP_SUMMARY: _s, GITHUB_ACTIONS: _a, ...quiet } = process.env;
    const env = { ...quiet, OAUTH_CLIENT_ID: api.clientId, OAUTH_CLIENT_SECRET: api.clientSecret, OAUTH_USERNAME: api.username, OAUTH_PASSWORD: api.password };
    const formEncoded = (v: string) => new URLSearchParams({ v }).toString().slice(2);
    const basic = Buffer.from(`${formEncoded(api.clientId)}:${formEncoded(api.clientSecret)}`).toString('base64');
    return await runHardenChild({ ...options, document: OAUTH_DOCUMENT, overlay: options.overlay ?? OAUTH_OVERLAY, baseUrl: api.url, reports, env }, () => [api.clientSecret, formEncoded(api.clientSecret), basic, api.password, ...api.issuedTokens()]);
  } finally {
    await api.close();
    rmSync(reports, { recursive: true, force: true });
  }
}

/**
 * `harden run DOCUMENT --overlay OVERLAY` as a child process with `env`, its reports in `reports`; reads
 * back the exit code, the output and the evidence, and which of `secrets()` (asked for after the run,
 * so tokens issued during it count) appear anywhere in the output or the four reports.
 */
export async function runHardenChild(
  run: { document: string; overlay: string; baseUrl: string; reports: string; env: NodeJS.ProcessEnv; seed: number; runs: number; suites?: string },
  secrets: () => string[],
): Promise<OauthRun> {
  const args = ['--import', 'tsx', 'src/cli/bin.ts', 'run', run.document, '--overlay', run.overlay, '--base-url', run.baseUrl, '--seed', String(run.seed), '--runs', String(run.runs), '--reports-dir', run.reports, '--no-progress'];
  if (run.suites) args.push('--suites', run.suites);
  const { code, stdout, stderr } = await spawnBounded(process.execPath, args, run.env);
  let cases: EvidenceCase[] = [];
  let reportText = '';
  try {
    reportText = ['evidence.json', 'junit.xml', 'summary.md', 'report.html'].map((f) => readFileSync(join(run.reports, f), 'utf8')).join('\n');
    cases = (JSON.parse(readFileSync(join(run.reports, 'evidence.json'), 'utf8')) as { cases: EvidenceCase[] }).cases;
  } catch {
    // No reports (exit 2 or 3 before the run): the exit code and stderr say why.
  }
  const everything = `${stdout}\n${stderr}\n${reportText}`;
  const leaked = secrets().filter((secret) => everything.includes(secret)).map((_, i) => `secret #${i + 1}`);
  return { code, stdout, stderr, cases, leaked };
}

/** Runs a child process, killed past CHILD_BOUND_MS (exit code null), and collects its output. */
export function spawnBounded(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_BOUND_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** One paragraph per case that did not pass, enough to read the failure without a rerun (evidence is redacted). */
export function explainRun(run: OauthRun): string {
  const broken = run.cases.filter((c) => c.verdict !== 'passed');
  const lines = broken.map((c) => {
    const answer = c.exchanges[0]?.response;
    return [
      `${c.verdict}: ${c.id}`,
      ...c.findings.map((f) => `  [${f.check}] ${f.code}: ${f.message}`),
      ...(answer ? [`  answer: ${answer.status} ${answer.headers['content-type'] ?? ''} ${answer.body?.text.slice(0, 200) ?? ''}`] : []),
    ].join('\n');
  });
  return [`exit ${run.code}`, ...lines, run.cases.length === 0 ? run.stderr.slice(0, 2000) : ''].join('\n');
}

/** Runs `work` over `items`, at most `limit` at a time, in order of results. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

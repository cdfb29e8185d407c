/** The harness under the ceiling's load: many cases on the same route, every check on. */
import { loadManifest } from '../src/manifest/loadManifest.ts';
import type { Manifest } from '../src/manifest/types.ts';
import { buildPlan } from '../src/plan/buildPlan.ts';
import type { Case, Plan } from '../src/plan/case.ts';
import type { CaseResult } from '../src/run/caseResult.ts';
import { executeRun } from '../src/run/executeRun.ts';
import type { Reporter } from '../src/run/reporter.ts';
import { caseRecorder } from '../src/report/buildEvidence.ts';
import { CaseSpool } from '../src/report/caseSpool.ts';
import type { Redactor } from '../src/transport/redactor.ts';

export const REFERENCE_MANIFEST = 'fixtures/reference-api/manifest.yaml';

/**
 * The two route mixes, both `GET /orders/{seeded id}`:
 * - served: the positive suite's documented-example case (token with orders:read, 200, sent once;
 *   checks status, no-server-error, no-leak, response-schema with ajv).
 * - refused: the revoked-token case (401, sent twice; checks status, www-authenticate, error
 *   content type, error-schema with ajv, problem-status, deterministic, no-leak).
 */
export const MIXES = { served: 'getOrder/positive/documented-example', refused: 'getOrder/revoked-token/revoked-bearer' } as const;
export type Mix = keyof typeof MIXES;

/** `count` copies of one planned case, each with its own id (reports key on ids), as a plan. */
export function clonedPlan(manifest: Manifest, mix: Mix, count: number, seed = 1): Plan {
  const full = buildPlan(manifest, { seed, suites: ['positive', 'revoked-token'] });
  const original = full.cases.find((c) => c.id === MIXES[mix]);
  if (!original) throw new Error(`no case ${MIXES[mix]} in the reference plan (ids: ${full.cases.map((c) => c.id).join(', ')})`);
  const cases: Case[] = Array.from({ length: count }, (_, i) => ({ ...original, id: `${original.id}#${i}` }));
  const live = original.credential?.token?.kind === 'live' ? [original.credential.token.scopes] : [];
  return { ...full, cases, tokens: { scopeSets: live, revoked: original.credential?.token?.kind === 'revoked', forged: [], rotation: false, principals: {}, expired: false } };
}

export interface LoadSample {
  /** Requests on the wire, re-sends included, per second of the sending phase (after tokens, before close). */
  rps: number;
  requests: number;
  sendingMs: number;
  failed: number;
  /** CPU time of this process per request during the sending phase, µs. */
  cpuUsPerRequest: number;
  /** Per-case time outside the network at concurrency 1 (µs): gap between results minus exchange time. */
  overheadUs: number[];
}

/** Times the sending phase through reporter hooks: onRunStart fires after the session opened, onRunEnd after the last case. */
/** `evidence: false` leaves out the evidence recording the CLI does, to measure what it costs in place. */
export async function runLoad(manifest: Manifest, plan: Plan, baseUrl: string, env: NodeJS.ProcessEnv, concurrency: number, options: { evidence?: boolean } = {}): Promise<LoadSample> {
  let start = 0;
  let end = 0;
  let cpuStart = process.cpuUsage();
  let cpu = { user: 0, system: 0 };
  let last = 0;
  let requests = 0;
  let failed = 0;
  const overheadUs: number[] = [];
  const reporter: Reporter = {
    onRunStart: () => {
      start = last = performance.now();
      cpuStart = process.cpuUsage();
    },
    onCaseResult: (r: Readonly<CaseResult>) => {
      const now = performance.now();
      requests += r.exchanges.length;
      if (r.status !== 'passed') failed++;
      const network = r.exchanges.reduce((sum, e) => sum + e.durationMs, 0);
      if (concurrency === 1) overheadUs.push((now - last - network) * 1000);
      last = now;
    },
    onRunEnd: () => {
      end = performance.now();
      cpu = process.cpuUsage(cpuStart);
    },
  };
  // As the CLI runs: with a stop signal (SIGINT/SIGTERM end a run through it), and each case's
  // evidence redacted and spooled to disk as it lands (src/cli/runCommand.ts).
  const spool = new CaseSpool();
  let redactor: Redactor | undefined;
  try {
    await executeRun({
      manifest,
      plan,
      baseUrl,
      env,
      limits: { concurrency },
      signal: new AbortController().signal,
      onRedactor: (r) => (redactor = r),
      reporters: options.evidence === false ? [reporter] : [reporter, caseRecorder((c) => spool.add(c), { redact: (text) => redactor!.redact(text) })],
    });
  } finally {
    spool.close();
  }
  const sendingMs = end - start;
  return { rps: requests / (sendingMs / 1000), requests, sendingMs, failed, cpuUsPerRequest: (cpu.user + cpu.system) / requests, overheadUs };
}

export const loadReferenceManifest = () => loadManifest(REFERENCE_MANIFEST);

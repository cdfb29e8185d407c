/** The stages alone, so a regression can be located: planner, checks, redaction, evidence recording. */
import type { Manifest } from '../src/manifest/types.ts';
import { parseManifest } from '../src/manifest/parseManifest.ts';
import { buildPlan } from '../src/plan/buildPlan.ts';
import type { CaseResult } from '../src/run/caseResult.ts';
import { executeRun } from '../src/run/executeRun.ts';
import { createSchemaValidator } from '../src/checks/schemaValidator.ts';
import { runChecks } from '../src/checks/runChecks.ts';
import type { ReceivedResponse } from '../src/model/exchange.ts';
import { redactExchange } from '../src/transport/redactExchange.ts';
import { caseRecorder } from '../src/report/buildEvidence.ts';
import { CaseSpool } from '../src/report/caseSpool.ts';
import type { Redactor } from '../src/transport/redactor.ts';
import { clonedPlan, type Mix } from './harnessLoad.ts';
import { median, repeat } from './lib/stats.ts';

export interface PlannerRow {
  manifest: string;
  cases: number;
  /** First plan of a freshly parsed manifest (arbitraries built), and later plans (cached). */
  coldMs: number;
  warmMs: number;
  coldCasesPerSec: number;
  warmCasesPerSec: number;
}

/** `text`: manifest source, parsed anew for every cold repetition so no cache survives. */
export async function measurePlanner(name: string, text: string, file: string, reps: number, runs?: number): Promise<PlannerRow> {
  const cold: number[] = [];
  const warm: number[] = [];
  let cases = 0;
  await repeat(reps, () => {
    const manifest = parseManifest(text, file);
    let started = performance.now();
    cases = buildPlan(manifest, { seed: 7, runs }).cases.length;
    cold.push(performance.now() - started);
    started = performance.now();
    buildPlan(manifest, { seed: 8, runs });
    warm.push(performance.now() - started);
  });
  const coldMs = median(cold);
  const warmMs = median(warm);
  return { manifest: name, cases, coldMs, warmMs, coldCasesPerSec: cases / (coldMs / 1000), warmCasesPerSec: cases / (warmMs / 1000) };
}

export interface ChecksRow {
  mix: Mix;
  cases: number;
  exchanges: number;
  checksPerSec: number;
  redactPerSec: number;
  /** Results turned into redacted evidence and appended to a spool, as the CLI's reporter does. */
  recordPerSec: number;
}

/** Records a real run's exchanges once, then times runChecks and redaction over them (CPU only, no network). */
export async function measureChecks(manifest: Manifest, mix: Mix, baseUrl: string, env: NodeJS.ProcessEnv, cases: number, reps: number): Promise<ChecksRow> {
  const results: CaseResult[] = [];
  let redactor: Redactor | undefined;
  await executeRun({
    manifest,
    plan: clonedPlan(manifest, mix, cases),
    baseUrl,
    env,
    onRedactor: (r) => (redactor = r),
    reporters: [{ onCaseResult: (r) => void results.push(r as CaseResult) }],
  });
  const secrets = redactor!.secrets;
  const schemas = createSchemaValidator(manifest);
  const exchanges = results.reduce((n, r) => n + r.exchanges.length, 0);
  const checkTimes = await repeat(reps, () => {
    const started = performance.now();
    for (const r of results) {
      const responses = r.exchanges.map((e) => e.response).filter((x): x is ReceivedResponse => x !== undefined);
      runChecks({ case: r.case, responses, exchanges: r.exchanges, contract: manifest.errors, secrets, schemas });
    }
    return performance.now() - started;
  }, 1);
  const redactTimes = await repeat(reps, () => {
    const started = performance.now();
    for (const r of results) for (const e of r.exchanges) redactExchange(e, redactor!);
    return performance.now() - started;
  }, 1);
  const recordTimes = await repeat(reps, () => {
    const spool = new CaseSpool();
    const recorder = caseRecorder((c) => spool.add(c), { redact: (text) => redactor!.redact(text) });
    recorder.onRunStart!({ plan: { seed: 1, service: manifest.service, cases: [], tokens: { scopeSets: [], revoked: false, forged: [], rotation: false, principals: {}, expired: false } }, baseUrl, manifestFile: manifest.source, startedAt: new Date() });
    const started = performance.now();
    results.forEach((r, i) => recorder.onCaseResult!(r, i));
    const ms = performance.now() - started;
    spool.close();
    return ms;
  }, 1);
  return { mix, cases: results.length, exchanges, checksPerSec: exchanges / (median(checkTimes) / 1000), redactPerSec: exchanges / (median(redactTimes) / 1000), recordPerSec: results.length / (median(recordTimes) / 1000) };
}

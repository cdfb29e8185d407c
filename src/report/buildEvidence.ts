import type { CaseResult } from '../run/caseResult.ts';
import type { Reporter } from '../run/reporter.ts';
import type { RotationProbe, RotationRecord } from '../run/rotationRecord.ts';
import type { RunSummary } from '../run/summarise.ts';
import type { ScopeMatrix } from '../run/scopeMatrix.ts';
import { caseList } from './caseSource.ts';
import { countVerdicts } from './countVerdicts.ts';
import { EVIDENCE_SCHEMA_VERSION, type Evidence, type EvidenceCase, type EvidenceHead, type EvidenceMatrix, type EvidenceProbe, type EvidenceRotation, type ShardInfo } from './evidence.ts';
import { evidenceCase, type ReplayContext } from './evidenceCase.ts';
import { redactBuilt } from './redactDeep.ts';

/** Facts about the tool and the machine, gathered by the CLI so this stays a pure function. */
export interface EvidenceContext {
  tool: { name: string; version: string };
  environment: { node: string; platform: string; hostname: string };
  /** Position of a case in the whole plan (before sharding); defaults to its position in the run. */
  planIndex?: (caseId: string) => number | undefined;
  shard?: ShardInfo;
  /** How a selective run chose its endpoints. */
  selection?: string;
  /** Why the run did not reach every case, when it did not. */
  incomplete?: string;
  /** Suites whose not-proven cases fail the gate. */
  require?: readonly string[];
}

/** The shapes of token labels (token#3, jwt#2 (revoked), $ENV_NAME) and redaction markers. */
const TOKEN_LABEL = /^(\[REDACTED[^\]]*\]|(token|jwt)#\d+( \([a-z: ]+\))?|\$[A-Za-z_][A-Za-z0-9_]*|unknown)$/;

/** A token in evidence is only ever a label; anything else is masked outright, in case a value slipped through. */
const label = (token: string) => (TOKEN_LABEL.test(token) ? token : '[REDACTED]');

const probe = (p: RotationProbe): EvidenceProbe => ({ endpointId: p.endpointId, route: p.route, caseId: p.caseId, status: p.status ?? null, challengeError: p.challengeError ?? null, held: p.held });

function rotation(r: RotationRecord): EvidenceRotation {
  return { oldToken: label(r.oldToken), newToken: label(r.newToken), issuedAt: r.issuedAt, validated: r.validated.map(probe), revokedAt: r.revokedAt, rejected: r.rejected.map(probe), stillAccepted: r.stillAccepted.map(probe), held: r.held };
}

function matrix(m: ScopeMatrix): EvidenceMatrix {
  return {
    scopes: [...m.scopes],
    endpoints: m.endpoints.map((e) => ({ ...e })),
    cells: m.cells.map((c) => ({ endpointId: c.endpointId, route: c.route, scope: c.scope, expected: c.expected, observed: c.observed, status: c.status ?? null, caseId: c.caseId, drift: c.drift })),
  };
}

/** Everything of a finished run's evidence but its cases: run facts, counts, the matrix, the drill. */
export function evidenceHead(summary: Readonly<RunSummary>, context: EvidenceContext): EvidenceHead {
  return {
    schemaVersion: EVIDENCE_SCHEMA_VERSION,
    tool: { ...context.tool },
    run: {
      service: summary.service,
      seed: summary.seed,
      startedAt: summary.startedAt.toISOString(),
      finishedAt: summary.finishedAt.toISOString(),
      durationMs: summary.finishedAt.getTime() - summary.startedAt.getTime(),
      ...(context.shard ? { shard: { ...context.shard } } : {}),
      ...(context.selection ? { selection: context.selection } : {}),
      ...(context.incomplete !== undefined ? { incomplete: context.incomplete } : {}),
      ...(context.require !== undefined && context.require.length > 0 ? { require: [...context.require] } : {}),
    },
    manifest: { path: summary.manifestFile, sha256: summary.manifestSha256 },
    environment: { baseUrl: new URL(summary.baseUrl).origin, ...context.environment },
    totals: { ...summary.totals },
    suites: Object.fromEntries(Object.entries(summary.suites).map(([suite, counts]) => [suite, { ...counts }])) as EvidenceHead['suites'],
    scopeMatrix: matrix(summary.scopeMatrix),
    ...(summary.rotation ? { rotation: rotation(summary.rotation) } : {}),
    warnings: [...summary.warnings],
  };
}

/**
 * A reporter that turns each result into its evidence case as it lands, redacts every string of
 * it, and hands it to `add` (a spool): the result itself can then be dropped. Redacting here,
 * before any renderer escapes a string (JSON \u-escapes, HTML entities), keeps a secret
 * recognisable to the redactor.
 */
export function caseRecorder(add: (c: EvidenceCase) => void, options: { redact: (text: string) => string; planIndex?: EvidenceContext['planIndex']; replayFlags?: readonly string[]; replayPrefix?: string }): Reporter {
  let where: ReplayContext | undefined;
  return {
    onRunStart({ plan, baseUrl, manifestFile }) {
      where = { manifestFile, seed: plan.seed, baseUrl, replayFlags: options.replayFlags, replayPrefix: options.replayPrefix };
    },
    onCaseResult(result, index) {
      add(redactBuilt(evidenceCase(result, options.planIndex?.(result.case.id) ?? index, where!), options.redact));
    },
  };
}

/**
 * The evidence of a run whose results were kept (tests, small runs), with the cases in memory.
 * Counts are read off the cases, as a merge does.
 */
export function buildEvidence(summary: Readonly<RunSummary>, results: readonly CaseResult[], context: EvidenceContext): Evidence {
  const where = { manifestFile: summary.manifestFile, seed: summary.seed, baseUrl: summary.baseUrl, replayFlags: summary.replayFlags, replayPrefix: summary.replayPrefix };
  const cases = results.map((r, i) => evidenceCase(r, context.planIndex?.(r.case.id) ?? i, where));
  return { ...evidenceHead(summary, context), ...countVerdicts(cases), cases: caseList(cases) };
}

import type { SuiteCounts } from '../model/counts.ts';
import type { DriftItem } from '../model/drift.ts';
import type { SuiteId } from '../plan/case.ts';
import type { CaseSource } from './caseSource.ts';

/**
 * The evidence document (reports/evidence.json): the one record every other report is rendered
 * from, so a merged set of shards renders exactly like an unsharded run. Its JSON Schema is
 * src/report/evidence.schema.json; the version below is its `$id` and must change with it
 * (docs/reports.md, "Schema versions").
 */
export const EVIDENCE_SCHEMA_VERSION = '1.2.0';
export const EVIDENCE_SCHEMA_ID = `urn:api-harden:evidence:${EVIDENCE_SCHEMA_VERSION}`;

/** A case's verdict; `skipped` is rendered when the run reports it (a case the manifest excludes). */
export type Verdict = 'passed' | 'failed' | 'error' | 'skipped' | 'not-proven';

/** The start of a body, cut at a byte limit on a character boundary. */
export interface BodyExcerpt {
  text: string;
  /** Size of the whole body in UTF-8 bytes. */
  bytes: number;
  /** The text is not the whole body (cut for the excerpt, or at the response cap). */
  truncated: boolean;
}

export interface EvidenceExchange {
  request: { method: string; url: string; headers: Record<string, string>; body?: BodyExcerpt };
  /** Only the headers the checks judge: content-type, www-authenticate, location. */
  response?: { status: number; headers: Record<string, string>; body?: BodyExcerpt };
  failure?: { kind: string; code: string; message: string };
  durationMs: number;
}

export interface EvidenceFinding {
  code: string;
  check: string;
  severity: string;
  title: string;
  message: string;
}

export interface EvidenceCase {
  /** Position in the whole plan (before sharding): merged shards sort by it. */
  index: number;
  id: string;
  title: string;
  suite: SuiteId;
  endpoint: { id: string; route: string };
  variant: string;
  caseSeed: number;
  expected: { outcome: 'accept' | 'reject'; statuses: number[]; reason: string; challenge?: { scheme: string; errors?: (string | null)[] } };
  verdict: Verdict;
  /** HTTP status of the first answer; null when none arrived or nothing was sent. */
  status: number | null;
  durationMs: number;
  exchanges: EvidenceExchange[];
  findings: EvidenceFinding[];
  failure?: { kind: string; code: string; message: string };
  skipReason?: string;
  generated?: string;
  /** For steps that send no request (the rotation drill's issue and revoke): what was done, and when. */
  note?: string;
  at?: string;
  property?: { runs: number; shrinks: number; path?: string; counterexample?: string };
  matrix?: { scope: string; expected: 'allow' | 'deny' };
  /** The command that re-runs exactly this case. */
  replay: string;
}

/** A suite's (or the run's) verdict counts, as the evidence document writes them. */
export type Counts = SuiteCounts;

export interface EvidenceMatrixCell {
  endpointId: string;
  route: string;
  scope: string;
  expected: 'allow' | 'deny';
  observed: 'allow' | 'deny' | 'error';
  status: number | null;
  caseId: string;
  drift: 'none' | 'over-permission' | 'under-permission';
}

export interface EvidenceMatrix {
  scopes: string[];
  endpoints: { id: string; route: string }[];
  cells: EvidenceMatrixCell[];
}

export interface EvidenceProbe {
  endpointId: string;
  route: string;
  caseId: string;
  status: number | null;
  challengeError: string | null;
  held: boolean;
}

/** The rotation drill, with both tokens shown only as redaction labels. */
export interface EvidenceRotation {
  oldToken: string;
  newToken: string;
  issuedAt: string;
  validated: EvidenceProbe[];
  revokedAt: string;
  rejected: EvidenceProbe[];
  stillAccepted: EvidenceProbe[];
  held: boolean;
}

export interface ShardInfo {
  index: number;
  count: number;
}

export interface EvidenceDocument {
  schemaVersion: string;
  tool: { name: string; version: string };
  run: {
    service: string;
    seed: number;
    startedAt: string;
    finishedAt: string;
    durationMs: number;
    /** Present on a shard's own evidence. */
    shard?: ShardInfo;
    /** Present on a selective run: how its endpoints were chosen (--changed-since, --endpoint). */
    selection?: string;
    /** Present when the run did not reach every case (interrupted): why, in a sentence. Such a run cannot pass. */
    incomplete?: string;
    /** Suites whose "not proven" cases fail the gate (--require, the manifest's gate.require). */
    require?: string[];
    /** Present on merged evidence: the shards it was made from. */
    shards?: (ShardInfo & { startedAt: string; finishedAt: string; hostname: string })[];
  };
  manifest: { path: string; sha256: string };
  environment: { baseUrl: string; node: string; platform: string; hostname: string };
  totals: Counts;
  suites: Record<SuiteId, Counts>;
  /** In plan order. */
  cases: EvidenceCase[];
  scopeMatrix: EvidenceMatrix;
  rotation?: EvidenceRotation;
  warnings: string[];
  /** Present when the run was compared with an approved baseline. */
  baseline?: { file: string; seed: number; drift: DriftItem[] };
}

/** Everything in an evidence document but its cases. */
export type EvidenceHead = Omit<EvidenceDocument, 'cases'>;

/**
 * The evidence every report is rendered from: the head, and the cases read in plan order from a
 * source (a run's spool on disk, or a merged document's array).
 */
export type Evidence = EvidenceHead & { cases: CaseSource };

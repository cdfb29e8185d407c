import { runChecks } from '../checks/runChecks.ts';
import type { SchemaValidator } from '../checks/schemaValidator.ts';
import type { ErrorContract } from '../manifest/types.ts';
import type { Case } from '../plan/case.ts';
import type { CaseResult } from './caseResult.ts';
import { checkExposure } from './listeners.ts';
import { skippedResult } from './skippedResult.ts';

/**
 * The exposure suite's case: reads the socket table for the target's port (the only I/O), then lets
 * the registered checks of listening sockets judge it. No socket table to read is a skip.
 */
export function exposureResult(c: Case, baseUrl: URL, contract: ErrorContract, schemas: SchemaValidator): CaseResult {
  const started = performance.now();
  const read = checkExposure(baseUrl.href);
  if (read.verdict === 'skip' || read.port === undefined) return skippedResult(c, read.reason);
  const findings = runChecks({ case: c, responses: [], exchanges: [], contract, secrets: [], schemas, listeners: { port: read.port, sockets: read.listeners } });
  const listeners = read.listeners.map((l) => `${l.address}:${l.port} (${l.kind})`).join(', ');
  return {
    case: c,
    status: findings.length === 0 ? 'passed' : 'failed',
    findings,
    exchanges: [],
    durationMs: performance.now() - started,
    note: `listening on ${listeners || 'nothing'}`,
    at: new Date().toISOString(),
  };
}

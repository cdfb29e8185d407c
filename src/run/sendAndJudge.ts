import type { Dispatcher } from 'undici';
import type { Finding } from '../model/finding.ts';
import type { SchemaValidator } from '../checks/schemaValidator.ts';
import type { Disclosure, ErrorContract } from '../manifest/types.ts';
import type { Case, PlannedRequest } from '../plan/case.ts';
import type { TokenSet } from '../tokens/tokenSet.ts';
import type { Exchange, TransportFailure } from '../model/exchange.ts';
import type { TransportLimits } from '../model/limits.ts';
import type { Redactor } from '../transport/redactor.ts';
import { sendRequest } from '../transport/sendRequest.ts';
import { judgeCase } from './judgeCase.ts';
import { materialise } from './materialise.ts';

/** The raw result of sending one request of a case (and its repeat) and judging it. Not yet redacted. */
export interface Outcome {
  exchanges: Exchange[];
  findings: Finding[];
  failure?: TransportFailure;
}

const UNSAFE_TO_REPEAT = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface SendDeps {
  baseUrl: URL;
  dispatcher: Dispatcher;
  limits: TransportLimits;
  tokens: TokenSet;
  contract: ErrorContract;
  schemas: SchemaValidator;
  redactor: Redactor;
  /** The manifest's `disclosure`, for no-leak. */
  disclosure?: Disclosure;
  /** Aborted when the run is interrupted. */
  stop?: AbortSignal;
}

/**
 * A connection reset before any answer, while sending a body the case expects to be refused as too
 * large: RFC 9110 §15.5.14 lets the server close the connection instead of reading such a body, and a
 * server that closes at once (without RFC 9112 §9.6's staged close) resets it under the client's
 * upload, so the 413 it wrote may never be read. That is a refusal, not an infrastructure error; the
 * exchange keeps the reset as evidence. A reset on a body the API must read is still an error.
 */
export function closedOnOversizedBody(c: Case, exchange: Exchange, contract: ErrorContract): boolean {
  if (exchange.failure?.kind !== 'connection-reset' || exchange.response !== undefined || exchange.request.body === undefined) return false;
  return c.expect.statuses.some((status) => contract.statuses.tooLarge.includes(status));
}

/** Sends a case's request (twice where determinism is checked and it is safe) and runs every check. */
export async function sendAndJudge(c: Case, planned: PlannedRequest, deps: SendDeps): Promise<Outcome> {
  const request = materialise({ ...c, request: planned }, deps.baseUrl, deps.tokens);
  const exchanges: Exchange[] = [await sendRequest(deps.dispatcher, request, deps.limits, deps.stop)];
  const first = exchanges[0]!.response;
  // Re-send only what the API refused or what cannot change state: a served write must not run twice.
  const served = first !== undefined && first.status < 300;
  if (c.repeat && first && !(served && UNSAFE_TO_REPEAT.has(c.request.method))) {
    const repeat = await sendRequest(deps.dispatcher, request, deps.limits, deps.stop);
    // RFC 9110 §15.5.14: a server refusing a body as too large may close the connection; the repeat's
    // body, still being written, then meets a reset that hides the answer. The first answer stands alone.
    if (!(first.status === 413 && repeat.failure?.kind === 'connection-reset')) exchanges.push(repeat);
  }
  const failure = exchanges.find((e) => e.failure && !closedOnOversizedBody(c, e, deps.contract))?.failure;
  const findings = judgeCase(c, exchanges, deps.contract, deps.redactor.secrets, deps.schemas, deps.disclosure);
  return { exchanges, findings, failure };
}

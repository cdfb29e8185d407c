import { FINDING_CODES } from '../model/codes.ts';
import type { CaseResult } from '../run/caseResult.ts';
import type { Exchange } from '../model/exchange.ts';
import { EVIDENCE_HEADERS } from '../transport/redactExchange.ts';
import type { EvidenceCase, EvidenceExchange, Verdict } from './evidence.ts';
import { excerptBody } from './excerpt.ts';
import { replayCommand } from './replay.ts';


/** Where the run happened, for the replay command. */
export interface ReplayContext {
  manifestFile: string;
  seed: number;
  baseUrl: string;
  /** Flags that shape the plan (--overlay, --env, --runs, --changed-since), repeated so a replay plans the same case. */
  replayFlags?: readonly string[];
  /** What stands for `npx harden run MANIFEST --base-url URL` in the replay line (`npm start --`). */
  replayPrefix?: string;
}

function evidenceExchange(exchange: Exchange): EvidenceExchange {
  const { request, response, failure } = exchange;
  const headers: Record<string, string> = {};
  for (const name of EVIDENCE_HEADERS) {
    const value = response?.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  return {
    request: { method: request.method, url: request.url, headers: { ...request.headers }, ...(request.body === undefined ? {} : { body: excerptBody(request.body) }) },
    ...(response ? { response: { status: response.status, headers, ...(response.body ? { body: excerptBody(response.body, response.bodyBytes, response.truncated) } : {}) } } : {}),
    ...(failure ? { failure: { ...failure } } : {}),
    durationMs: round(exchange.durationMs),
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** One judged case as evidence: what was sent and answered (redacted, excerpted), and the verdict. */
export function evidenceCase(result: Readonly<CaseResult>, index: number, where: ReplayContext): EvidenceCase {
  const c = result.case;
  const verdict = result.status as Verdict;
  return {
    index,
    id: c.id,
    title: c.title,
    suite: c.suite,
    endpoint: { id: c.endpointId, route: c.route },
    variant: c.variant,
    caseSeed: c.seed,
    expected: {
      outcome: c.expect.outcome,
      statuses: [...c.expect.statuses],
      reason: c.expect.reason,
      ...(c.expect.challenge ? { challenge: { scheme: c.expect.challenge.scheme, ...(c.expect.challenge.errors ? { errors: [...c.expect.challenge.errors] } : {}) } } : {}),
    },
    verdict,
    status: result.exchanges[0]?.response?.status ?? null,
    durationMs: round(result.durationMs),
    exchanges: result.exchanges.map(evidenceExchange),
    findings: result.findings.map((f) => ({ code: f.code, check: f.checkId, severity: FINDING_CODES[f.code].severity, title: FINDING_CODES[f.code].title, message: f.message })),
    ...(result.failure ? { failure: { ...result.failure } } : {}),
    ...(verdict === 'skipped' || verdict === 'not-proven' ? { skipReason: result.skipReason ?? 'excluded by the manifest' } : {}),
    ...(c.generated ? { generated: c.generated } : {}),
    ...(result.note ? { note: result.note } : {}),
    ...(result.at ? { at: result.at } : {}),
    ...(result.property ? { property: { ...result.property } } : {}),
    ...(c.matrix ? { matrix: { ...c.matrix } } : {}),
    replay: replayCommand(c, where.manifestFile, where.seed, where.baseUrl, result.property?.path, where.replayFlags, where.replayPrefix),
  };
}

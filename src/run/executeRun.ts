import type { Manifest } from '../manifest/types.ts';
import type { Plan } from '../plan/case.ts';
import { createProvider } from '../tokens/createProvider.ts';
import { acquireTokens, releaseTokens, type TokenSet } from '../tokens/tokenSet.ts';
import { createDispatcher } from '../transport/createDispatcher.ts';
import { guardTarget } from '../transport/guardTarget.ts';
import { DEFAULT_LIMITS, type TransportLimits } from '../transport/limits.ts';
import { probeTarget } from '../transport/probeTarget.ts';
import { redactExchange } from '../transport/redactExchange.ts';
import { Redactor } from '../transport/redactor.ts';
import { sendRequest } from '../transport/sendRequest.ts';
import type { Exchange } from '../transport/exchange.ts';
import type { CaseResult } from './caseResult.ts';
import { createSchemaValidator, judgeCase } from './judgeCase.ts';
import { mapConcurrent } from './mapConcurrent.ts';
import { materialise } from './materialise.ts';
import { emit, type Reporter } from './reporter.ts';
import { sendOrder } from './sendOrder.ts';
import { countResults, type RunSummary } from './summarise.ts';

export interface RunOptions {
  manifest: Manifest;
  plan: Plan;
  baseUrl: string;
  allowHosts?: readonly string[];
  limits?: Partial<TransportLimits>;
  env?: NodeJS.ProcessEnv;
  reporters?: readonly Reporter[];
  /** Receives the redactor once the run holds secrets, so front ends can scrub their own output. */
  onRedactor?: (redactor: Redactor) => void;
}

const UNSAFE_TO_REPEAT = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * One run: guard and probe the target, obtain tokens, send every case, judge, redact, report.
 * Throws HardenError for faults of the harness or target (refused, unreachable, token provider);
 * everything about the API's behaviour is a verdict in the summary.
 */
export async function executeRun(options: RunOptions): Promise<RunSummary> {
  const { manifest, plan } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const reporters = options.reporters ?? [];
  const baseUrl = guardTarget(options.baseUrl, options.allowHosts ?? []);
  await probeTarget(baseUrl, Math.min(limits.timeoutMs, 5_000));

  const redactor = new Redactor();
  options.onRedactor?.(redactor);
  const dispatcher = createDispatcher(limits);
  const provider = createProvider(manifest, { baseUrl, dispatcher, limits, env: options.env ?? process.env });
  const startedAt = new Date();
  const schemas = createSchemaValidator(manifest);
  let tokens: TokenSet | undefined;
  try {
    tokens = await acquireTokens(plan, provider, Object.keys(manifest.auth.scopes), redactor);
    const held = tokens;
    await emit(reporters, 'onRunStart', { plan, baseUrl: baseUrl.origin, manifestFile: manifest.source, startedAt });

    const order = sendOrder(plan.cases);
    const results = new Array<CaseResult>(plan.cases.length);
    await mapConcurrent(order, limits.concurrency, async (index) => {
      const c = plan.cases[index]!;
      const request = materialise(c, baseUrl, held);
      const exchanges: Exchange[] = [await sendRequest(dispatcher, request, limits)];
      const first = exchanges[0]!.response;
      // Re-send only what the API refused or what cannot change state: a served write must not run twice.
      const served = first !== undefined && first.status < 300;
      if (c.repeat && first && !(served && UNSAFE_TO_REPEAT.has(c.request.method))) exchanges.push(await sendRequest(dispatcher, request, limits));
      const failure = exchanges.find((e) => e.failure)?.failure;
      const findings = judgeCase(c, exchanges, manifest.errors, redactor.secrets, schemas).map((f) => ({ ...f, message: redactor.redact(f.message) }));
      const result: CaseResult = {
        case: c,
        status: failure ? 'error' : findings.length > 0 ? 'failed' : 'passed',
        findings,
        exchanges: exchanges.map((e) => redactExchange(e, redactor)),
        failure: failure && { ...failure, message: redactor.redact(failure.message) },
        durationMs: exchanges.reduce((sum, e) => sum + e.durationMs, 0),
      };
      results[index] = result;
      await emit(reporters, 'onCaseResult', result);
    });

    const summary: RunSummary = {
      seed: plan.seed,
      service: plan.service,
      baseUrl: baseUrl.origin,
      manifestFile: manifest.source,
      startedAt,
      finishedAt: new Date(),
      results,
      ...countResults(results),
    };
    await emit(reporters, 'onRunEnd', summary);
    return summary;
  } finally {
    if (tokens) await releaseTokens(tokens, provider);
    await dispatcher.close();
  }
}

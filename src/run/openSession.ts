import type { Manifest } from '../manifest/types.ts';
import type { Case, Plan } from '../plan/case.ts';
import { createProvider } from '../tokens/createProvider.ts';
import { acquireTokens, releaseTokens, type TokenSet } from '../tokens/tokenSet.ts';
import { createDispatcher } from '../transport/createDispatcher.ts';
import type { Exchange } from '../transport/exchange.ts';
import { guardTarget } from '../transport/guardTarget.ts';
import { DEFAULT_LIMITS, type TransportLimits } from '../transport/limits.ts';
import { probeTarget } from '../transport/probeTarget.ts';
import { redactExchange } from '../transport/redactExchange.ts';
import { Redactor } from '../transport/redactor.ts';
import { sendRequest } from '../transport/sendRequest.ts';
import type { CaseResult } from './caseResult.ts';
import { createSchemaValidator, judgeCase } from './judgeCase.ts';
import { materialise } from './materialise.ts';

export interface SessionOptions {
  manifest: Manifest;
  plan: Plan;
  baseUrl: string;
  allowHosts?: readonly string[];
  limits?: Partial<TransportLimits>;
  env?: NodeJS.ProcessEnv;
}

/** A target made ready for cases: guarded, probed, tokens held. Shared by the CLI run and the vitest front. */
export interface Session {
  baseUrl: URL;
  limits: TransportLimits;
  redactor: Redactor;
  runCase(c: Case): Promise<CaseResult>;
  /** Revokes what the session issued and closes connections. */
  close(): Promise<void>;
}

const UNSAFE_TO_REPEAT = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Guards and probes the target, then obtains every token the plan needs.
 * Throws HardenError (refused, unreachable, token provider) before any case is sent.
 */
export async function openSession(options: SessionOptions, redactor = new Redactor()): Promise<Session> {
  const { manifest, plan } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const baseUrl = guardTarget(options.baseUrl, options.allowHosts ?? []);
  await probeTarget(baseUrl, Math.min(limits.timeoutMs, 5_000));
  const dispatcher = createDispatcher(limits);
  const schemas = createSchemaValidator(manifest);
  let tokens: TokenSet;
  const provider = createProvider(manifest, { baseUrl, dispatcher, limits, env: options.env ?? process.env });
  try {
    tokens = await acquireTokens(plan, provider, Object.keys(manifest.auth.scopes), redactor);
  } catch (error) {
    await dispatcher.close();
    throw error;
  }

  return {
    baseUrl,
    limits,
    redactor,
    async runCase(c) {
      const request = materialise(c, baseUrl, tokens);
      const exchanges: Exchange[] = [await sendRequest(dispatcher, request, limits)];
      const first = exchanges[0]!.response;
      // Re-send only what the API refused or what cannot change state: a served write must not run twice.
      const served = first !== undefined && first.status < 300;
      if (c.repeat && first && !(served && UNSAFE_TO_REPEAT.has(c.request.method))) exchanges.push(await sendRequest(dispatcher, request, limits));
      const failure = exchanges.find((e) => e.failure)?.failure;
      const findings = judgeCase(c, exchanges, manifest.errors, redactor.secrets, schemas).map((f) => ({ ...f, message: redactor.redact(f.message) }));
      return {
        case: c,
        status: failure ? 'error' : findings.length > 0 ? 'failed' : 'passed',
        findings,
        exchanges: exchanges.map((e) => redactExchange(e, redactor)),
        failure: failure && { ...failure, message: redactor.redact(failure.message) },
        durationMs: exchanges.reduce((sum, e) => sum + e.durationMs, 0),
      };
    },
    async close() {
      await releaseTokens(tokens, provider);
      await dispatcher.close();
    },
  };
}

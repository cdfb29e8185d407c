import { setTimeout as sleep } from 'node:timers/promises';
import type { Manifest } from '../manifest/types.ts';
import type { Case, Plan } from '../plan/case.ts';
import { createProvider } from '../tokens/createProvider.ts';
import { acquirePrincipalTokens, acquireTokens, releaseTokens, type PrincipalTokens, type TokenSet } from '../tokens/tokenSet.ts';
import { OwnershipLedger } from './ownershipStep.ts';
import { refreshAction } from './refreshAction.ts';
import type { TokenProvider } from '../tokens/provider.ts';
import { createDispatcher } from '../transport/createDispatcher.ts';
import { guardTarget } from '../transport/guardTarget.ts';
import type { TransportLimits } from '../model/limits.ts';
import { DEFAULT_LIMITS } from '../transport/limits.ts';
import { probeTarget } from '../transport/probeTarget.ts';
import { redactExchange } from '../transport/redactExchange.ts';
import { Redactor } from '../transport/redactor.ts';
import type { CaseResult } from './caseResult.ts';
import { createSchemaValidator } from '../checks/schemaValidator.ts';
import { rotationAction } from './rotationAction.ts';
import { notProvenResult, skippedResult } from './skippedResult.ts';
import { exposureResult } from './exposureResult.ts';
import { TamperNotApplicableError, TokenUnavailableError } from './materialise.ts';
import { runProperty, type PropertyRecord } from './runProperty.ts';
import { sendAndJudge, type Outcome, type SendDeps } from './sendAndJudge.ts';

export interface SessionOptions {
  manifest: Manifest;
  plan: Plan;
  baseUrl: string;
  allowHosts?: readonly string[];
  limits?: Partial<TransportLimits>;
  env?: NodeJS.ProcessEnv;
  /** Aborting it stops the run: cases not yet answered are reported as skipped. */
  signal?: AbortSignal;
}

/** A target made ready for cases: guarded, probed, tokens held. Shared by the CLI run and the vitest front. */
export interface Session {
  baseUrl: URL;
  limits: TransportLimits;
  redactor: Redactor;
  /** Sends and judges one case; a property case runs all its samples (or replays `replayPath`). */
  runCase(c: Case, replayPath?: string): Promise<CaseResult>;
  /** Revokes what the session issued and closes connections. */
  close(): Promise<void>;
}

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
  let provider: TokenProvider;
  const others: PrincipalTokens[] = [];
  const ledger = new OwnershipLedger(manifest);
  try {
    provider = await createProvider(manifest, { baseUrl, dispatcher, limits, env: options.env ?? process.env });
    tokens = await acquireTokens(plan, provider, Object.keys(manifest.auth.scopes), redactor, (manifest.limits.expiryWaitSeconds ?? 0) * 1000);
    for (const [name, scopeSets] of Object.entries(plan.tokens.principals)) {
      const own = await createProvider({ ...manifest, auth: { ...manifest.auth, tokens: manifest.principals[name]!.tokens } }, { baseUrl, dispatcher, limits, env: options.env ?? process.env });
      const held = await acquirePrincipalTokens(name, scopeSets, own, redactor);
      others.push(held);
      (tokens.principals ??= new Map()).set(name, held.live);
    }
  } catch (error) {
    for (const other of others) await releaseTokens({ live: other.live, forged: new Map() }, other.provider);
    await dispatcher.close();
    throw error;
  }

  const deps: SendDeps = { baseUrl, dispatcher, limits, tokens, contract: manifest.errors, schemas, redactor, disclosure: manifest.disclosure, stop: options.signal };
  const toResult = (c: Case, outcome: Outcome, property?: PropertyRecord): CaseResult =>
    outcome.failure?.kind === 'interrupted' ? skippedResult(c, 'not finished: the run was interrupted') : ({
    case: c,
    status: outcome.failure ? 'error' : outcome.findings.length > 0 ? 'failed' : 'passed',
    findings: outcome.findings.map((f) => ({ ...f, message: redactor.redact(f.message) })),
    exchanges: outcome.exchanges.map((e) => redactExchange(e, redactor)),
    failure: outcome.failure && { ...outcome.failure, message: redactor.redact(outcome.failure.message) },
    durationMs: outcome.exchanges.reduce((sum, e) => sum + e.durationMs, 0),
    property: property && { ...property, counterexample: property.counterexample && redactor.redact(property.counterexample) },
  });

  return {
    baseUrl,
    limits,
    redactor,
    async runCase(c, replayPath) {
      if (c.skip !== undefined) return skippedResult(c, c.skip);
      if (c.unproven !== undefined) return notProvenResult(c, c.unproven);
      if (options.signal?.aborted) return skippedResult(c, 'not run: the run was interrupted');
      if (c.exposure) return exposureResult(c, baseUrl, manifest.errors, schemas);
      if (c.rotation === 'issue-replacement' || c.rotation === 'revoke-old') {
        return rotationAction(c, provider, tokens, Object.keys(manifest.auth.scopes), redactor);
      }
      if (c.credential?.token?.kind === 'expired') {
        const expiry = tokens.expired;
        if (expiry?.unavailable !== undefined) return notProvenResult(c, expiry.unavailable);
        // A second past the expiry the issuer announced, for clocks a little apart.
        const wait = (expiry?.token.expiresAt ?? 0) + 1_000 - Date.now();
        if (wait > 0) await sleep(wait, undefined, { signal: options.signal }).catch(() => undefined);
        if (options.signal?.aborted) return skippedResult(c, 'not run: the run was interrupted');
      }
      if (c.refresh) {
        return toResult(c, await refreshAction(c, { provider, dispatcher, limits, contract: manifest.errors, schemas, redactor, catalogue: Object.keys(manifest.auth.scopes), stop: options.signal }));
      }
      if (c.ownership) {
        const unavailable = c.ownership.step === 'create' ? undefined : ledger.unavailable(c);
        if (unavailable !== undefined) return notProvenResult(c, unavailable);
        const sent = c.ownership.step === 'create' ? c : ledger.concrete(c);
        const outcome = await sendAndJudge(sent, sent.request, deps);
        ledger.record(c, outcome);
        return toResult(sent, outcome);
      }
      if (!c.fuzz) {
        try {
          return toResult(c, await sendAndJudge(c, c.request, deps));
        } catch (error) {
          // Nothing was sent, so there is nothing to judge: an infrastructure error, not a finding.
          if (!(error instanceof TokenUnavailableError)) throw error;
          if (error instanceof TamperNotApplicableError) return skippedResult(c, error.skipReason);
          return toResult(c, { exchanges: [], findings: [], failure: { kind: 'other', code: error.code, message: error.message } });
        }
      }
      const endpoint = manifest.endpoints.find((e) => e.id === c.endpointId)!;
      const started = performance.now();
      const { outcome, record } = await runProperty(manifest, endpoint, c, (sampleCase) => sendAndJudge(sampleCase, sampleCase.request, deps), replayPath, options.signal);
      return { ...toResult(c, outcome, record), durationMs: performance.now() - started };
    },
    async close() {
      await releaseTokens(tokens, provider);
      for (const other of others) await releaseTokens({ live: other.live, forged: new Map() }, other.provider);
      await dispatcher.close();
    },
  };
}

import { HardenError } from '../errors.ts';
import type { ErrorContract } from '../manifest/types.ts';
import type { Case } from '../plan/case.ts';
import { refreshError } from '../plan/refresh.ts';
import type { SchemaValidator } from '../checks/schemaValidator.ts';
import type { TokenProvider } from '../tokens/provider.ts';
import type { Exchange } from '../model/exchange.ts';
import type { TransportLimits } from '../model/limits.ts';
import type { Redactor } from '../transport/redactor.ts';
import { sendRequest } from '../transport/sendRequest.ts';
import type { Dispatcher } from 'undici';
import { judgeCase } from './judgeCase.ts';
import type { Outcome } from './sendAndJudge.ts';

/**
 * RFC 6749 §5.2: the token endpoint's errors are JSON objects with an `error` code, not the API's
 * error contract. Per case, the code it must carry.
 */
function oauthErrorContract(base: ErrorContract, error: string): ErrorContract {
  return {
    ...base,
    contentType: 'application/json',
    schema: { type: 'object', required: ['error'], properties: { error: { const: error }, error_description: { type: 'string' }, error_uri: { type: 'string' } } },
    statusMember: null,
    volatile: [],
    challenge: null,
  };
}

export interface RefreshDeps {
  provider: TokenProvider;
  dispatcher: Dispatcher;
  limits: TransportLimits;
  contract: ErrorContract;
  schemas: SchemaValidator;
  redactor: Redactor;
  catalogue: string[];
  stop?: AbortSignal;
}

/**
 * Sends one refresh-suite request the provider prepared and judges it under RFC 6749 §5.2. A token
 * a broken server mints anyway is masked before anything is reported, and revoked, best effort.
 */
export async function refreshAction(c: Case, deps: RefreshDeps): Promise<Outcome> {
  const [scope, ...rest] = deps.catalogue;
  const { provider, redactor } = deps;
  if (!provider.refreshProbe) {
    return { exchanges: [], findings: [], failure: { kind: 'other', code: 'TOKEN_PROVIDER_FAILED', message: `the ${provider.kind} provider obtains no refresh tokens` } };
  }
  let prepared: Awaited<ReturnType<NonNullable<TokenProvider['refreshProbe']>>>;
  try {
    prepared = await provider.refreshProbe(c.refresh!, [scope!], rest.slice(0, 1));
  } catch (error) {
    const message = error instanceof HardenError ? error.message : String(error);
    return { exchanges: [], findings: [], failure: { kind: 'other', code: 'TOKEN_PROVIDER_FAILED', message: redactor.redact(message) } };
  }
  try {
    const exchange: Exchange = await sendRequest(deps.dispatcher, prepared.request, deps.limits, deps.stop);
    // Judged before the minted tokens join the secrets: a token the server minted is no echo of one sent.
    const findings = judgeCase(c, [exchange], oauthErrorContract(deps.contract, refreshError(c.refresh!)), redactor.secrets, deps.schemas);
    for (const minted of mintedTokens(exchange)) {
      redactor.add(minted, 'token minted by a refused refresh');
      await provider.revoke({ value: minted, scopes: [], label: 'token minted by a refused refresh', disposable: true }).catch(() => undefined);
    }
    return { exchanges: [exchange], findings, failure: exchange.failure };
  } finally {
    await prepared.release();
  }
}

/** The access and refresh tokens in a token response that should have been an error. */
function mintedTokens(exchange: Exchange): string[] {
  try {
    const body = JSON.parse(exchange.response?.body ?? '') as Record<string, unknown>;
    return [body.access_token, body.refresh_token].filter((t): t is string => typeof t === 'string' && t.length > 0);
  } catch {
    return [];
  }
}

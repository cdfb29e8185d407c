import type { Exchange } from '../model/exchange.ts';
import type { Redactor } from './redactor.ts';

/**
 * The response headers the checks judge, and the only ones that leave the process: others
 * (cookies, server banners) are not the harness's to archive, and not redacting them is cheaper.
 */
export const EVIDENCE_HEADERS = ['content-type', 'www-authenticate', 'location'] as const;

function keptHeaders(headers: Record<string, string>, redactor: Redactor): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of EVIDENCE_HEADERS) {
    const value = headers[name];
    if (value !== undefined) kept[name] = redactor.redact(value);
  }
  return kept;
}

/** Authorization values are masked whatever they hold: a malformed or forged credential is still a credential. */
function maskAuthorization(value: string, redactor: Redactor): string {
  const redacted = redactor.redact(value);
  if (redacted !== value) return redacted;
  const [scheme, ...rest] = value.split(' ');
  return rest.length === 0 || rest.join(' ').trim() === '' ? value : `${scheme} [REDACTED]`;
}

/** The copy of an exchange that may leave the process: every known secret replaced by its label, response headers cut to EVIDENCE_HEADERS. */
export function redactExchange(exchange: Exchange, redactor: Redactor): Exchange {
  const headers = redactor.redactRecord(exchange.request.headers);
  if (exchange.request.headers.authorization !== undefined) headers.authorization = maskAuthorization(exchange.request.headers.authorization, redactor);
  return {
    request: {
      method: exchange.request.method,
      url: redactor.redact(exchange.request.url),
      headers,
      body: exchange.request.body === undefined ? undefined : redactor.redact(exchange.request.body),
    },
    response: exchange.response && {
      ...exchange.response,
      headers: keptHeaders(exchange.response.headers, redactor),
      body: redactor.redact(exchange.response.body),
    },
    failure: exchange.failure && { ...exchange.failure, message: redactor.redact(exchange.failure.message) },
    durationMs: exchange.durationMs,
  };
}

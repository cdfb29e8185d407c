import type { Exchange } from './exchange.ts';
import type { Redactor } from './redactor.ts';

/** Authorization values are masked whatever they hold: a malformed or forged credential is still a credential. */
function maskAuthorization(value: string, redactor: Redactor): string {
  const redacted = redactor.redact(value);
  if (redacted !== value) return redacted;
  const [scheme, ...rest] = value.split(' ');
  return rest.length === 0 || rest.join(' ').trim() === '' ? value : `${scheme} [REDACTED]`;
}

/** The copy of an exchange that may leave the process: every known secret replaced by its label. */
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
      headers: redactor.redactRecord(exchange.response.headers),
      body: redactor.redact(exchange.response.body),
    },
    failure: exchange.failure && { ...exchange.failure, message: redactor.redact(exchange.failure.message) },
    durationMs: exchange.durationMs,
  };
}

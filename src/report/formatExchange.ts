import type { BodyExcerpt, EvidenceExchange } from './evidence.ts';

const body = (b: BodyExcerpt) => `${b.text}${b.truncated ? `… [excerpt; the body has ${b.bytes} bytes]` : ''}`;

/** An already-redacted evidence exchange as HTTP-like text for failure bodies, summaries and the HTML report. */
export function formatExchange(exchange: EvidenceExchange): string {
  const { request, response, failure } = exchange;
  const lines = [`> ${request.method} ${request.url}`];
  for (const [name, value] of Object.entries(request.headers)) lines.push(`> ${name}: ${value}`);
  if (request.body !== undefined) lines.push('>', `> ${body(request.body)}`);
  lines.push('');
  if (response) {
    lines.push(`< ${response.status}`);
    for (const [name, value] of Object.entries(response.headers)) lines.push(`< ${name}: ${value}`);
    if (response.body) lines.push('<', `< ${body(response.body)}`);
  } else if (failure) {
    lines.push(`! no response: ${failure.kind} (${failure.code}) ${failure.message}`);
  }
  lines.push(`  (${exchange.durationMs.toFixed(1)} ms)`);
  return lines.join('\n');
}

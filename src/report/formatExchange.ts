import type { Exchange } from '../transport/exchange.ts';

const BODY_EXCERPT = 2_000;

const excerpt = (text: string) => (text.length > BODY_EXCERPT ? `${text.slice(0, BODY_EXCERPT)}… (${text.length} characters)` : text);

/** An already-redacted exchange as HTTP-like text for failure bodies and logs. */
export function formatExchange(exchange: Exchange): string {
  const { request, response, failure } = exchange;
  const lines = [`> ${request.method} ${request.url}`];
  for (const [name, value] of Object.entries(request.headers)) lines.push(`> ${name}: ${value}`);
  if (request.body !== undefined) lines.push('>', `> ${excerpt(request.body)}`);
  lines.push('');
  if (response) {
    lines.push(`< ${response.status}`);
    for (const [name, value] of Object.entries(response.headers)) lines.push(`< ${name}: ${value}`);
    if (response.body) lines.push('<', `< ${excerpt(response.body)}${response.truncated ? ` [cut at the response cap; ${response.bodyBytes} bytes]` : ''}`);
  } else if (failure) {
    lines.push(`! no response: ${failure.kind} (${failure.code}) ${failure.message}`);
  }
  lines.push(`  (${exchange.durationMs.toFixed(1)} ms)`);
  return lines.join('\n');
}

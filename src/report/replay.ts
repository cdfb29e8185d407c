import type { Case } from '../plan/case.ts';
import type { Exchange } from '../transport/exchange.ts';

/** POSIX shell single-quoting. */
const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * The command that re-runs exactly this case with the same inputs; for a property case with a
 * counterexample path, it sends the shrunk failing input directly.
 */
export function replayCommand(c: Case, manifestFile: string, seed: number, baseUrl: string, path?: string): string {
  return `npx harden replay ${quote(manifestFile)} --base-url ${baseUrl} --seed ${seed} --case ${quote(c.id)}${path ? ` --path ${quote(path)}` : ''}`;
}

/** A curl line equivalent to the (redacted) request: fill in the token to reproduce by hand. */
export function curlCommand(exchange: Exchange): string {
  const { request } = exchange;
  const parts = ['curl', '-i', '-X', request.method, quote(request.url)];
  for (const [name, value] of Object.entries(request.headers)) parts.push('-H', quote(`${name}: ${value}`));
  if (request.body !== undefined) parts.push('--data-binary', quote(request.body.length > 200 ? `${request.body.slice(0, 200)}…` : request.body));
  return parts.join(' ');
}

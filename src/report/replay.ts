import type { Case } from '../plan/case.ts';

/** POSIX shell single-quoting. */
const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** The request part of an exchange, as much as a curl line needs. */
export interface CurlRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * The command that re-runs exactly this case with the same inputs (`harden run --seed --case`);
 * for a property case with a counterexample path, `--path` sends the shrunk failing input directly.
 * `prefix` replaces `npx harden run MANIFEST --base-url URL` for front ends that start the target
 * themselves (`npm start --`), whose port is gone once the run ends: the line must run as printed.
 */
export function replayCommand(c: Pick<Case, 'id'>, manifestFile: string, seed: number, baseUrl: string, path?: string, flags: readonly string[] = [], prefix?: string): string {
  const extra = flags.map((f) => (f.startsWith('--') ? f : quote(f))).join(' ');
  const head = prefix ?? `npx harden run ${quote(manifestFile)}`;
  return `${head}${extra ? ` ${extra}` : ''}${prefix ? '' : ` --base-url ${baseUrl}`} --seed ${seed} --case ${quote(c.id)}${path ? ` --path ${quote(path)}` : ''}`;
}

/** A curl line equivalent to the (redacted) request: fill in the token to reproduce by hand. */
export function curlCommand(request: CurlRequest): string {
  const parts = ['curl', '-i', '-X', request.method, quote(request.url)];
  // curl resolves `.` and `..` segments itself; a path variant sends them on purpose.
  if (/\/(?:\.|%2e){1,2}(?:\/|$)/i.test(request.url)) parts.splice(2, 0, '--path-as-is');
  for (const [name, value] of Object.entries(request.headers)) parts.push('-H', quote(`${name}: ${value}`));
  if (request.body !== undefined) parts.push('--data-binary', quote(request.body.length > 200 ? `${request.body.slice(0, 200)}…` : request.body));
  return parts.join(' ');
}

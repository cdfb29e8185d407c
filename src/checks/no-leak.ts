import { defineCheck, type CheckContext } from './check.ts';
import type { FindingCode } from '../model/codes.ts';
import { PATH_PATTERNS, SQL_PATTERNS, type LeakPattern } from './leakPatterns.ts';
import { leakSources } from './leakSources.ts';
import { STACK_FRAMES } from './stackFrames.ts';
import { versionHeaders } from './versionHeaders.ts';

const TRACE_PATTERNS: readonly LeakPattern[] = STACK_FRAMES.map(({ id, name, pattern }) => ({ id, code: 'LEAK_STACK_TRACE', name, pattern }));

/** Which answer: the first, or the repeat the plan scheduled for `deterministic`. */
export function answerName(index: number): string {
  return index === 0 ? 'first' : index === 1 ? 'repeat' : `answer ${index + 1}`;
}

/**
 * Responses reveal no stack traces, paths, database errors or credentials (OWASP ASVS V7.4),
 * in any header or the body of any answer, the repeat included; and no header names server
 * software with its version (RFC 9110 §10.2.4) unless the manifest's `disclosure` allows it.
 */
export const noLeakCheck = defineCheck({
  id: 'no-leak',
  title: 'Nothing leaks',
  run(context) {
    const { responses, secrets } = context;
    const findings: { code: FindingCode; message: string }[] = [];
    const seen = new Set<FindingCode>();
    const report = (code: FindingCode, index: number, where: string, what: string) => {
      // One finding per kind of leak: a trace usually brings a path along, and that is one story.
      if (seen.has(code)) return;
      seen.add(code);
      findings.push({ code, message: `the ${answerName(index)} answer (${responses[index]!.status}) ${what} in its ${where}` });
    };
    responses.forEach((response, index) => {
      const disclosed = versionHeaders(response.headers, context.disclosure?.allowHeaders ?? []);
      if (disclosed.length > 0) report('LEAK_SERVER_VERSION', index, `header${disclosed.length > 1 ? 's' : ''} ${disclosed.join(', ')}`, 'names server software with its version');
      for (const source of leakSources(response, sentPaths(context, index))) {
        for (const { code, name, pattern } of [...TRACE_PATTERNS, ...SQL_PATTERNS]) {
          if (source.texts.some((t) => pattern.test(t))) report(code, index, source.where, `contains ${name}`);
        }
        for (const { id, code, name, pattern } of PATH_PATTERNS) {
          // A served answer gives back what clients stored (a listing of `/usr/local/books`): a bare
          // directory there is data; a source file with its line is still a trace's remains.
          if (id === 'server-directory' && response.status < 300) continue;
          if (source.linkFree.some((t) => pattern.test(t))) report(code, index, source.where, `contains ${name}`);
        }
        const all = [source.raw, ...source.texts];
        if (secrets.some((s) => s !== '' && all.some((t) => t.includes(s)))) report('LEAK_SECRET', index, source.where, 'echoes a credential the run sent');
      }
    });
    return findings;
  },
});

/** The path the request named, as sent and percent-decoded, so an echo of it is not read as a leak. */
function sentPaths(context: CheckContext, index: number): string[] {
  const url = context.exchanges[index]?.request.url;
  let path = context.case.request.path.split('?')[0]!;
  if (url !== undefined && URL.canParse(url)) path = new URL(url).pathname;
  try {
    return [...new Set([path, decodeURIComponent(path)])];
  } catch {
    return [path];
  }
}

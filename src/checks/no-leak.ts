import { defineCheck } from './check.ts';
import type { FindingCode } from './codes.ts';

/** Signatures of internals that must never reach a client (OWASP ASVS V7.4: generic error messages). */
const PATTERNS: { code: FindingCode; name: string; pattern: RegExp }[] = [
  { code: 'LEAK_STACK_TRACE', name: 'a JavaScript stack frame', pattern: /\n?\s+at [\w$.<>]+ \(?[^)\s]+:\d+:\d+\)?/ },
  { code: 'LEAK_STACK_TRACE', name: 'a Python traceback', pattern: /Traceback \(most recent call last\)/ },
  { code: 'LEAK_STACK_TRACE', name: 'a Java stack frame', pattern: /\bat [\w$.]+\([\w$]+\.java:\d+\)/ },
  { code: 'LEAK_STACK_TRACE', name: 'a .NET or Go stack', pattern: /(?:System\.\w+Exception|goroutine \d+ \[running\])/ },
  { code: 'LEAK_FILE_PATH', name: 'a source file path', pattern: /(?:[A-Za-z]:\\|\/)[\w.\\/-]+\.(?:js|mjs|cjs|ts|py|rb|java|go|php|cs|kt|rs)(?::\d+|", line \d+)/ },
  { code: 'LEAK_FILE_PATH', name: 'a server directory', pattern: /(?<![\w.:/])\/(?:home|srv|usr|var|opt|root|etc|tmp)\/[\w.-]+\/[\w./-]+/ },
  { code: 'LEAK_SQL', name: 'a database error', pattern: /\b(?:SQLSTATE|syntax error at or near|ORA-\d{5}|SQLITE_\w+|duplicate key value violates|You have an error in your SQL syntax)\b/ },
];

/** Responses reveal no stack traces, paths, database errors or credentials. */
export const noLeakCheck = defineCheck({
  id: 'no-leak',
  title: 'Nothing leaks',
  run({ responses, secrets }) {
    const findings: { code: FindingCode; message: string }[] = [];
    const seen = new Set<string>();
    for (const response of responses) {
      const text = `${Object.entries(response.headers).map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n${response.body}`;
      for (const { code, name, pattern } of PATTERNS) {
        // One finding per kind of leak: a trace usually brings a path along, and that is one story.
        if (!seen.has(code) && pattern.test(text)) {
          seen.add(code);
          findings.push({ code, message: `the ${response.status} answer contains ${name}` });
        }
      }
      if (!seen.has('LEAK_SECRET') && secrets.some((s) => text.includes(s))) {
        seen.add('LEAK_SECRET');
        findings.push({ code: 'LEAK_SECRET', message: `the ${response.status} answer echoes a credential the run sent` });
      }
    }
    return findings;
  },
});

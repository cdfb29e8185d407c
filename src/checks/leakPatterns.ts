import type { FindingCode } from '../model/codes.ts';

/** One signature of something internal. */
export interface LeakPattern {
  /** Stable name of the pattern, for tests and docs. */
  id: string;
  code: FindingCode;
  name: string;
  pattern: RegExp;
}

/**
 * Server file paths (OWASP ASVS V7.4: generic error messages). Scanned on text with links taken out
 * (see leakSources): `/var/…` in a URL is a route the server's router resolves, not a directory.
 * A path must start at a root (`/`, `C:\`) that no word, dot, slash or `~` precedes, so
 * `src/app.ts:3`'s inner `/app.ts` and `v1.2/x.js` are not roots, and a run of slashes has one start.
 */
export const PATH_PATTERNS: readonly LeakPattern[] = [
  {
    id: 'source-path',
    code: 'LEAK_FILE_PATH',
    name: 'a source file path',
    pattern: /(?<![\w.~/\\-])(?:[A-Za-z]:\\|\/)[\w.\\/-]+\.(?:js|mjs|cjs|ts|py|rb|java|go|php|cs|kt|rs)(?::\d+|", line \d+|\(\d+\)|:line \d+)/,
  },
  { id: 'server-directory', code: 'LEAK_FILE_PATH', name: 'a server directory', pattern: /(?<![\w.~:/-])\/(?:home|srv|usr|var|opt|root|etc|tmp)\/[\w.-]+\/[\w./-]+/ },
];

/** Driver and database error texts, each as its engine words it; a bare word like "SQL" is not one. */
export const SQL_PATTERNS: readonly LeakPattern[] = [
  { id: 'postgres', code: 'LEAK_SQL', name: 'a PostgreSQL error', pattern: /\b(?:syntax error at or near "|duplicate key value violates unique constraint|relation "[^"\n]+" does not exist)/ },
  { id: 'mysql', code: 'LEAK_SQL', name: 'a MySQL error', pattern: /You have an error in your SQL syntax|\bER_[A-Z_]+\b: / },
  { id: 'oracle', code: 'LEAK_SQL', name: 'an Oracle error', pattern: /\bORA-\d{5}: / },
  { id: 'sqlite', code: 'LEAK_SQL', name: 'a SQLite error', pattern: /\bSQLITE_[A-Z]+(?:_[A-Z]+)*\b/ },
  { id: 'sqlstate', code: 'LEAK_SQL', name: 'a SQLSTATE code', pattern: /\bSQLSTATE\[?\s?[0-9A-Z]{5}\b/ },
  { id: 'sqlserver', code: 'LEAK_SQL', name: 'a SQL Server error', pattern: /Incorrect syntax near '|Unclosed quotation mark after the character string/ },
];

import { randomUUID } from 'node:crypto';
import type { Evidence } from './evidence.ts';

/**
 * reports/evidence.json, written case by case: the same text `JSON.stringify(document, null, 2)`
 * gives, without ever holding the whole document. Each chunk holds whole JSON values, so the
 * CLI's last redaction pass over each chunk sees every string entire.
 */
export function writeEvidenceJson(evidence: Evidence, write: (chunk: string) => void): void {
  // A key nothing else can produce marks where the cases go, so key order stays the document's.
  const marker = randomUUID();
  const { cases, schemaVersion, tool, run, manifest, environment, totals, suites, ...rest } = evidence;
  const ordered = { schemaVersion, tool, run, manifest, environment, totals, suites, cases: marker, ...rest };
  const [before, after] = JSON.stringify(ordered, null, 2).split(`"${marker}"`) as [string, string];
  if (cases.count === 0) {
    write(`${before}[]${after}\n`);
    return;
  }
  write(`${before}[\n`);
  let first = true;
  for (const c of cases.read()) {
    write(`${first ? '' : ',\n'}    ${JSON.stringify(c, null, 2).replace(/\n/g, '\n    ')}`);
    first = false;
  }
  write(`\n  ]${after}\n`);
}

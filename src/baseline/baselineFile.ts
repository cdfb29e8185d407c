import { BASELINE_FORMAT, type Baseline, type BaselineCase } from './baseline.ts';

const CASE_KEYS = ['id', 'title', 'suite', 'endpointId', 'verdict', 'status', 'errorType', 'challengeError', 'failedChecks'] as const;

/**
 * Baseline text made for code review: a small header, then one case per line in id order,
 * keys in a fixed order, so a changed behaviour is a one-line diff. It is still plain JSON.
 */
export function formatBaseline(baseline: Baseline): string {
  const head = { format: baseline.format, service: baseline.service, seed: baseline.seed, manifestSha256: baseline.manifestSha256, approvedRun: baseline.approvedRun };
  const lines = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  const cases = [...baseline.cases].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rows = cases.map((c, i) => `    ${JSON.stringify(Object.fromEntries(CASE_KEYS.map((k) => [k, c[k]])))}${i < cases.length - 1 ? ',' : ''}`);
  return ['{', ...lines, '  "cases": [', ...rows, '  ]', '}', ''].join('\n');
}

/** Reads a baseline file's text; throws an Error naming what is wrong. */
export function parseBaseline(text: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new Error(`not JSON (${(cause as Error).message})`);
  }
  const b = data as Partial<Baseline> | null;
  if (typeof b !== 'object' || b === null || b.format !== BASELINE_FORMAT) throw new Error(`not a baseline of format ${BASELINE_FORMAT} (missing or other "format")`);
  if (typeof b.seed !== 'number' || typeof b.service !== 'string' || !Array.isArray(b.cases)) throw new Error('a baseline needs "service", "seed" and "cases"');
  for (const [i, c] of (b.cases as Partial<BaselineCase>[]).entries()) {
    if (typeof c?.id !== 'string' || !Array.isArray(c.failedChecks)) throw new Error(`case ${i + 1} needs "id" and "failedChecks"`);
  }
  return b as Baseline;
}

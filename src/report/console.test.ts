import { describe, expect, it } from 'vitest';
import type { Case, Plan } from '../plan/case.ts';
import type { CaseResult } from '../run/caseResult.ts';
import { emptyCounts, type RunSummary } from '../run/summarise.ts';
import { colourWanted, headlineTone, painter, stripColour } from './colour.ts';
import { consoleReporter } from './console.ts';

/** A case as the console reads it. */
const kase = (endpointId: string, route: string, variant: string, suite = 'unauthorized'): Case => ({ id: `${endpointId}/${suite}/${variant}`, endpointId, route, suite, title: `${route} › ${suite} › ${variant}` }) as unknown as Case;

const failed = (c: Case, code: string, message: string): CaseResult => ({ case: c, status: 'failed', findings: [{ code, checkId: 'status', message }], exchanges: [], durationMs: 1 }) as unknown as CaseResult;
const errored = (c: Case, kind: string): CaseResult => ({ case: c, status: 'error', findings: [], exchanges: [], durationMs: 1, failure: { kind, code: 'ETIMEDOUT', message: `${kind} after 10000 ms` } }) as unknown as CaseResult;
const notProven = (c: Case): CaseResult => ({ case: c, status: 'not-proven', findings: [], exchanges: [], durationMs: 0, skipReason: 'not proven: no revoked token' }) as unknown as CaseResult;
const passed = (c: Case): CaseResult => ({ case: c, status: 'passed', findings: [], exchanges: [], durationMs: 1 }) as unknown as CaseResult;

/** A run with failures, an error, a not-proven case and a pass, in a fixed landing order. */
function results(): [CaseResult, number][] {
  return [
    [failed(kase('getOrder', 'GET /orders/{id}', 'no-credentials'), 'STATUS_UNEXPECTED', 'got 200; expected 401 (no credentials)'), 0],
    [passed(kase('listOrders', 'GET /orders', 'no-credentials')), 1],
    [errored(kase('createOrder', 'POST /orders', 'no-credentials'), 'timeout'), 2],
    [notProven(kase('getOrder', 'GET /orders/{id}', 'revoked-bearer', 'revoked-token')), 3],
  ];
}

function summaryOf(rs: [CaseResult, number][]): RunSummary {
  const { suites, totals } = emptyCounts();
  for (const [r] of rs) {
    for (const c of [suites[r.case.suite], totals]) {
      c.tests += 1;
      if (r.status === 'passed') c.passed += 1;
      if (r.status === 'failed') c.failed += 1;
      if (r.status === 'error') c.errors += 1;
      if (r.status === 'not-proven') c.notProven += 1;
    }
  }
  return { seed: 7, service: 's', baseUrl: 'http://127.0.0.1:1', manifestFile: 'm.yaml', startedAt: new Date(0), finishedAt: new Date(0), suites, totals, refused: 0, interrupted: 0, scopeMatrix: { scopes: [], endpoints: [], cells: [] }, warnings: ['a warning'], manifestSha256: '' } as unknown as RunSummary;
}

/** The console output of one run, with colour decided from `env` as the CLI decides it for a stream that is not a terminal. */
function consoleText(env: NodeJS.ProcessEnv, isTTY = false): string {
  const lines: string[] = [];
  const rs = results();
  const reporter = consoleReporter((l) => lines.push(l), { paint: painter(colourWanted(env, isTTY)) });
  reporter.onRunStart!({ plan: { seed: 7, service: 's', cases: rs.map(([r]) => r.case) } as unknown as Plan, baseUrl: 'http://127.0.0.1:1', manifestFile: 'm.yaml', startedAt: new Date(0) });
  for (const [r, i] of rs) reporter.onCaseResult!(r, i);
  reporter.onRunEnd!(summaryOf(rs));
  return lines.join('\n');
}

const ESC = '\x1b[';

describe('console colour', () => {
  it('FORCE_COLOR colours a stream that is not a terminal; stripped of escapes it is the plain text', () => {
    const plainText = consoleText({});
    const coloured = consoleText({ FORCE_COLOR: '1' });
    expect(plainText).not.toContain(ESC);
    expect(coloured).toContain(ESC);
    expect(coloured).toContain(`${ESC}31m`); // failures red
    expect(coloured).toContain(`${ESC}33m`); // not proven yellow
    expect(coloured).toContain(`${ESC}2m`); // secondary text dim
    expect(stripColour(coloured)).toBe(plainText);
  });

  it('NO_COLOR wins over FORCE_COLOR, and over a terminal', () => {
    const plainText = consoleText({});
    expect(consoleText({ NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(plainText);
    expect(consoleText({ NO_COLOR: '1' }, true)).toBe(plainText);
  });

  it('colours a terminal by default, and FORCE_COLOR=0 turns it off; CI is no special case', () => {
    expect(consoleText({}, true)).toContain(ESC);
    expect(consoleText({ FORCE_COLOR: '0' }, true)).not.toContain(ESC);
    expect(consoleText({ CI: 'true', GITHUB_ACTIONS: 'true' })).not.toContain(ESC);
    expect(consoleText({ CI: 'true', GITHUB_ACTIONS: 'true' }, true)).toContain(ESC);
  });

  it('decides by NO_COLOR (non-empty), then FORCE_COLOR (0: none), then the terminal', () => {
    expect(colourWanted({ NO_COLOR: '' }, true)).toBe(true);
    expect(colourWanted({ NO_COLOR: 'yes', FORCE_COLOR: '3' }, true)).toBe(false);
    expect(colourWanted({ FORCE_COLOR: '' }, false)).toBe(true);
    expect(colourWanted({ FORCE_COLOR: '0' }, true)).toBe(false);
    expect(colourWanted({}, false)).toBe(false);
  });

  it('paints headlines by verdict: PASS green, FAIL red, INCOMPLETE yellow', () => {
    const paint = painter(true);
    expect(paint(headlineTone('PASS'), 'PASS: 1/1 held')).toBe(`${ESC}32mPASS: 1/1 held${ESC}39m`);
    expect(paint(headlineTone('FAIL'), 'FAIL')).toBe(`${ESC}31mFAIL${ESC}39m`);
    expect(paint(headlineTone('INCOMPLETE'), 'INCOMPLETE')).toBe(`${ESC}33mINCOMPLETE${ESC}39m`);
    expect(painter(false)(headlineTone('FAIL'), 'FAIL')).toBe('FAIL');
  });
});

/** Plain console output of the results given, landing in the order given. */
function runConsole(rs: [CaseResult, number][], summaryPath?: string): string[] {
  const lines: string[] = [];
  const reporter = consoleReporter((l) => lines.push(l), { summaryPath });
  reporter.onRunStart!({ plan: { seed: 7, service: 's', cases: rs.map(([r]) => r.case) } as unknown as Plan, baseUrl: 'http://127.0.0.1:1', manifestFile: 'm.yaml', startedAt: new Date(0) });
  for (const [r, i] of rs) reporter.onCaseResult!(r, i);
  reporter.onRunEnd!(summaryOf(rs));
  return lines;
}

const replayLines = (lines: string[]) => lines.filter((l) => l.startsWith('  npx harden'));

describe('console: cases that did not hold, grouped by endpoint and cause', () => {
  // Seven cases of one route fail for one cause, two for another; one route times out twice.
  const rs: [CaseResult, number][] = [
    ...Array.from({ length: 7 }, (_, i) => [failed(kase('getOrder', 'GET /orders/{id}', `v${i}`), 'STATUS_UNEXPECTED', `got 200 for v${i}; expected 401`), i] as [CaseResult, number]),
    ...Array.from({ length: 2 }, (_, i) => [failed(kase('getOrder', 'GET /orders/{id}', `w${i}`), 'ERROR_CONTENT_TYPE', `got text/html (w${i})`), 7 + i] as [CaseResult, number]),
    ...Array.from({ length: 2 }, (_, i) => [errored(kase('createOrder', 'POST /orders', `t${i}`), 'timeout'), 9 + i] as [CaseResult, number]),
  ];

  it('prints one group per (route, cause) with its count, first message and one replay line of its first case in plan order', () => {
    // Landing order reversed: the groups are the same as in plan order (only the live lines follow the landing).
    const grouped = (lines: string[]) => lines.slice(lines.findIndex((l) => l.startsWith('did not hold')));
    const end = grouped(runConsole([...rs].reverse()));
    expect(end).toEqual(grouped(runConsole(rs)));
    expect(end).toEqual([
      "did not hold, by endpoint and cause (11 cases, 3 groups; each replay line re-runs the group's first case):",
      '  GET /orders/{id} · STATUS_UNEXPECTED × 7',
      '    got 200 for v0; expected 401',
      "  npx harden run 'm.yaml' --base-url http://127.0.0.1:1 --seed 7 --case 'getOrder/unauthorized/v0'",
      '  GET /orders/{id} · ERROR_CONTENT_TYPE × 2',
      '    got text/html (w0)',
      "  npx harden run 'm.yaml' --base-url http://127.0.0.1:1 --seed 7 --case 'getOrder/unauthorized/w0'",
      '  POST /orders · no response (timeout) × 2',
      '    timeout after 10000 ms',
      "  npx harden run 'm.yaml' --base-url http://127.0.0.1:1 --seed 7 --case 'createOrder/unauthorized/t0'",
    ]);
  });

  it('shows each cause live once, as its first case lands', () => {
    const live = runConsole(rs).filter((l) => /^(FAIL|ERROR) /.test(l));
    expect(live).toEqual(['FAIL  GET /orders/{id} › unauthorized › v0', 'FAIL  GET /orders/{id} › unauthorized › w0', 'ERROR POST /orders › unauthorized › t0']);
  });

  it('stays bounded: at most 20 groups, then how many more and where they are', () => {
    const many: [CaseResult, number][] = Array.from({ length: 30 }, (_, i) => [failed(kase(`op${i}`, `GET /r${i}`, 'v'), 'STATUS_UNEXPECTED', 'got 200'), i]);
    const lines = runConsole(many, 'out/summary.md');
    expect(replayLines(lines)).toHaveLength(20);
    expect(lines.at(-1)).toBe('  … and 10 more groups — see out/summary.md');
  });

  it('counts a case once, under its first finding, and names its other findings', () => {
    const c = (variant: string, index: number, extra: string[]) =>
      [{ ...failed(kase('getOrder', 'GET /orders/{id}', variant), 'CHALLENGE_MISSING', 'the 401 has no WWW-Authenticate header'), findings: [{ code: 'CHALLENGE_MISSING', checkId: 'www-authenticate', message: 'the 401 has no WWW-Authenticate header' }, ...extra.map((code) => ({ code, checkId: 'x', message: code }))] } as unknown as CaseResult, index] as [CaseResult, number];
    const lines = runConsole([c('a', 0, ['ERROR_CONTENT_TYPE']), c('b', 1, ['ERROR_BODY_NOT_JSON', 'ERROR_CONTENT_TYPE'])]);
    expect(lines.filter((l) => l.startsWith('  GET'))).toEqual(['  GET /orders/{id} · CHALLENGE_MISSING × 2 (also ERROR_BODY_NOT_JSON, ERROR_CONTENT_TYPE)']);
    expect(lines).toContain("did not hold, by endpoint and cause (2 cases, 1 group; each replay line re-runs the group's first case):");
  });
});

import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUITES, type SuiteId } from '../plan/case.ts';
import { CaseSpool } from './caseSpool.ts';
import { caseList, evidenceOf } from './caseSource.ts';
import { countVerdicts } from './countVerdicts.ts';
import type { EvidenceCase, EvidenceDocument, Verdict } from './evidence.ts';
import { writeEvidenceJson } from './evidenceJson.ts';
import { ANNOTATIONS_SHOWN, githubAnnotations } from './githubAnnotations.ts';
import { SUMMARY_ROWS, summaryMarkdown } from './summaryMarkdown.ts';

const VERDICTS: Verdict[] = ['passed', 'failed', 'error', 'skipped'];

function evidenceCase(index: number, suite: SuiteId, verdict: Verdict, text = `body ${index}`): EvidenceCase {
  return {
    index,
    id: `e${index % 7}/${suite}/v${index}`,
    title: `GET /x/${index} › ${suite} › v${index}`,
    suite,
    endpoint: { id: `e${index % 7}`, route: `GET /x/${index % 7}` },
    variant: `v${index}`,
    caseSeed: index * 31,
    expected: { outcome: 'reject', statuses: [401], reason: '401 (unauthenticated)' },
    verdict,
    status: verdict === 'error' ? null : 401,
    durationMs: index / 10,
    exchanges: [{ request: { method: 'GET', url: `http://127.0.0.1:1/x/${index}`, headers: { accept: 'application/json' } }, response: { status: 401, headers: { 'content-type': 'application/problem+json' }, body: { text, bytes: text.length, truncated: false } }, durationMs: 1 }],
    findings: verdict === 'failed' ? [{ code: 'STATUS_MISMATCH', check: 'status', severity: 'high', title: 't', message: `m${index}` }] : [],
    replay: `npx harden run m.yaml --case 'e/${suite}/v${index}'`,
  };
}

const arbitraryCase = (index: number) =>
  fc.record({ suite: fc.constantFrom(...SUITES), verdict: fc.constantFrom(...VERDICTS), text: fc.string({ unit: 'grapheme', maxLength: 40 }) }).map(({ suite, verdict, text }) => evidenceCase(index, suite, verdict, text));

/** 0…n-1, each index with a case, in a shuffled arrival order (results land in any order). */
const arrivals = fc.integer({ min: 0, max: 40 }).chain((n) => fc.tuple(fc.tuple(...Array.from({ length: n }, (_, i) => arbitraryCase(i))), fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n })));

function documentOf(cases: EvidenceCase[]): EvidenceDocument {
  return {
    schemaVersion: '1.0.0',
    tool: { name: 'api-harden', version: 't' },
    run: { service: 'svc', seed: 1, startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:01.000Z', durationMs: 1000 },
    manifest: { path: 'm.yaml', sha256: 'a'.repeat(64) },
    environment: { baseUrl: 'http://127.0.0.1:1', node: 'v20', platform: 'linux', hostname: 'h' },
    ...countVerdicts(cases),
    cases,
    scopeMatrix: { scopes: [], endpoints: [], cells: [] },
    warnings: ['w'],
  };
}

describe('the case spool', () => {
  it('reads back every case as it was added, in plan order whatever the arrival order, filtered without loss', () => {
    fc.assert(
      fc.property(arrivals, ([cases, order]) => {
        const spool = new CaseSpool();
        try {
          for (const i of order) spool.add(cases[i]!);
          expect(spool.count).toBe(cases.length);
          expect([...spool.read()]).toEqual(cases);
          // Twice: reports read the cases once per section.
          expect([...spool.read()]).toEqual(cases);
          for (const suite of SUITES) expect([...spool.read({ suite })]).toEqual(cases.filter((c) => c.suite === suite));
          expect([...spool.read({ verdicts: ['failed', 'error'] })]).toEqual(cases.filter((c) => c.verdict === 'failed' || c.verdict === 'error'));
        } finally {
          spool.close();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('keeps its index past the first thousand cases (it grows)', () => {
    const spool = new CaseSpool();
    try {
      const cases = Array.from({ length: 3000 }, (_, i) => evidenceCase(i, SUITES[i % SUITES.length]!, VERDICTS[i % VERDICTS.length]!));
      for (const c of [...cases].reverse()) spool.add(c);
      expect([...spool.read()].map((c) => c.index)).toEqual(cases.map((c) => c.index));
      expect([...spool.read({ suite: 'rotation', verdicts: ['error'] })]).toEqual(cases.filter((c) => c.suite === 'rotation' && c.verdict === 'error'));
    } finally {
      spool.close();
    }
  });

  it('deletes its file when closed', () => {
    const spool = new CaseSpool();
    spool.add(evidenceCase(0, 'positive', 'passed'));
    const dir = (spool as unknown as { dir: string }).dir;
    expect(existsSync(dir)).toBe(true);
    spool.close();
    expect(existsSync(dir)).toBe(false);
  });
});

describe('evidence.json, written case by case', () => {
  it('is exactly the text of the whole document rendered at once', () => {
    fc.assert(
      fc.property(arrivals, ([cases]) => {
        const document = documentOf(cases);
        let text = '';
        writeEvidenceJson(evidenceOf(document), (chunk) => (text += chunk));
        expect(text).toBe(`${JSON.stringify(document, null, 2)}\n`);
      }),
      { numRuns: 40 },
    );
  });
});

describe('lists capped for their readers', () => {
  const many = Array.from({ length: SUMMARY_ROWS + 30 }, (_, i) => evidenceCase(i, i % 2 === 0 ? 'revoked-token' : 'unauthorized', 'failed'));
  const evidence = { ...evidenceOf(documentOf(many)), cases: caseList(many) };

  it('summary.md lists the first cases that did not hold, then counts the rest', () => {
    const summary = summaryMarkdown(evidence);
    const listed = summary.match(/^- `GET \/x\/\d+ › /gm) ?? [];
    expect(listed).toHaveLength(SUMMARY_ROWS);
    expect(summary).toContain(`… and 30 more cases that did not hold: see report.html or junit.xml.`);
    // Plan order: the first hundred are the ones shown.
    expect(summary).toContain('`GET /x/99 › unauthorized › v99`');
    expect(summary).not.toContain('`GET /x/100 › revoked-token › v100`');
  });

  it('GitHub annotations stop at the number GitHub shows, with one that counts the rest', () => {
    const lines = githubAnnotations(evidence);
    expect(lines).toHaveLength(ANNOTATIONS_SHOWN + 1);
    expect(lines.at(-1)).toMatch(new RegExp(`^::error title=svc%3A ${many.length - ANNOTATIONS_SHOWN} more cases did not hold::`));
  });
});

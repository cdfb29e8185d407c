import { describe, expect, it } from 'vitest';
import { validateJUnit, readJUnitCases } from '../../test/junitXml.ts';
import { checks } from '../checks/index.ts';
import { challengeText } from './challengeError.ts';
import { githubAnnotations } from './githubAnnotations.ts';
import { buildJUnit } from './junit.ts';
import { plural } from './plural.ts';
import { summaryMarkdown } from './summaryMarkdown.ts';
import { sampleEvidence } from './test-support.ts';
import { caseList } from './caseSource.ts';

/** The Markdown tables of a text: each a header row and its body rows, split into cells. */
function tables(md: string): string[][][] {
  const found: string[][][] = [];
  let current: string[][] | undefined;
  for (const line of md.split('\n')) {
    if (!line.startsWith('|')) {
      current = undefined;
      continue;
    }
    if (/^\|(-+\|)+$/.test(line)) continue;
    const cells = line.slice(2, -2).split(/(?<!\\) \| /);
    if (!current) found.push((current = []));
    current.push(cells);
  }
  return found;
}

describe('report texts', () => {
  it('pluralises: 1 case, 2 cases, 0 cases', () => {
    expect([plural(1, 'case'), plural(2, 'case'), plural(0, 'case'), plural(1, 'more group', 'more groups')]).toEqual(['1 case', '2 cases', '0 cases', '1 more group']);
  });

  it('summary.md: no column without a header, rows as wide as their header, no challenge on a row that was not refused', () => {
    const md = summaryMarkdown(sampleEvidence());
    const all = tables(md);
    expect(all.length).toBeGreaterThanOrEqual(4);
    for (const [head, ...rows] of all) {
      expect(head!.every((cell) => cell.trim() !== '')).toBe(true);
      for (const row of rows) expect(row).toHaveLength(head!.length);
    }
    const revoked = all.find(([head]) => head!.includes('challenge error') && head!.includes('case'))!;
    const column = revoked[0]!.indexOf('challenge error');
    const byStatus = Object.fromEntries(revoked.slice(1).map((row) => [`${row[1]} ${row[3]}`, row[column]]));
    expect(byStatus).toEqual({
      'GET /orders/{id} 200': '—', // served: a challenge means nothing there
      'GET /orders 401': 'no Bearer challenge', // refused without one: worth saying
      'GET /orders/{id} no response': '—',
      'GET /orders no response': '—',
    });
    const rotation = all.find(([head]) => head![0] === 'phase')!;
    expect(rotation.slice(1).map((row) => row[3])).toEqual(['—', 'invalid_token', '—']);
    expect(md).not.toMatch(/\b1 cases\b|\b1 changes\b|\b1 drifted cells\b/);
    expect(md).toContain('1 change from the approved baseline');
    expect(md).toContain('1 drifted cell');
  });

  it('a challenge column means something on refusals only', () => {
    expect([challengeText(200, null), challengeText(302, null), challengeText(null, null), challengeText(401, null), challengeText(401, ''), challengeText(401, 'invalid_token')]).toEqual(['—', '—', '—', 'no Bearer challenge', 'no error code', 'invalid_token']);
  });

  it('"… and 1 more": the noun follows the number in summary.md and in annotations', () => {
    const e = sampleEvidence();
    const many = Array.from({ length: 101 }, (_, i) => ({ ...[...e.cases.read({ suite: 'revoked-token' })][0]!, index: i, id: `c${i}` }));
    const md = summaryMarkdown({ ...e, cases: caseList(many) });
    expect(md).toContain('… and 1 more revoked-token case: see report.html or junit.xml.');
    expect(md).toContain('… and 1 more case that did not hold: see report.html or junit.xml.');
    const annotations = githubAnnotations({ ...e, cases: caseList(many.slice(0, 51)) });
    expect(annotations.some((l) => l.includes('1 more case did not hold'))).toBe(true);
  });

  it('JUnit: a passing case says which checks ran, a case nothing answered says none; still valid against junit-10.xsd', async () => {
    const xml = buildJUnit(sampleEvidence());
    expect(await validateJUnit(xml)).toEqual([]);
    const byName = Object.fromEntries(readJUnitCases(xml).map((c) => [c.name, c.body]));
    // every registered check but the one that judges listening sockets, not exchanges
    const ran = `checks-run: ${checks.filter((c) => c.id !== 'exposure').map((c) => c.id).join(', ')}`;
    expect(ran).not.toContain('exposure');
    expect(byName['GET /orders/{id} › positive › least-privilege']).toContain(ran);
    expect(byName['GET /orders › unauthorized › scope-orders:write']).toContain(ran);
    expect(byName['GET /orders/{id} › revoked-token › revoked-jwt']).not.toContain('checks-run');
    expect(byName['GET /orders/{id} › malformed › broken-json']).not.toContain('checks-run');
  });
});

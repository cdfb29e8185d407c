import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readJUnitCases, validateJUnit } from '../../test/junitXml.ts';
import { buildJUnit, writeJUnit } from './junit.ts';
import { sampleEvidence } from './test-support.ts';

describe('junit.xml on junit-report-builder’s public API', () => {
  it('is valid against junit-10.xsd, with the suite attributes the builder has no setter for', async () => {
    const xml = buildJUnit(sampleEvidence({ title: 'GET /x › unauthorized › <script>"&\'' }));
    expect(await validateJUnit(xml)).toEqual([]);
    const suites = [...xml.matchAll(/<testsuite (.*?)>/g)].map((m) => m[1]!);
    expect(suites).toHaveLength(5); // four request suites and the baseline's
    for (const attrs of suites) expect(attrs).toMatch(/ hostname="ci-host" id="[^"]+" package="orders-api"/);
    expect(suites[1]).toContain('tests="4" failures="1" errors="1" skipped="1"');
    expect(readJUnitCases(xml).map((c) => c.name)).toContain('GET /x › unauthorized › <script>"&\'');
  });

  it('writes case by case: the chunks are the whole document, one testcase per chunk', () => {
    const chunks: string[] = [];
    writeJUnit(sampleEvidence(), (chunk) => chunks.push(chunk));
    expect(chunks.join('')).toBe(buildJUnit(sampleEvidence()));
    expect(chunks.filter((c) => c.includes('<testcase')).every((c) => c.match(/<testcase\b/g)!.length === 1)).toBe(true);
  });

  it('touches none of the builder’s private state', () => {
    const source = readFileSync(new URL('./junit.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/\._\w+|\b_attributes\b|as never/);
  });
});

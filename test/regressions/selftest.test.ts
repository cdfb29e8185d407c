import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REGRESSIONS } from '../../fixtures/reference-api/index.ts';
import { EXPECTED } from './catalogue.ts';
import { detect, type Detection } from './detect.ts';

const SEED = 20261123;
const detections: Detection[] = [];

describe('every catalogued regression is caught by the suite and check that should catch it, and by nothing else', () => {
  it('has an expectation for every regression of the reference API', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(REGRESSIONS.map((r) => r.id).sort());
  });

  // Each is a whole `harden run` through the CLI, reports included: a longer deadline than one request's.
  it.each(REGRESSIONS.map((r) => r.id))('%s', async (id) => {
    const expected = EXPECTED[id]!;
    const detection = await detect(id, expected.manifest, SEED);
    detections.push(detection);
    expect(detection.exitCode).toBe(1);
    expect([...detection.pairs]).toContain(expected.primary.join('/'));
    const unrelated = [...detection.pairs].filter((pair) => {
      const [suite, check] = pair.split('/') as [string, string];
      return !expected.suites.includes(suite as never) || !expected.checks.includes(check as never);
    });
    expect(unrelated, `findings unrelated to ${id}`).toEqual([]);
  }, 120_000);

  it('is documented: docs/detection.md lists every regression with the suite and check that catch it', () => {
    const doc = readFileSync('docs/detection.md', 'utf8');
    for (const r of REGRESSIONS) {
      const [suite, check] = EXPECTED[r.id]!.primary;
      expect(doc).toMatch(new RegExp(`\\| \`${r.id}\` \\|[^\\n]*\\| ${suite} \\| \`${check}\` \\|[^\\n]*\\| caught \\|`));
    }
  });

  it('reports the detection rate', () => {
    const caught = detections.filter((d) => d.exitCode === 1).length;
    console.log(`detection: ${caught}/${REGRESSIONS.length} regressions caught (${((100 * caught) / REGRESSIONS.length).toFixed(0)}%)`);
    expect(caught).toBe(REGRESSIONS.length);
  });
});

import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTarget } from '../harness.ts';
import { readEvidence, runAgainst } from './reportRun.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`report.html browser test skipped: ${CHROMIUM} is missing (Debian: apt-get install -y chromium)`);

// Observed colours of the grid (src/report/html/assets.ts), as the browser computes them.
const COLOUR = { allow: 'rgb(200, 239, 208)', deny: 'rgb(221, 227, 236)', drift: 'rgb(255, 201, 201)', driftEdge: 'rgb(198, 40, 40)' };

describe.skipIf(!hasChromium)('report.html in headless Chromium', () => {
  let browser: Browser;
  let reports: string;
  let target: Awaited<ReturnType<typeof startTarget>>;

  beforeAll(async () => {
    target = await startTarget(['write-accepts-read-scope']);
    const [result, launched] = await Promise.all([
      runAgainst(target),
      chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] }),
    ]);
    expect(result.code).toBe(1);
    reports = result.reports;
    browser = launched;
  });
  afterAll(async () => {
    await browser?.close();
    await target?.close();
  });

  it('draws the scope matrix as a grid coloured by observation, highlights the drift, filters by suite, and loads nothing', async () => {
    const evidence = readEvidence(reports);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const fetched: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => fetched.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    const url = pathToFileURL(resolve(reports, 'report.html')).href;
    await page.goto(url);

    // The grid: one cell per endpoint × catalogued scope, its facts as data attributes and classes.
    const cells = await page.$$eval('#scope-matrix td.cell', (tds) =>
      tds.map((td): Record<string, string> => ({ ...((td as HTMLElement).dataset as Record<string, string>), className: td.className, background: getComputedStyle(td).backgroundColor, outline: getComputedStyle(td).outlineColor, outlineWidth: getComputedStyle(td).outlineWidth })),
    );
    expect(cells.length).toBe(evidence.scopeMatrix.endpoints.length * evidence.scopeMatrix.scopes.length);
    for (const cell of cells) {
      const expected = evidence.scopeMatrix.cells.find((c) => c.endpointId === cell.endpoint && c.scope === cell.scope)!;
      expect(cell).toMatchObject({ expected: expected.expected, observed: expected.observed, drift: expected.drift, case: expected.caseId });
      expect(cell.className).toContain(`observed-${expected.observed}`);
      expect(cell.className).toContain(`expected-${expected.expected}`);
      if (expected.drift === 'none') {
        expect(cell.className).not.toContain('drift');
        expect(cell.background).toBe(COLOUR[expected.observed as 'allow' | 'deny']);
      }
    }
    const drifted = cells.filter((c) => c.drift !== 'none');
    expect(drifted).toEqual([expect.objectContaining({ endpoint: 'createOrder', scope: 'orders:read', expected: 'deny', observed: 'allow', drift: 'over-permission', status: '201' })]);
    expect(drifted[0]!.className).toContain('drift');
    expect(drifted[0]!.background).toBe(COLOUR.drift);
    expect(drifted[0]!.outline).toBe(COLOUR.driftEdge);
    expect(drifted[0]!.outlineWidth).toBe('3px');

    // Suite filter: only unauthorized cases stay visible; endpoint groups without one disappear.
    const visibleRows = () => page.$$eval('tr.case-row:not([hidden])', (rows) => rows.map((r) => (r as HTMLElement).dataset.suite));
    expect((await visibleRows()).length).toBe(evidence.totals.tests);
    for (const suite of Object.keys(evidence.suites)) if (suite !== 'unauthorized' && evidence.suites[suite as keyof typeof evidence.suites].tests > 0) await page.uncheck(`input[data-suite-filter="${suite}"]`);
    const rows = await visibleRows();
    expect(rows.length).toBe(evidence.suites.unauthorized.tests);
    expect(new Set(rows)).toEqual(new Set(['unauthorized']));
    const groups = await page.$$eval('[data-endpoint-group]:not([hidden])', (els) => els.map((e) => (e as HTMLElement).dataset.endpointGroup));
    expect(groups).toEqual(['createOrder']);
    expect(await page.isVisible('details.case[data-suite="unauthorized"]')).toBe(true);
    await page.check('#only-failing');
    expect((await visibleRows()).length).toBe(1);

    const shot = join(mkdtempSync(join(tmpdir(), 'harden-html-')), 'report.png');
    await page.locator('#scope-matrix').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);

    expect(errors).toEqual([]);
    // Self-contained: the only request is the file itself.
    expect(fetched).toEqual([url]);
    await page.close();
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REFERENCE_MANIFEST } from './harness.ts';
import { detect } from './regressions/detect.ts';

const dir = mkdtempSync(join(tmpdir(), 'harden-disclosure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The reference manifest with a `disclosure` block added. */
function manifestAllowing(headers: string[]): string {
  const file = join(dir, `manifest-${headers.join('-') || 'none'}.yaml`);
  writeFileSync(file, `${readFileSync(REFERENCE_MANIFEST, 'utf8')}\ndisclosure: { allowHeaders: [${headers.join(', ')}] }\n`);
  return file;
}

describe('disclosure.allowHeaders, end to end against the server-version-header regression', () => {
  it('allowing both headers the regression adds (in any case) makes the gate pass', async () => {
    const detection = await detect('server-version-header', manifestAllowing(['Server', 'X-Powered-By']), 1);
    expect([...detection.pairs]).toEqual([]);
    expect(detection.exitCode).toBe(0);
  });
  it('allowing one leaves the other a finding', async () => {
    const detection = await detect('server-version-header', manifestAllowing(['server']), 1);
    expect(detection.exitCode).toBe(1);
    expect([...detection.pairs].every((pair) => pair.endsWith('/no-leak'))).toBe(true);
  });
});

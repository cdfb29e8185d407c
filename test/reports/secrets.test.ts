import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTarget } from '../harness.ts';
import { quietEnv, runAgainst } from './reportRun.ts';

/** Every file under a folder, recursively. */
const filesUnder = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));

/** The forms a secret takes once a renderer escapes it: as is, JSON-escaped, HTML/XML-escaped. */
const forms = (secret: string) => [...new Set([secret, JSON.stringify(secret).slice(1, -1), secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')])];

describe('no secret in any report', () => {
  it('keeps every token and the client secret out of every report file, the job summary, annotations and the console, even when the API echoes tokens', async () => {
    const target = await startTarget(['token-echoed-in-error']);
    try {
      const folder = mkdtempSync(join(tmpdir(), 'harden-secrets-'));
      // Every output at once: reports, GitHub job summary and annotations, a baseline, progress lines.
      const env = quietEnv(target.env, { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: join(folder, 'step-summary.md') });
      const result = await runAgainst(target, ['--reports-dir', folder, '--junit', join(folder, 'junit', 'junit.xml'), '--baseline', join(folder, 'baseline.json'), '--update-baseline', '--progress'], env);
      expect(result.code, result.out).toBe(1);
      expect(result.secrets).toContain(target.clientSecret);
      expect(result.secrets.length).toBeGreaterThanOrEqual(4);
      const basic = Buffer.from(`${target.env.HARDEN_CLIENT_ID}:${target.clientSecret}`).toString('base64');
      const files = filesUnder(folder);
      expect(files.map((f) => f.slice(folder.length + 1)).sort()).toEqual(['baseline.json', 'evidence.json', 'junit/junit.xml', 'report.html', 'step-summary.md', 'summary.md']);
      const outputs: [string, string][] = [['stdout', result.out], ['stderr', result.err], ...files.map((f): [string, string] => [f, readFileSync(f, 'utf8')])];
      for (const secret of [...result.secrets, basic]) {
        for (const form of forms(secret)) {
          for (const [name, text] of outputs) expect(text.includes(form), `${name} holds a secret`).toBe(false);
        }
      }
      // The echo was caught and labelled, not silently dropped.
      expect(readFileSync(join(folder, 'evidence.json'), 'utf8')).toMatch(/\[REDACTED token#\d+/);
      expect(result.out).toMatch(/^::error title=orders-api%3A .*::\[no-leak\] A credential was echoed back/m);
    } finally {
      await target.close();
    }
  });
});

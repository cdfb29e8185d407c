import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { HardenError } from '../errors.ts';
import type { Evidence } from './evidence.ts';
import { writeEvidenceJson } from './evidenceJson.ts';
import { writeHtmlReport } from './htmlReport.ts';
import { writeJUnit } from './junit.ts';
import { summaryMarkdown } from './summaryMarkdown.ts';

export interface ReportPaths {
  /** Folder for evidence.json, summary.md and report.html. */
  dir: string;
  junit: string;
}

/** Where a report's text goes, chunk by chunk. */
export interface ReportSink {
  write(chunk: string): void;
  close(): void;
}

/** Where each report of a reports folder goes. */
export function reportFiles(paths: ReportPaths) {
  return { junit: paths.junit, evidence: join(paths.dir, 'evidence.json'), summary: join(paths.dir, 'summary.md'), html: join(paths.dir, 'report.html') };
}

/** Chunks are gathered up to this many characters before one write. */
const BUFFER_CHARS = 16 * 1024;

/**
 * A report file written chunk by chunk, each chunk passed through `redact` on its way out. The
 * renderers cut chunks only between whole values (a case, a row, an element), so a secret can
 * never straddle two of them.
 */
export function fileSink(path: string, redact: (text: string) => string = (text) => text): ReportSink {
  const fd = openSync(path, 'w');
  let pending: string[] = [];
  let size = 0;
  const flush = () => {
    if (size === 0) return;
    writeSync(fd, pending.join(''));
    pending = [];
    size = 0;
  };
  return {
    write(chunk) {
      const text = redact(chunk);
      pending.push(text);
      size += text.length;
      if (size >= BUFFER_CHARS) flush();
    },
    close() {
      try {
        flush();
      } finally {
        closeSync(fd);
      }
    },
  };
}

/**
 * Renders every file report from one evidence document, one after the other, streaming each to
 * the sink `open` gives for its path (the CLI's redacts every chunk again). Returns the paths written.
 */
export function writeReports(evidence: Evidence, paths: ReportPaths, open: (path: string) => ReportSink): string[] {
  const files = reportFiles(paths);
  const renderers: [string, (write: (chunk: string) => void) => void][] = [
    [files.junit, (write) => writeJUnit(evidence, write)],
    [files.evidence, (write) => writeEvidenceJson(evidence, write)],
    [files.summary, (write) => write(summaryMarkdown(evidence))],
    [files.html, (write) => writeHtmlReport(evidence, write)],
  ];
  for (const [path, render] of renderers) {
    try {
      mkdirSync(dirname(path), { recursive: true });
      const sink = open(path);
      try {
        render((chunk) => sink.write(chunk));
      } finally {
        sink.close();
      }
    } catch (cause) {
      throw new HardenError('REPORT_WRITE_FAILED', `Cannot write the report ${path}: ${(cause as Error).message}. Check the path, or pass --reports-dir / --junit.`, { cause });
    }
  }
  return renderers.map(([path]) => path);
}

import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { HardenError } from '../errors.ts';
import type { EvidenceDocument } from './evidence.ts';
import { htmlReport } from './htmlReport.ts';
import { buildJUnit } from './junit.ts';
import { summaryMarkdown } from './summaryMarkdown.ts';

export interface ReportPaths {
  /** Folder for evidence.json, summary.md and report.html. */
  dir: string;
  junit: string;
}

/** Where each report of a reports folder goes. */
export function reportFiles(paths: ReportPaths) {
  return { junit: paths.junit, evidence: join(paths.dir, 'evidence.json'), summary: join(paths.dir, 'summary.md'), html: join(paths.dir, 'report.html') };
}

/**
 * Renders every file report from one evidence document and hands each text to `write`
 * (the CLI's write redacts it again on the way out). Returns the paths written.
 */
export function writeReports(evidence: EvidenceDocument, paths: ReportPaths, write: (path: string, text: string) => void): string[] {
  const files = reportFiles(paths);
  const texts: [string, () => string][] = [
    [files.junit, () => buildJUnit(evidence)],
    [files.evidence, () => `${JSON.stringify(evidence, null, 2)}\n`],
    [files.summary, () => summaryMarkdown(evidence)],
    [files.html, () => htmlReport(evidence)],
  ];
  for (const [path, render] of texts) {
    try {
      mkdirSync(dirname(path), { recursive: true });
      write(path, render());
    } catch (cause) {
      throw new HardenError('REPORT_WRITE_FAILED', `Cannot write the report ${path}: ${(cause as Error).message}. Check the path, or pass --reports-dir / --junit.`, { cause });
    }
  }
  return texts.map(([path]) => path);
}

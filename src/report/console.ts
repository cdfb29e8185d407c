import { SUITES, type Case } from '../plan/case.ts';
import type { Reporter } from '../run/reporter.ts';
import { failureHeadline } from './caseDetails.ts';
import { matrixTable } from './matrixTable.ts';
import { replayCommand } from './replay.ts';

const pad = (text: string | number, width: number) => String(text).padStart(width);

/** How many replay commands the end of the run shows; the JUnit report has every one. */
const REPLAYS_SHOWN = 5;

/** Human output: the seed up front, each failing case as it lands, counts per suite at the end. */
export function consoleReporter(write: (line: string) => void): Reporter {
  // The failing cases first in plan order (results land in any order), without keeping the rest.
  let failingCount = 0;
  const firstFailing: { index: number; case: Case; path?: string }[] = [];
  return {
    onRunStart({ plan, baseUrl, manifestFile }) {
      write(`harden: ${plan.cases.length} cases for ${plan.service} at ${baseUrl} (manifest ${manifestFile})`);
      write(`seed: ${plan.seed}   (same cases again: --seed ${plan.seed})`);
    },
    onCaseResult(result, index) {
      if (result.status === 'passed' || result.status === 'skipped') return;
      failingCount += 1;
      firstFailing.push({ index, case: result.case, path: result.property?.path });
      firstFailing.sort((a, b) => a.index - b.index).splice(REPLAYS_SHOWN);
      write(`${result.status === 'failed' ? 'FAIL ' : 'ERROR'} ${result.case.title}`);
      write(`      ${failureHeadline(result)}`);
      if (result.property?.counterexample !== undefined) write(`      smallest failing input: ${result.property.counterexample}`);
    },
    onRunEnd(summary) {
      write('');
      write(`${'suite'.padEnd(14)} ${pad('tests', 6)} ${pad('passed', 7)} ${pad('failed', 7)} ${pad('errors', 7)} ${pad('skipped', 8)}`);
      for (const suite of SUITES) {
        const c = summary.suites[suite];
        if (c.tests > 0) write(`${suite.padEnd(14)} ${pad(c.tests, 6)} ${pad(c.passed, 7)} ${pad(c.failed, 7)} ${pad(c.errors, 7)} ${pad(c.skipped, 8)}`);
      }
      const t = summary.totals;
      write(`${'total'.padEnd(14)} ${pad(t.tests, 6)} ${pad(t.passed, 7)} ${pad(t.failed, 7)} ${pad(t.errors, 7)} ${pad(t.skipped, 8)}`);
      const matrix = matrixTable(summary.scopeMatrix);
      if (matrix.length > 0) {
        write('');
        write('scope matrix (observed; ! = differs from the manifest):');
        for (const line of matrix) write(`  ${line}`);
      }
      for (const warning of summary.warnings) write(`warning: ${warning}`);
      if (failingCount > 0) {
        write('');
        write('replay a failing case:');
        for (const f of firstFailing) write(`  ${replayCommand(f.case, summary.manifestFile, summary.seed, summary.baseUrl, f.path, summary.replayFlags)}`);
        if (failingCount > REPLAYS_SHOWN) write(`  … and ${failingCount - REPLAYS_SHOWN} more (see the JUnit report)`);
      }
      const seconds = ((summary.finishedAt.getTime() - summary.startedAt.getTime()) / 1000).toFixed(1);
      const sent = t.tests - t.skipped;
      write(`${t.failed + t.errors === 0 ? 'PASS' : 'FAIL'}: ${t.passed}/${sent} held${t.skipped > 0 ? ` (${t.skipped} skipped)` : ''} in ${seconds}s, seed ${summary.seed}`);
    },
  };
}

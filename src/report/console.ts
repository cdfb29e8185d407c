import { SUITES, type Case } from '../plan/case.ts';
import type { Reporter } from '../run/reporter.ts';
import type { SuiteCounts } from '../run/summarise.ts';
import { failureHeadline } from './caseDetails.ts';
import { matrixTable } from './matrixTable.ts';
import { plain, type Paint } from './colour.ts';
import { replayCommand } from './replay.ts';

const pad = (text: string | number, width: number) => String(text).padStart(width);

/** How many replay commands the end of the run shows; the JUnit report has every one. */
const REPLAYS_SHOWN = 5;

export interface ConsoleOptions {
  /** Colour for a terminal (src/report/colour.ts); plain by default. */
  paint?: Paint;
}

/**
 * Human output: the seed up front, each failing case as it lands, counts per suite at the end.
 * Colour says what a line means (failures red, not proven yellow, secondary text dim) and adds
 * nothing else: stripped of its escapes, the output is the plain text.
 */
export function consoleReporter(write: (line: string) => void, options: ConsoleOptions = {}): Reporter {
  const paint = options.paint ?? plain;
  // The failing cases first in plan order (results land in any order), without keeping the rest.
  let failingCount = 0;
  const firstFailing: { index: number; case: Case; path?: string }[] = [];
  // Not-proven cases share their reason per suite: one line each, never a silent absence.
  const unproven = new Map<string, { count: number; reason: string }>();
  return {
    onRunStart({ plan, baseUrl, manifestFile }) {
      write(`harden: ${plan.cases.length} cases for ${plan.service} at ${baseUrl} (manifest ${manifestFile})`);
      write(paint('dim', `seed: ${plan.seed}   (same cases again: --seed ${plan.seed})`));
    },
    onCaseResult(result, index) {
      if (result.status === 'not-proven') {
        const seen = unproven.get(result.case.suite) ?? { count: 0, reason: result.skipReason ?? 'not proven' };
        unproven.set(result.case.suite, { ...seen, count: seen.count + 1 });
        return;
      }
      if (result.status === 'passed' || result.status === 'skipped') return;
      failingCount += 1;
      firstFailing.push({ index, case: result.case, path: result.property?.path });
      firstFailing.sort((a, b) => a.index - b.index).splice(REPLAYS_SHOWN);
      write(paint('fail', `${result.status === 'failed' ? 'FAIL ' : 'ERROR'} ${result.case.title}`));
      write(`      ${failureHeadline(result)}`);
      if (result.property?.counterexample !== undefined) write(`      smallest failing input: ${result.property.counterexample}`);
    },
    onRunEnd(summary) {
      write('');
      const row = (name: string, c: SuiteCounts) => `${name.padEnd(14)} ${pad(c.tests, 6)} ${pad(c.passed, 7)} ${pad(c.failed, 7)} ${pad(c.errors, 7)} ${pad(c.skipped, 8)} ${pad(c.notProven, 11)}`;
      // A row is red when a case in it did not hold, yellow when one could not be proven.
      const tinted = (name: string, c: SuiteCounts) => (c.failed + c.errors > 0 ? paint('fail', row(name, c)) : c.notProven > 0 ? paint('not-proven', row(name, c)) : row(name, c));
      write(paint('dim', `${'suite'.padEnd(14)} ${pad('tests', 6)} ${pad('passed', 7)} ${pad('failed', 7)} ${pad('errors', 7)} ${pad('skipped', 8)} ${pad('not proven', 11)}`));
      for (const suite of SUITES) if (summary.suites[suite].tests > 0) write(tinted(suite, summary.suites[suite]));
      write(tinted('total', summary.totals));
      for (const [suite, { count, reason }] of unproven) {
        write(paint('not-proven', `not proven: ${suite}, ${count} ${count === 1 ? 'case' : 'cases'} (${reason.replace(/^not proven: /, '')}); --require ${suite} makes this fail the gate`));
      }
      const matrix = matrixTable(summary.scopeMatrix);
      if (matrix.length > 0) {
        write('');
        write(paint('dim', 'scope matrix (observed; ! = differs from the manifest):'));
        for (const line of matrix) write(`  ${line.startsWith('! ') ? paint('fail', line) : line}`);
      }
      for (const warning of summary.warnings) write(paint('not-proven', `warning: ${warning}`));
      if (failingCount > 0) {
        write('');
        write('replay a failing case:');
        for (const f of firstFailing) write(`  ${replayCommand(f.case, summary.manifestFile, summary.seed, summary.baseUrl, f.path, summary.replayFlags, summary.replayPrefix)}`);
        if (failingCount > REPLAYS_SHOWN) write(paint('dim', `  … and ${failingCount - REPLAYS_SHOWN} more (see the JUnit report)`));
      }
    },
  };
}

import { SUITES, type Case, type SuiteId } from '../plan/case.ts';
import type { Reporter } from '../run/reporter.ts';
import type { SuiteCounts } from '../model/counts.ts';
import { failureHeadline } from './caseDetails.ts';
import { matrixTable } from './matrixTable.ts';
import { plain, type Paint } from './colour.ts';
import { CauseGroups, causeOf, type CauseGroup } from './groupFindings.ts';
import { plural } from './plural.ts';
import { replayCommand } from './replay.ts';

const pad = (text: string | number, width: number) => String(text).padStart(width);

/** How many groups of cases that did not hold the end of the run shows; summary.md has every case. */
export const GROUPS_SHOWN = 20;

/** A group's first message, on one line and cut: the full text is in the reports. */
const MESSAGE_CHARS = 200;
const oneLine = (text: string) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MESSAGE_CHARS ? `${line.slice(0, MESSAGE_CHARS - 1)}…` : line;
};

export interface ConsoleOptions {
  /** Colour for a terminal (src/report/colour.ts); plain by default. */
  paint?: Paint;
  /** Where the full list of cases that did not hold is, for the line that says more groups were left out. */
  summaryPath?: string;
}

/** What the console keeps of a group's first case: enough for its replay line. */
interface FirstCase {
  case: Case;
  path?: string;
  counterexample?: string;
}

/** "GET /orders/{id} · STATUS_UNEXPECTED × 7", "… · CHALLENGE_MISSING × 9 (also ERROR_CONTENT_TYPE)", "POST /orders · no response (timeout) × 2". */
const groupLabel = (g: CauseGroup<FirstCase>) => `${g.route} · ${g.cause.verdict === 'failed' ? g.cause.code : `no response (${g.cause.code})`} × ${g.count}${g.also.length > 0 ? ` (also ${g.also.join(', ')})` : ''}`;

/**
 * Human output: the seed up front, the first case of each new cause as it lands, counts per suite,
 * then the cases that did not hold grouped by endpoint and cause (one root cause often fails many
 * cases), each group with its count, first message and one replay line, at most GROUPS_SHOWN of them.
 * Colour says what a line means (failures red, not proven yellow, secondary text dim) and adds
 * nothing else: stripped of its escapes, the output is the plain text.
 */
export function consoleReporter(write: (line: string) => void, options: ConsoleOptions = {}): Reporter {
  const paint = options.paint ?? plain;
  // Counts and the first case in plan order per (route, cause); results land in any order.
  const causes = new CauseGroups<FirstCase>();
  let notHolding = 0;
  // Not-proven cases share their reason per suite: one line each, never a silent absence.
  const unproven = new Map<SuiteId, { count: number; reason: string }>();
  return {
    onRunStart({ plan, baseUrl, manifestFile }) {
      write(`harden: ${plural(plan.cases.length, 'case')} for ${plan.service} at ${baseUrl} (manifest ${manifestFile})`);
      write(paint('dim', `seed: ${plan.seed}   (same cases again: --seed ${plan.seed})`));
    },
    onCaseResult(result, index) {
      if (result.status === 'not-proven') {
        const seen = unproven.get(result.case.suite) ?? { count: 0, reason: result.skipReason ?? 'not proven' };
        unproven.set(result.case.suite, { ...seen, count: seen.count + 1 });
        return;
      }
      if (result.status === 'passed' || result.status === 'skipped') return;
      notHolding += 1;
      const cause = causeOf({ verdict: result.status, findings: result.findings, failure: result.failure })!;
      const fresh = causes.add(result.case.route, index, cause, { case: result.case, path: result.property?.path, counterexample: result.property?.counterexample });
      // Live, only a cause not yet seen on this route: the rest of its group is counted at the end.
      if (!fresh) return;
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
      for (const suite of SUITES) {
        const seen = unproven.get(suite);
        if (!seen) continue;
        const { count, reason } = seen;
        write(paint('not-proven', `not proven: ${suite}, ${plural(count, 'case')} (${reason.replace(/^not proven: /, '')}); --require ${suite} makes this fail the gate`));
      }
      const matrix = matrixTable(summary.scopeMatrix);
      if (matrix.length > 0) {
        write('');
        write(paint('dim', 'scope matrix (observed; ! = differs from the manifest):'));
        for (const line of matrix) write(`  ${line.startsWith('! ') ? paint('fail', line) : line}`);
      }
      for (const warning of summary.warnings) write(paint('not-proven', `warning: ${warning}`));
      if (notHolding > 0) {
        const groups = causes.groups();
        write('');
        write(`did not hold, by endpoint and cause (${plural(notHolding, 'case')}, ${plural(groups.length, 'group')}; each replay line re-runs the group's first case):`);
        for (const g of groups.slice(0, GROUPS_SHOWN)) {
          const { case: first, path, counterexample } = g.first.item;
          write(paint('fail', `  ${groupLabel(g)}`));
          if (g.cause.message) write(`    ${oneLine(g.cause.message)}`);
          if (counterexample !== undefined) write(`    smallest failing input: ${counterexample}`);
          write(`  ${replayCommand(first, summary.manifestFile, summary.seed, summary.baseUrl, path, summary.replayFlags, summary.replayPrefix)}`);
        }
        const left = groups.length - GROUPS_SHOWN;
        if (left > 0) write(paint('dim', `  … and ${plural(left, 'more group', 'more groups')} — see ${options.summaryPath ?? 'reports/summary.md'}`));
      }
    },
  };
}

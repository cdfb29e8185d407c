import type { Reporter } from '../run/reporter.ts';

export interface ProgressOptions {
  /** Where progress goes (stderr in the CLI); called with whole text, newline included. */
  write: (text: string) => void;
  /** tty: one line redrawn in place; plain: a line every `intervalMs` (CI logs keep every line). */
  mode: 'tty' | 'plain';
  intervalMs?: number;
  /** Terminal width, to keep the redrawn line on one row. */
  columns?: number;
  now?: () => number;
}

/** stop: ends the timer (also on a failed run); beforeOutput: clears the live line so other output starts on a clean row. */
export type ProgressReporter = Reporter & { stop(): void; beforeOutput(): void };

/** Progress of a long run; says nothing about verdicts beyond a count of cases that did not hold. */
export function progressReporter(options: ProgressOptions): ProgressReporter {
  const now = options.now ?? (() => performance.now());
  let total = 0;
  let done = 0;
  let failing = 0;
  let started = now();
  let lastDraw = -Infinity;
  let timer: NodeJS.Timeout | undefined;

  const status = () => {
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    return `${done}/${total} cases (${percent}%), ${failing} not holding, ${((now() - started) / 1000).toFixed(0)}s`;
  };
  const draw = (title = '') => {
    const line = `harden: ${status()}${title ? ` · ${title}` : ''}`;
    // A terminal that reports no size (0) gets the classic 80 columns.
    const width = Math.max(20, (options.columns || 80) - 1);
    options.write(`\r\x1b[2K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
  };
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };

  return {
    stop,
    beforeOutput() {
      if (options.mode !== 'tty' || lastDraw === -Infinity) return;
      options.write('\r\x1b[2K');
      lastDraw = -Infinity;
    },
    onRunStart({ plan }) {
      total = plan.cases.length;
      started = now();
      if (options.mode === 'plain') {
        // A timer, not case results, so a run stuck on slow requests still shows it is alive.
        timer = setInterval(() => options.write(`progress: ${status()}\n`), options.intervalMs ?? 5_000);
        timer.unref();
      }
    },
    onCaseResult(result) {
      done += 1;
      if (result.status === 'failed' || result.status === 'error') failing += 1;
      // Redraw at most ten times a second: a terminal is slower than a fast local API.
      if (options.mode === 'tty' && (now() - lastDraw >= 100 || done === total)) {
        lastDraw = now();
        draw(result.case.title);
      }
    },
    onRunEnd() {
      stop();
      if (options.mode === 'tty') options.write('\r\x1b[2K');
    },
  };
}

import type { ProgressSink } from './progressFor.ts';

/** Planning that lasts longer than this shows progress, so a long plan is not mistaken for a hang. */
const QUIET_MS = 1_000;
/** Plain progress lines (CI logs) come at most this often. */
const PLAIN_EVERY_MS = 5_000;

/** Called as each endpoint's cases are planned; `end` clears a live line. */
export type PlanningProgress = ((done: number, total: number) => void) & { end: () => void };

/**
 * Progress for a synchronous loop: nothing for the first second; then a line redrawn in place on a
 * terminal, or a plain line every few seconds in a CI log (CI=true), as `harden run` shows it.
 * Nowhere else: a captured stderr gets no progress.
 */
export function planningProgress(sink: ProgressSink | undefined, env: NodeJS.ProcessEnv): PlanningProgress {
  const mode = !sink ? undefined : sink.tty && env.CI !== 'true' ? 'tty' : env.CI === 'true' ? 'plain' : undefined;
  const started = performance.now();
  let last = -Infinity;
  let drawn = false;
  const show = (done: number, total: number) => {
    const now = performance.now();
    if (!sink || !mode || now - started < QUIET_MS) return;
    const text = `planning: ${done}/${total} endpoints`;
    const seconds = `${((now - started) / 1000).toFixed(0)}s`;
    if (mode === 'tty') {
      const width = Math.max(20, (sink.columns || 80) - 1);
      const line = `harden: ${text} · ${seconds}`;
      sink.write(`\r\x1b[2K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
      drawn = true;
    } else if (now - last >= PLAIN_EVERY_MS) {
      sink.write(`progress: ${text} · ${seconds}\n`);
      last = now;
    }
  };
  return Object.assign(show, { end: () => drawn && sink?.write('\r\x1b[2K') });
}

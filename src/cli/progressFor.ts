import { progressReporter, type ProgressReporter } from '../report/progress.ts';

/** Where the CLI may draw progress: the real stderr, never a test's captured output. */
export interface ProgressSink {
  write: (text: string) => void;
  tty: boolean;
  columns?: number;
}

/**
 * Picks the progress display: none with --no-progress; a live line on a terminal; plain lines every
 * 5 s in CI (CI=true) or when stderr is not a terminal. Without a sink (tests, embedding), progress
 * appears only when --progress asks for it, as plain lines on the error stream.
 */
export function progressFor(flag: boolean | undefined, sink: ProgressSink | undefined, env: NodeJS.ProcessEnv, err: (line: string) => void, redact: (text: string) => string): ProgressReporter | undefined {
  if (flag === false) return undefined;
  if (sink) return progressReporter({ write: (t) => sink.write(redact(t)), mode: sink.tty && env.CI !== 'true' ? 'tty' : 'plain', columns: sink.columns });
  if (flag === true) return progressReporter({ write: (t) => err(redact(t.trimEnd())), mode: 'plain' });
  return undefined;
}

/**
 * One `harden plan FILE --format json` in a process of its own, as the corpus (scripts/corpus.ts)
 * and the bench's largest-documents section (bench/documents.ts) both measure it: so a hang can be
 * killed and each peak RSS is one document's. The preload (scripts/corpusUsage.cjs) reports the
 * child's CPU time and peak RSS as it exits, on stderr; stdout is the plan's JSON.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const USAGE = fileURLToPath(new URL('./corpusUsage.cjs', import.meta.url));

export interface PlanChildResult {
  /** Killed at a deadline. */
  killed: boolean;
  code: number | null;
  wallMs: number;
  /** CPU time and peak RSS, when the child lived to report them. */
  cpuMs?: number;
  rssMb?: number;
  stdout: string;
  /** The end of stderr, the usage line taken out. */
  stderr: string;
}

/** User + system CPU milliseconds of a process, from /proc (Linux); 0 where it cannot be read. */
function cpuMsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) / 100) * 1000;
  } catch {
    return 0;
  }
}

/**
 * Runs `bin plan file --format json …args`. `cpuDeadlineMs` kills it past that much CPU time (a
 * machine shared with other work stretches wall time, not CPU time); `wallDeadlineMs` on the clock.
 */
export function planChild(bin: string, file: string, args: string[], deadlines: { wallDeadlineMs: number; cpuDeadlineMs?: number }): Promise<PlanChildResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--require', USAGE, bin, 'plan', file, '--format', 'json', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', CI: '' } });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => (err = (err + d).slice(-4000)));
    const wallTimer = setTimeout(() => child.kill('SIGKILL'), deadlines.wallDeadlineMs);
    const cpuTimer = deadlines.cpuDeadlineMs === undefined ? undefined : setInterval(() => cpuMsOf(child.pid) > deadlines.cpuDeadlineMs! && child.kill('SIGKILL'), 500);
    child.on('close', (code, signal) => {
      clearTimeout(wallTimer);
      clearInterval(cpuTimer);
      const usage = /corpus-usage (\{.*\})/.exec(err);
      resolve({
        killed: signal === 'SIGKILL',
        code,
        wallMs: performance.now() - started,
        ...(usage ? (JSON.parse(usage[1]!) as { cpuMs: number; rssMb: number }) : {}),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: err.replace(/\n?corpus-usage \{.*\}\n?/, '').trim(),
      });
    });
  });
}

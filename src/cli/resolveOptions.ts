import { randomInt } from 'node:crypto';
import { HardenError } from '../errors.ts';
import { SUITES, type SuiteId } from '../plan/case.ts';
import type { TransportLimits } from '../transport/limits.ts';
import { DEFAULT_LIMITS } from '../transport/limits.ts';
import { DEFAULT_RUNS } from '../plan/plannerOptions.ts';

/** Flags as commander hands them over: strings, unchecked. */
export interface RawRunFlags {
  baseUrl?: string;
  seed?: string;
  suites?: string;
  junit?: string;
  case?: string[];
  allowHost?: string[];
  timeout?: string;
  concurrency?: string;
  runs?: string;
  path?: string;
}

/** Every run option, complete and checked. */
export interface RunSettings {
  manifestFile: string;
  baseUrl?: string;
  seed: number;
  suites: SuiteId[];
  junitPath: string;
  caseIds: string[];
  allowHosts: string[];
  limits: TransportLimits;
  /** Generated requests per property case. */
  runs: number;
  /** fast-check counterexample path: replays one property case's shrunk failure directly. */
  replayPath?: string;
}

function integer(flag: string, value: string | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new HardenError('OPTION_INVALID', `${flag} must be an integer from ${min} to ${max}, got "${value}".`);
  }
  return Number(value);
}

function replayPath(flags: RawRunFlags): string | undefined {
  if (flags.path === undefined) return undefined;
  if (!/^\d+(:\d+)*$/.test(flags.path)) throw new HardenError('OPTION_INVALID', `--path must look like "3:0:1" (from a failure's replay line), got "${flags.path}".`);
  if ((flags.case ?? []).length !== 1) throw new HardenError('OPTION_INVALID', '--path replays one property case: give exactly one --case with it.');
  return flags.path;
}

/** Turns raw flags and the environment into settings once; a bad value stops the run before any request. */
export function resolveOptions(manifestFile: string, flags: RawRunFlags, env: NodeJS.ProcessEnv): RunSettings {
  const suites = (flags.suites ?? env.HARDEN_SUITES ?? SUITES.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = suites.filter((s) => !(SUITES as readonly string[]).includes(s));
  if (unknown.length > 0 || suites.length === 0) {
    throw new HardenError('OPTION_INVALID', `--suites: unknown suite ${unknown.map((s) => `"${s}"`).join(', ') || '(none given)'}; choose from ${SUITES.join(', ')}.`);
  }
  return {
    manifestFile,
    baseUrl: flags.baseUrl ?? env.HARDEN_BASE_URL,
    seed: integer('--seed', flags.seed ?? env.HARDEN_SEED, 0, 2 ** 32 - 1, randomInt(0, 2 ** 31)),
    suites: suites as SuiteId[],
    junitPath: flags.junit ?? 'reports/junit.xml',
    caseIds: (flags.case ?? []).flatMap((c) => c.split(',')).map((c) => c.trim()).filter(Boolean),
    allowHosts: flags.allowHost ?? [],
    runs: integer('--runs', flags.runs ?? env.HARDEN_RUNS, 1, 100_000, DEFAULT_RUNS),
    replayPath: replayPath(flags),
    limits: {
      timeoutMs: integer('--timeout', flags.timeout, 100, 600_000, DEFAULT_LIMITS.timeoutMs),
      concurrency: integer('--concurrency', flags.concurrency, 1, 256, DEFAULT_LIMITS.concurrency),
      maxResponseBytes: DEFAULT_LIMITS.maxResponseBytes,
    },
  };
}

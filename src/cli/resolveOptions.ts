import { randomInt } from 'node:crypto';
import { dirname, join } from 'node:path';
import { HardenError } from '../errors.ts';
import { SUITES, type SuiteId } from '../plan/case.ts';
import type { TransportLimits } from '../model/limits.ts';
import { DEFAULT_LIMITS } from '../transport/limits.ts';
import { DEFAULT_RUNS } from '../plan/plannerOptions.ts';

/** Flags as commander hands them over: strings, unchecked. */
export interface RawRunFlags {
  baseUrl?: string;
  /** Overlay for an OpenAPI document (docs/openapi.md). */
  overlay?: string;
  safeMethodsOnly?: boolean;
  /** An environment profile of the manifest. */
  env?: string;
  seed?: string;
  suites?: string;
  /** Suites whose not-proven cases fail the gate. */
  require?: string;
  junit?: string;
  case?: string[];
  allowHost?: string[];
  timeout?: string;
  concurrency?: string;
  runs?: string;
  path?: string;
  reportsDir?: string;
  baseline?: string;
  updateBaseline?: boolean;
  shard?: string;
  /** Selective runs (docs/diff.md): a git ref to compare the manifest with, and route globs. */
  changedSince?: string;
  endpoint?: string[];
  /** --progress / --no-progress; undefined: progress on a real terminal or CI log only. */
  progress?: boolean;
}

/** The suites a run may report as not proven, so the ones --require can name. */
export const PROVABLE: readonly SuiteId[] = ['revoked-token', 'rotation', 'refresh', 'ownership'];

/** Every run option, complete and checked. */
export interface RunSettings {
  manifestFile: string;
  baseUrl?: string;
  seed: number;
  /** The seed was chosen by the user (flag or HARDEN_SEED), not drawn at random. */
  seedGiven: boolean;
  suites: SuiteId[];
  /** Suites whose not-proven cases fail the gate (with the manifest's gate.require). */
  require: SuiteId[];
  junitPath: string;
  /** Folder for evidence.json, summary.md and report.html. */
  reportsDir: string;
  baselineFile?: string;
  updateBaseline: boolean;
  shard?: { index: number; count: number };
  /** Plan only some endpoints (plus the unauthorized smoke); absent: the whole manifest. */
  selection?: { changedSince?: string; globs: string[] };
  progress?: boolean;
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

function shard(flags: RawRunFlags): RunSettings['shard'] {
  if (flags.shard === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(flags.shard.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || count > 1000 || index < 1 || index > count) throw new HardenError('OPTION_INVALID', `--shard must look like "2/3" (shard 2 of 3, 1 <= i <= n <= 1000), got "${flags.shard}".`);
  if ((flags.case ?? []).length > 0) throw new HardenError('OPTION_INVALID', '--shard splits the whole plan: leave out --case.');
  return { index, count };
}

/** --reports-dir wins; without it, reports go next to --junit's file; by default both live in reports/. */
export function reportPaths(flags: RawRunFlags): { reportsDir: string; junitPath: string } {
  if (flags.reportsDir !== undefined) return { reportsDir: flags.reportsDir, junitPath: flags.junit ?? join(flags.reportsDir, 'junit.xml') };
  if (flags.junit !== undefined) return { reportsDir: dirname(flags.junit), junitPath: flags.junit };
  // A replay or --case run is a look at a few cases: it must not overwrite the full run's reports.
  const dir = (flags.case ?? []).length > 0 ? join('reports', 'replay') : 'reports';
  return { reportsDir: dir, junitPath: join(dir, 'junit.xml') };
}

function baseline(flags: RawRunFlags): Pick<RunSettings, 'baselineFile' | 'updateBaseline'> {
  const updateBaseline = flags.updateBaseline === true;
  if (updateBaseline && flags.baseline === undefined) throw new HardenError('OPTION_INVALID', '--update-baseline writes the file named by --baseline: give --baseline FILE.');
  if (updateBaseline && (flags.shard !== undefined || (flags.case ?? []).length > 0)) {
    throw new HardenError('OPTION_INVALID', '--update-baseline approves a whole run: leave out --shard and --case (or approve a merged run with `harden baseline approve`).');
  }
  return { baselineFile: flags.baseline, updateBaseline };
}

/** Turns raw flags and the environment into settings once; a bad value stops the run before any request. */
export function resolveOptions(manifestFile: string, flags: RawRunFlags, env: NodeJS.ProcessEnv): RunSettings {
  const suites = (flags.suites ?? env.HARDEN_SUITES ?? SUITES.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = suites.filter((s) => !(SUITES as readonly string[]).includes(s));
  if (unknown.length > 0 || suites.length === 0) {
    throw new HardenError('OPTION_INVALID', `--suites: unknown suite ${unknown.map((s) => `"${s}"`).join(', ') || '(none given)'}; choose from ${SUITES.join(', ')}.`);
  }
  const require = (flags.require ?? env.HARDEN_REQUIRE ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const unprovable = require.filter((s) => !(PROVABLE as readonly string[]).includes(s));
  if (unprovable.length > 0) {
    throw new HardenError('OPTION_INVALID', `--require: ${unprovable.map((s) => `"${s}"`).join(', ')} cannot be required; only ${PROVABLE.join(', ')} can be left unproven (docs/expectations.md, "Not proven").`);
  }
  return {
    manifestFile,
    require: require as SuiteId[],
    baseUrl: flags.baseUrl ?? env.HARDEN_BASE_URL,
    seed: integer('--seed', flags.seed ?? env.HARDEN_SEED, 0, 2 ** 32 - 1, randomInt(0, 2 ** 31)),
    seedGiven: (flags.seed ?? env.HARDEN_SEED) !== undefined,
    suites: suites as SuiteId[],
    ...reportPaths(flags),
    ...baseline(flags),
    shard: shard(flags),
    selection: flags.changedSince !== undefined || (flags.endpoint ?? []).length > 0 ? { changedSince: flags.changedSince, globs: flags.endpoint ?? [] } : undefined,
    progress: flags.progress,
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

import { baselineFromEvidence, observeCase, type Baseline } from '../baseline/baseline.ts';
import { compareBaseline } from '../baseline/compareBaseline.ts';
import type { DriftItem } from '../model/drift.ts';
import { HardenError } from '../errors.ts';
import { openManifest } from '../openapi/openManifest.ts';
import { applyEnvironment } from '../manifest/applyEnvironment.ts';
import { formatImportWarning } from './formatImportWarning.ts';
import { selectedPlan } from '../diff/selectedPlan.ts';
import { withPrerequisites } from '../diff/select.ts';
import { SUITES } from '../plan/case.ts';
import { shardPlan } from '../plan/shard.ts';
import { caseRecorder, evidenceHead } from '../report/buildEvidence.ts';
import { CaseSpool } from '../report/caseSpool.ts';
import type { Evidence } from '../report/evidence.ts';
import type { Manifest } from '../manifest/types.ts';
import type { Plan } from '../plan/case.ts';
import type { RunSummary } from '../run/summarise.ts';
import { deliver } from './deliver.ts';
import type { PlanOptions } from '../plan/buildPlan.ts';
import { planEndpoints } from './planEndpoints.ts';
import { planningProgress } from './planningProgress.ts';
import { colourWanted, headlineTone, painter } from '../report/colour.ts';
import { consoleReporter } from '../report/console.ts';
import { driftLines } from '../report/driftLines.ts';
import { redactDeep } from '../report/redactDeep.ts';
import { reportFiles } from '../report/writeReports.ts';
import { executeRun } from '../run/executeRun.ts';
import { plural } from '../report/plural.ts';
import type { Redactor } from '../transport/redactor.ts';
import { readBaselineFile, writeBaselineFile } from './baselineIo.ts';
import { environmentFacts } from './environmentFacts.ts';
import { applyHeapPolicy, applyPlanningHeapPolicy, collectImportGarbage } from './heapPolicy.ts';
import { progressFor, type ProgressSink } from './progressFor.ts';
import { resolveOptions, type RawRunFlags, type RunSettings } from './resolveOptions.ts';
import { withCases } from '../plan/withCases.ts';
import { safeMethodsOnly } from '../plan/safeMethodsOnly.ts';

/** What the CLI reads and writes through, so tests run it in-process. */
export interface RunIo {
  env: NodeJS.ProcessEnv;
  out: (line: string) => void;
  err: (line: string) => void;
  /** The real stderr, for progress; left out, progress shows only with --progress (as lines on err). */
  progress?: ProgressSink;
  /**
   * Resolves once what `out` was given has been handed on, for output written a piece at a time:
   * stdout into a pipe is asynchronous, and a reader slower than the writer would otherwise have the
   * whole output held in memory (Microsoft Graph's 29 MB plan report: 241 → 324 MB of RSS).
   */
  drained?: () => Promise<void>;
  /** What replay lines start with instead of `npx harden run MANIFEST --base-url URL`, for front ends that start the target (`npm start --`). */
  replayPrefix?: string;
  /**
   * Whether `out` is a terminal, for colour (NO_COLOR and FORCE_COLOR in `env` decide first). Left
   * out: the process's stdout when the CLI runs on the process's own streams (it then passes
   * `progress`, the real stderr), else not a terminal (tests and embedding get plain text).
   */
  outTty?: boolean;
  /** Test hook: the run's redactor, to search outputs for every secret it holds. */
  onRedactor?: (redactor: Redactor) => void;
}

/**
 * `harden run` (and `replay`), in stages: resolve the options → plan → run → evidence and baseline →
 * write the outputs → exit code. Only the run stage sends anything; the last stage is `deliver`,
 * which `harden merge` shares. Returns the exit code.
 */
export async function runCommand(manifestFile: string, flags: RawRunFlags, io: RunIo): Promise<number> {
  const settings = resolveOptions(manifestFile, flags, io.env);
  // Read before anything is sent: a bad baseline is a usage error, not a finding.
  const baseline = settings.baselineFile === undefined ? undefined : readBaselineFile(settings.baselineFile, settings.updateBaseline);
  // Compare like with like: without an explicit seed, replay the approved run's inputs.
  const seed = baseline && !settings.seedGiven ? baseline.seed : settings.seed;
  const planned = await planRun(settings, flags, seed, io);
  // Large plans favour memory over speed in V8's collector (src/cli/heapPolicy.ts).
  applyHeapPolicy(planned.plan.cases.length);
  const voice = runConsole(settings, io);
  // Each case's evidence goes to disk as it lands (redacted first), so memory stays flat however big the plan.
  const spool = new CaseSpool();
  try {
    const { summary, stopped } = await runPlan(planned, settings, flags, io, voice, spool);
    const evidence = runEvidence(summary, spool, planned, settings, baseline, seed, stopped, voice);
    if (settings.updateBaseline && settings.baselineFile) {
      writeBaselineFile(settings.baselineFile, redactDeep(baselineFromEvidence(evidence), voice.redact));
      voice.out(`baseline: approved ${plural(evidence.cases.count, 'case')} into ${settings.baselineFile}`);
    }
    // Approving is the decision that the new behaviour is right: its drift no longer fails the run.
    const delivered = deliver(evidence, { dir: settings.reportsDir, junit: settings.junitPath }, { env: io.env, out: voice.out }, { redact: voice.redact, driftApproved: settings.updateBaseline });
    const seconds = ((summary.finishedAt.getTime() - summary.startedAt.getTime()) / 1000).toFixed(1);
    voice.out(`${voice.paint(headlineTone(delivered.headline), delivered.text)}${voice.paint('dim', ` in ${seconds}s, seed ${summary.seed}`)}`);
    return delivered.code;
  } finally {
    spool.close();
  }
}

interface PlannedRun {
  manifest: Manifest;
  plan: Plan;
  /** With --shard: each case's position in the whole plan, so merged shards keep an unsharded run's order. */
  planIndex?: Map<string, number>;
  /** With --changed-since / --endpoint: what the selection was, for the evidence. */
  selectionLabel?: string;
  /** The flags that shaped the plan, repeated on every replay line so it runs as printed. */
  replayFlags: string[];
}

/** Stage 1: load the manifest (or import the document), then plan, select, narrow to --case, shard. Sends nothing. */
async function planRun(settings: RunSettings, flags: RawRunFlags, seed: number, io: RunIo): Promise<PlannedRun> {
  applyPlanningHeapPolicy();
  const opened = await openManifest(settings.manifestFile, flags.overlay);
  collectImportGarbage();
  const manifest = flags.env === undefined ? opened.manifest : applyEnvironment(opened.manifest, flags.env);
  for (const w of opened.warnings) io.err(formatImportWarning(w));
  // --changed-since / --endpoint: plan only what the change touched, plus the unauthorized smoke (docs/diff.md).
  // A wide document can take seconds to plan: after the first, progress says so (not in tests, not with --no-progress).
  const show = planningProgress(settings.progress === false ? undefined : io.progress, io.env);
  const options: PlanOptions = { seed, suites: settings.suites, runs: settings.runs, onProgress: show };
  let selection;
  try {
    selection = await selectedPlan(manifest, settings.selection, options, settings.manifestFile, flags.overlay);
  } catch (error) {
    throw unplannable(error, manifest, options, settings.manifestFile);
  } finally {
    show.end();
  }
  for (const line of selection.lines) io.out(line);
  let plan = selection.plan;
  if (settings.caseIds.length > 0) {
    const missing = settings.caseIds.filter((id) => !plan.cases.some((c) => c.id === id));
    if (missing.length > 0) throw new HardenError('OPTION_INVALID', `--case: no case ${missing.map((m) => `"${m}"`).join(', ')} in this plan; ids look like "getOrder/revoked-token/revoked-bearer".`);
    plan = withCases(plan, withPrerequisites(plan.cases, (c) => settings.caseIds.includes(c.id)));
  }
  if (flags.safeMethodsOnly) plan = safeMethodsOnly(plan);
  // A shard's cases keep their positions in the whole plan, so merged shards come back in the order an
  // unsharded run reports; without shards a case's position in the run is its position in the plan.
  let planIndex: Map<string, number> | undefined;
  if (settings.shard) {
    planIndex = new Map(plan.cases.map((c, i) => [c.id, i]));
    plan = shardPlan(plan, settings.shard.index, settings.shard.count);
  }
  const replayFlags = [
    ...(flags.overlay !== undefined ? ['--overlay', flags.overlay] : []),
    ...(flags.env !== undefined ? ['--env', flags.env] : []),
    ...(flags.runs !== undefined ? ['--runs', String(settings.runs)] : []),
    ...(settings.selection?.changedSince !== undefined ? ['--changed-since', settings.selection.changedSince] : []),
    ...(settings.selection?.globs ?? []).flatMap((glob) => ['--endpoint', glob]),
  ];
  return { manifest, plan, planIndex, selectionLabel: selection.label, replayFlags };
}

/**
 * A plan that cannot be made is refused before anything is sent, naming each endpoint at fault and
 * why (planned again endpoint by endpoint, as `harden plan` does): a gate that quietly left an
 * endpoint out would pass it untested. Errors that belong to no endpoint stay internal errors.
 */
function unplannable(error: unknown, manifest: Manifest, options: PlanOptions, file: string): unknown {
  if (error instanceof HardenError) return error;
  const faulty = planEndpoints(manifest, options).endpoints.filter((e) => e.unplanned !== undefined);
  if (faulty.length === 0) return error;
  return new HardenError('MANIFEST_INVALID', `${plural(faulty.length, 'endpoint')} of ${file} cannot be planned; nothing was sent.`, {
    problems: faulty.map(({ endpoint, unplanned }) => ({
      message: `${endpoint.method} ${endpoint.path} (${endpoint.id}): ${unplanned}`,
      location: { file },
      hint: `fix its schema, or leave the endpoint out (an OpenAPI overlay's exclude: [${endpoint.id}]); \`harden plan\` lists every endpoint it cannot plan`,
    })),
  });
}

/** How a run speaks: every line redacted once the run's redactor exists, progress kept apart, colour on a terminal. */
interface RunConsole {
  out: (line: string) => void;
  redact: (text: string) => string;
  paint: ReturnType<typeof painter>;
  progress: ReturnType<typeof progressFor>;
  /** Called once the session holds its secrets: from then on every output is searched for them. */
  setRedactor: (redactor: Redactor) => void;
}

function runConsole(settings: RunSettings, io: RunIo): RunConsole {
  let redactor: Redactor | undefined;
  const redact = (text: string) => (redactor ? redactor.redact(text) : text);
  const progress = progressFor(settings.progress, io.progress, io.env, io.err, redact);
  return {
    redact,
    progress,
    out: (line) => {
      progress?.beforeOutput();
      io.out(redact(line));
    },
    // Colour is for the console only: reports are rendered by other code, and piped output is not a terminal.
    paint: painter(colourWanted(io.env, io.outTty ?? (io.progress !== undefined && process.stdout.isTTY === true))),
    setRedactor: (r) => {
      redactor = r;
      io.onRedactor?.(r);
    },
  };
}

/** Stage 2: send the plan. SIGINT/SIGTERM stop it cleanly: in-flight requests end, the rest are skipped, reports still get written. */
async function runPlan(planned: PlannedRun, settings: RunSettings, flags: RawRunFlags, io: RunIo, voice: RunConsole, spool: CaseSpool): Promise<{ summary: RunSummary; stopped: boolean }> {
  const interrupt = new AbortController();
  const onSignal = (name: string) => () => {
    if (!interrupt.signal.aborted) voice.out(`${name}: stopping; the reports will cover the cases that finished`);
    interrupt.abort();
  };
  const handlers = { SIGINT: onSignal('SIGINT'), SIGTERM: onSignal('SIGTERM') };
  for (const [name, handler] of Object.entries(handlers)) process.once(name, handler);
  const { planIndex, replayFlags } = planned;
  try {
    const summary = await executeRun({
      signal: interrupt.signal,
      manifest: planned.manifest,
      plan: planned.plan,
      baseUrl: settings.baseUrl ?? planned.manifest.baseUrl,
      allowHosts: settings.allowHosts,
      replayPath: settings.replayPath,
      replayFlags,
      replayPrefix: io.replayPrefix,
      limits: settings.limits,
      env: io.env,
      onRedactor: voice.setRedactor,
      reporters: [
        ...(voice.progress ? [voice.progress] : []),
        consoleReporter(voice.out, { paint: voice.paint, summaryPath: reportFiles({ dir: settings.reportsDir, junit: settings.junitPath }).summary }),
        caseRecorder((c) => spool.add(c), { redact: voice.redact, planIndex: planIndex && ((id) => planIndex.get(id)), replayFlags, replayPrefix: io.replayPrefix }),
      ],
    });
    return { summary, stopped: interrupt.signal.aborted };
  } finally {
    voice.progress?.stop();
    for (const [name, handler] of Object.entries(handlers)) process.off(name, handler);
  }
}

/** Stage 3: the evidence of the run, redacted, compared with the approved baseline when there is one. */
function runEvidence(summary: RunSummary, spool: CaseSpool, planned: PlannedRun, settings: RunSettings, baseline: Baseline | undefined, seed: number, stopped: boolean, voice: RunConsole): Evidence {
  const incomplete = stopped || summary.interrupted > 0 ? `the run was interrupted; ${summary.interrupted} of ${plural(summary.totals.tests, 'case')} ${summary.interrupted === 1 ? 'was' : 'were'} not run` : undefined;
  const require = [...new Set([...settings.require, ...(planned.manifest.gate?.require ?? [])])];
  // Every string is redacted before rendering, and every rendered text again on its way out.
  const evidence: Evidence = { ...redactDeep(evidenceHead(summary, { ...environmentFacts(), shard: settings.shard, selection: planned.selectionLabel, incomplete, require }), voice.redact), cases: spool };
  if (!settings.baselineFile || !baseline) return evidence;
  const complete = !settings.shard && !settings.selection && settings.caseIds.length === 0 && settings.suites.length === SUITES.length;
  const drift: DriftItem[] = compareBaseline(baseline, Array.from(spool.read(), observeCase), { complete });
  if (baseline.manifestSha256 !== evidence.manifest.sha256) voice.out(`baseline: approved for another version of the manifest (sha256 ${baseline.manifestSha256.slice(0, 12)}…); changed cases show as drift`);
  if (baseline.seed !== seed) voice.out(`baseline: approved with seed ${baseline.seed}, this run used ${seed}; generated inputs differ`);
  for (const line of driftLines(drift, settings.baselineFile)) voice.out(line);
  return { ...evidence, baseline: { file: settings.baselineFile, seed: baseline.seed, drift } };
}

import { writeFileSync } from 'node:fs';
import { HardenError } from '../errors.ts';
import { loadManifest } from '../manifest/loadManifest.ts';
import { buildPlan } from '../plan/buildPlan.ts';
import { consoleReporter } from '../report/console.ts';
import { junitReporter } from '../report/junit.ts';
import { executeRun } from '../run/executeRun.ts';
import type { Redactor } from '../transport/redactor.ts';
import { exitCodeFor } from './exitCode.ts';
import { resolveOptions, type RawRunFlags } from './resolveOptions.ts';

/** `harden run`: load, plan, run, report; returns the exit code. */
export async function runCommand(manifestFile: string, flags: RawRunFlags, io: { env: NodeJS.ProcessEnv; out: (line: string) => void; onRedactor?: (redactor: Redactor) => void }): Promise<number> {
  const settings = resolveOptions(manifestFile, flags, io.env);
  const manifest = await loadManifest(settings.manifestFile);
  let plan = buildPlan(manifest, { seed: settings.seed, suites: settings.suites, runs: settings.runs });
  if (settings.caseIds.length > 0) {
    const missing = settings.caseIds.filter((id) => !plan.cases.some((c) => c.id === id));
    if (missing.length > 0) throw new HardenError('OPTION_INVALID', `--case: no case ${missing.map((m) => `"${m}"`).join(', ')} in this plan; ids look like "getOrder/revoked-token/revoked-bearer".`);
    const chosen = plan.cases.filter((c) => settings.caseIds.includes(c.id));
    plan = { ...plan, cases: chosen };
  }
  let redactor: Redactor | undefined;
  const out = (line: string) => io.out(redactor ? redactor.redact(line) : line);
  const summary = await executeRun({
    manifest,
    plan,
    baseUrl: settings.baseUrl ?? manifest.baseUrl,
    allowHosts: settings.allowHosts,
    replayPath: settings.replayPath,
    limits: settings.limits,
    env: io.env,
    onRedactor: (r) => {
      redactor = r;
      io.onRedactor?.(r);
    },
    reporters: [
      consoleReporter(out),
      junitReporter(settings.junitPath, (path, text) => writeFileSync(path, redactor ? redactor.redact(text) : text)),
    ],
  });
  out(`reports: ${settings.junitPath}`);
  return exitCodeFor(summary);
}

import { once } from 'node:events';
import { Command, CommanderError } from 'commander';
import { formatHardenError, HardenError } from '../errors.ts';
import { EXIT, exitCodeForError } from './exitCode.ts';
import { PROVABLE } from './resolveOptions.ts';
import { SUITES } from '../plan/case.ts';
import type { DiffFlags } from '../diff/diffCommand.ts';
import type { RunIo } from './runCommand.ts';
import type { PlanFlags } from './planCommand.ts';
import { toolPackage } from './toolPackage.ts';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export type MainIo = RunIo;

const STDIO: MainIo = {
  env: process.env,
  out: (l) => console.log(l),
  err: (l) => console.error(l),
  outTty: process.stdout.isTTY === true,
  progress: { write: (t) => process.stderr.write(t), tty: process.stderr.isTTY === true, columns: process.stderr.columns },
  drained: async () => {
    if (process.stdout.writableNeedDrain) await once(process.stdout, 'drain');
  },
};

/** Parses argv, dispatches, and maps every outcome to an exit code. Never throws. */
export async function main(argv: string[], io: MainIo = STDIO): Promise<number> {
  let exitCode: number = EXIT.held;
  const program = new Command('harden')
    .description('Proves that an API\'s access controls and error contract hold.')
    .version(toolPackage().version, '-V, --version', 'print the installed version')
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  const runOptions = (command: Command) =>
    command
      .argument('<manifest>', 'endpoint manifest, or OpenAPI document (YAML or JSON)')
      .option('--overlay <file>', 'overlay for an OpenAPI document: tokens, volatile members, examples (docs/openapi.md)')
      .option('--base-url <url>', 'where the API listens (overrides the manifest baseUrl)')
      .option('--env <name>', 'apply one of the manifest\'s environments: profiles (base URL, exposure, tokens, approved differences)')
      .option('--suites <list>', `comma-separated: ${SUITES.join(',')}`)
      .option('--junit <path>', 'JUnit XML report path (default: junit.xml in the reports folder)')
      .option('--reports-dir <dir>', 'folder for evidence.json, summary.md, report.html (default: the --junit folder, else reports/)')
      .option('--progress', 'show progress even where it would be off (as plain lines)')
      .option('--no-progress', 'never show progress')
      .option('--allow-host <host>', 'permit a non-loopback target host (repeatable)', collect)
      .option('--timeout <ms>', 'per-request deadline in milliseconds (default 10000)')
      .option('--concurrency <n>', 'requests in flight at once (default 8)')
      .option('--runs <n>', 'generated requests per property case (default 50)')
      .option('--safe-methods-only', 'for shared environments: skip every case that would send POST, PUT, PATCH or DELETE')
      .option('--changed-since <ref>', 'plan only endpoints changed since this git ref, plus a no-credentials smoke on every protected route (docs/diff.md)')
      .option('--endpoint <glob>', 'plan only endpoints matching "METHOD /path/*" (* in a segment, ** across; repeatable)', collect)
      .option('--path <path>', 'with --case: fast-check counterexample path, to send a shrunk failing input directly')
      .option('--require <list>', `fail the gate when these suites cannot be proven (e.g. no way to revoke a token): ${PROVABLE.join(',')}`)
      .action(async (manifest: string, flags) => {
        const { runCommand } = await import('./runCommand.ts');
        exitCode = await runCommand(manifest, flags, io);
      });

  runOptions(program.command('run').description('run the request suites against the API a manifest describes'))
    .option('--seed <n>', 'run seed; the same seed gives the same cases (default: random, printed)')
    .option('--case <id>', 'run only this case id (repeatable)', collect)
    .option('--baseline <file>', 'compare every case with an approved baseline; any change fails the run')
    .option('--update-baseline', 'write this run as the new approved baseline to the --baseline file')
    .option('--shard <i/n>', 'run only shard i of n (cases partitioned by a hash of their id); combine with harden merge');

  // Replay takes every flag that shapes the plan, so each printed replay line runs as printed.
  runOptions(program.command('replay').description('re-run one case exactly, from the replay line of a failure'))
    .requiredOption('--seed <n>', 'the run seed of the failure')
    .requiredOption('--case <id>', 'the case id', collect);

  program
    .command('diff')
    .description('list what changed in the security contract between two manifests; exit 1 on an unapproved loosening')
    .argument('[manifests...]', 'OLD NEW (manifests, or OpenAPI documents with --overlay); with --since, just the manifest')
    .option('--since <ref>', 'compare the manifest with its version at this git ref')
    .option('--overlay <file>', 'overlay for OpenAPI documents (used for both versions)')
    .option('--format <format>', 'console, markdown (for a pull-request comment) or json', 'console')
    .action(async (files: string[], flags: DiffFlags) => {
      const { diffCommand } = await import('../diff/diffCommand.ts');
      exitCode = await diffCommand(files, flags, io);
    });

  program
    .command('merge')
    .description("combine the shards' evidence into one set of reports (junit.xml, evidence.json, summary.md, report.html)")
    .argument('<inputs...>', "each shard's reports folder or evidence.json")
    .option('--reports-dir <dir>', 'folder for the merged reports (default: reports/)')
    .option('--junit <path>', 'merged JUnit XML path (default: junit.xml in the reports folder)')
    .action(async (inputs: string[], flags: { reportsDir?: string; junit?: string }) => {
      const { mergeCommand } = await import('./mergeCommand.ts');
      exitCode = mergeCommand(inputs, flags, io);
    });

  program
    .command('baseline')
    .description('manage approved baselines')
    .command('approve')
    .description("approve a finished run's observed behaviour as the baseline later runs are compared with")
    .argument('<file>', 'baseline file to write (JSON, one case per line)')
    .option('--evidence <path>', "the run's evidence.json or reports folder", 'reports/evidence.json')
    .action(async (file: string, flags: { evidence: string }) => {
      const { approveBaseline } = await import('./baselineCommand.ts');
      exitCode = approveBaseline(file, flags.evidence, io.out);
    });

  program
    .command('validate')
    .description('check a manifest (or an OpenAPI document with its overlay) and exit')
    .argument('<manifest>', 'endpoint manifest, or OpenAPI document (YAML or JSON)')
    .option('--overlay <file>', 'overlay for an OpenAPI document')
    .action(async (manifest: string, flags: { overlay?: string }) => {
      const [{ openManifest }, { formatImportWarning }] = await Promise.all([import('../openapi/openManifest.ts'), import('./formatImportWarning.ts')]);
      const { manifest: loaded, warnings } = await openManifest(manifest, flags.overlay);
      for (const w of warnings) io.err(formatImportWarning(w));
      io.out(`${manifest}: valid (${loaded.endpoints.length} endpoints, ${Object.keys(loaded.auth.scopes).length} scopes)`);
    });

  program
    .command('plan')
    .description('plan every case offline and print, per endpoint, the suites, case counts and warnings; sends nothing')
    .argument('<manifest>', 'endpoint manifest, or OpenAPI document (YAML or JSON)')
    .option('--overlay <file>', 'overlay for an OpenAPI document')
    .option('--format <format>', 'table or json (docs/openapi.md describes the JSON)', 'table')
    .option('--suites <list>', `comma-separated: ${SUITES.join(',')}`)
    .option('--seed <n>', 'plan seed (default 0); the same seed gives the same plan as `harden run --seed`')
    .option('--runs <n>', 'generated requests per property case (default 50)')
    .action(async (manifest: string, flags: PlanFlags) => {
      const { planCommand } = await import('./planCommand.ts');
      exitCode = (await planCommand(manifest, flags, io)).code;
    });

  program
    .command('import')
    .description('write a manifest from an OpenAPI 3.x / Swagger 2.0 document, for review and commit')
    .argument('<document>', 'OpenAPI document (YAML or JSON)')
    .option('--overlay <file>', 'overlay: token provider, volatile members, limits, examples (docs/openapi.md)')
    .option('-o, --output <file>', 'manifest file to write (default: standard output)')
    .action(async (document: string, flags: { overlay?: string; output?: string }) => {
      // Loaded on demand, as openManifest loads the importer: a run from a manifest never holds the OpenAPI reader.
      const { importCommand } = await import('./importCommand.ts');
      exitCode = await importCommand(document, flags, io);
    });

  // Governance: tokens audit, exposure, trend (docs/governance.md), all registered by this one block.
  const { registerGovernanceCommands } = await import('../governance/commands.ts');
  registerGovernanceCommands(program, io, (code) => (exitCode = code));

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.held : EXIT.usage;
    }
    if (error instanceof HardenError) {
      io.err(formatHardenError(error));
      return exitCodeForError(error.code);
    }
    io.err(`harden: internal error: ${(error as Error).stack ?? String(error)}`);
    return EXIT.unreachable;
  }
}

import type { Command } from 'commander';
import { HardenError } from '../errors.ts';
import type { GovernanceIo, TokensAuditFlags } from './tokensCommand.ts';

/**
 * The governance commands (docs/governance.md), registered from one spot in src/cli/main.ts so
 * the CLI file stays a list of commands. `setExit` hands each command's exit code back to main.
 * Each command loads its module when it runs, so `harden --version` loads none of them.
 */
export function registerGovernanceCommands(program: Command, io: GovernanceIo, setExit: (code: number) => void): void {
  program
    .command('tokens')
    .description('token governance')
    .command('audit')
    .description('audit a token register: orphans, stale, expired, uncatalogued or unapproved scopes, production shared with other environments')
    .argument('<register>', 'token register (YAML or JSON; src/governance/register.schema.json)')
    .option('--manifest <file>', "manifest whose scope catalogue every register scope must be in")
    .option('--policy <file>', 'policy: maxRotationAgeDays, blocking rules, production environments (default: 90 days, all blocking)')
    .option('--previous <file>', 'the previous register, to find added scopes (default: git HEAD version of the register)')
    .option('--now <iso>', 'judge as of this date or date-time (default: now)')
    .option('--junit <path>', 'JUnit XML report', 'reports/governance.xml')
    .option('--evidence <path>', 'metrics and violations as JSON (src/governance/governance.schema.json)', 'reports/governance.json')
    .option('--summary <path>', 'Markdown summary', 'reports/governance.md')
    .action(async (register: string, flags: TokensAuditFlags) => {
      const { tokensAudit } = await import('./tokensCommand.ts');
      setExit(await tokensAudit(register, flags, io));
    });

  program
    .command('exposure')
    .description('check that a loopback target listens on loopback only (reads /proc/net; sends nothing)')
    .argument('<url>', 'the target base URL, e.g. http://127.0.0.1:8080')
    .action(async (url: string) => {
      const { checkExposure } = await import('../run/listeners.ts');
      const result = checkExposure(url);
      io.out(`exposure ${result.verdict}: ${result.reason}`);
      for (const l of result.listeners) io.out(`  ${l.family} ${l.address}:${l.port} ${l.kind}`);
      setExit(result.verdict === 'fail' ? 1 : 0);
    });

  program
    .command('trend')
    .description("compare runs' evidence over time: unauthorized-rejection rate and findings per suite")
    .argument('<evidence...>', 'evidence.json files (or reports folders) written by runs')
    .option('--format <format>', 'text, markdown or json', 'text')
    .action(async (files: string[], flags: { format: string }) => {
      if (!['text', 'markdown', 'json'].includes(flags.format)) throw new HardenError('OPTION_INVALID', `--format ${flags.format}: use text, markdown or json.`);
      const [{ readEvidence }, { trendJson, trendMarkdown, trendRuns, trendText }] = await Promise.all([import('../report/readEvidence.ts'), import('./trend.ts')]);
      const runs = trendRuns(files.map((file) => ({ file, evidence: readEvidence(file) })));
      if (flags.format === 'json') io.out(trendJson(runs).trimEnd());
      else if (flags.format === 'markdown') io.out(trendMarkdown(runs).trimEnd());
      else for (const line of trendText(runs)) io.out(line);
      setExit(0);
    });
}

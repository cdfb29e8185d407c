import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { HardenError } from '../errors.ts';
import { loadManifest } from '../manifest/loadManifest.ts';
import { audit } from './audit.ts';
import { auditConsole, auditJUnit, auditMarkdown } from './auditReports.ts';
import { loadPolicy } from './policy.ts';
import { previousRegister } from './previous.ts';
import { loadRegister } from './register.ts';

export interface TokensAuditFlags {
  manifest?: string;
  policy?: string;
  previous?: string;
  now?: string;
  junit: string;
  evidence: string;
  summary: string;
}

export interface GovernanceIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** `--now` exists so an audit can be replayed (and tested) as of a given day. */
export function parseNow(now: string | undefined): Date {
  if (now === undefined) return new Date();
  const at = new Date(now);
  if (!/^\d{4}-\d{2}-\d{2}/.test(now) || Number.isNaN(at.getTime())) {
    throw new HardenError('OPTION_INVALID', `--now ${now} is not an ISO 8601 date or date-time (e.g. 2025-06-30 or 2025-06-30T12:00:00Z).`);
  }
  return at;
}

export function writeOutput(file: string, text: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (cause) {
    throw new HardenError('REPORT_WRITE_FAILED', `Cannot write ${file}: ${(cause as Error).message}.`, { cause });
  }
}

/** `harden tokens audit`: 1 on a blocking violation, 0 otherwise; broken inputs throw (exit 2). */
export async function tokensAudit(registerFile: string, flags: TokensAuditFlags, io: GovernanceIo): Promise<number> {
  const now = parseNow(flags.now);
  const register = loadRegister(registerFile);
  const policy = loadPolicy(flags.policy);
  const catalogue = flags.manifest === undefined ? undefined : { scopes: Object.keys((await loadManifest(flags.manifest)).auth.scopes), source: flags.manifest };
  const previous = previousRegister(registerFile, flags.previous);
  const document = audit({
    register,
    policy,
    now,
    ...(catalogue && { catalogue }),
    ...(previous.register ? { previous: previous.register, previousSource: previous.source } : { previousNote: previous.note }),
  });
  for (const line of auditConsole(document)) io.out(line);
  writeOutput(flags.junit, auditJUnit(document));
  writeOutput(flags.evidence, `${JSON.stringify(document, null, 2)}\n`);
  writeOutput(flags.summary, auditMarkdown(document));
  io.out(`reports: ${flags.junit}, ${flags.evidence}, ${flags.summary}`);
  return document.verdict === 'fail' ? 1 : 0;
}

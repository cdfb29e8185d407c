import { buildJUnit } from '../../src/report/junit.ts';
import type { RunSummary } from '../../src/run/summarise.ts';

/**
 * JUnit XML for a run summary through the project's own buildJUnit. It takes the summary, or,
 * where the evidence pipeline exists (src/report/buildEvidence.ts), the evidence document built
 * from it; either way the <error>/<failure> elements come from the real report code.
 */
export async function junitOf(summary: RunSummary): Promise<string> {
  const evidence = await import('../../src/report/buildEvidence.ts').catch(() => undefined);
  const input = evidence
    ? evidence.buildEvidence(summary, { tool: { name: 'api-harden', version: 'test' }, environment: { node: process.version, platform: process.platform, hostname: 'test' } })
    : summary;
  return buildJUnit(input as never);
}

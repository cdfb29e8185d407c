import { buildJUnit } from '../../src/report/junit.ts';
import { buildEvidence } from '../../src/report/buildEvidence.ts';
import type { CollectedRun } from '../runCollecting.ts';

/** JUnit XML for a run through the project's own evidence and JUnit code: the <error>/<failure> elements are the real ones. */
export function junitOf(run: CollectedRun): string {
  return buildJUnit(buildEvidence(run, run.results, { tool: { name: 'api-harden', version: 'test' }, environment: { node: process.version, platform: process.platform, hostname: 'test' } }));
}

import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type { EvidenceContext } from '../report/buildEvidence.ts';

/** The tool's name and version, from its own package.json (wherever it is installed). */
function tool(): EvidenceContext['tool'] {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
}

/** Facts about this tool and machine for evidence; read here so report builders stay pure. */
export function environmentFacts(): Pick<EvidenceContext, 'tool' | 'environment'> {
  return { tool: tool(), environment: { node: process.version, platform: `${process.platform}-${process.arch}`, hostname: hostname() } };
}

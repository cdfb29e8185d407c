import { hostname } from 'node:os';
import type { EvidenceContext } from '../report/buildEvidence.ts';
import { toolPackage } from './toolPackage.ts';

/** Facts about this tool and machine for evidence; read here so report builders stay pure. */
export function environmentFacts(): Pick<EvidenceContext, 'tool' | 'environment'> {
  return { tool: toolPackage(), environment: { node: process.version, platform: `${process.platform}-${process.arch}`, hostname: hostname() } };
}

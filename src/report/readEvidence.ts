import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HardenError } from '../errors.ts';
import { EVIDENCE_SCHEMA_VERSION, type EvidenceDocument } from './evidence.ts';

/** Reads evidence.json, given the file or the reports folder holding it; refuses other majors of the schema. */
export function readEvidence(input: string): EvidenceDocument {
  let file = input;
  let data: unknown;
  try {
    if (statSync(input).isDirectory()) file = join(input, 'evidence.json');
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new HardenError('OPTION_INVALID', `Cannot read evidence from ${file}: ${(cause as Error).message}. Give an evidence.json or the reports folder holding one.`, { cause });
  }
  const doc = data as Partial<EvidenceDocument> | null;
  const major = EVIDENCE_SCHEMA_VERSION.split('.')[0];
  if (typeof doc?.schemaVersion !== 'string' || !Array.isArray(doc.cases) || typeof doc.run !== 'object') {
    throw new HardenError('OPTION_INVALID', `${file} is not harden evidence (no schemaVersion, run or cases).`);
  }
  if (doc.schemaVersion.split('.')[0] !== major) {
    throw new HardenError('OPTION_INVALID', `${file} has evidence schema ${doc.schemaVersion}; this harden reads ${major}.x. Use the harden version that wrote it.`);
  }
  return doc as EvidenceDocument;
}

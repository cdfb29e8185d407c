import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { addFormats } from '../../ajvFormats.ts';
import type { JsonSchema } from './types.ts';

/** Shared by the tests of this folder: the fixture corpus and an independent ajv. */
const dir = new URL('../../../fixtures/schemas/', import.meta.url);

export interface CorpusEntry { name: string; schema: JsonSchema }

export function loadCorpus(): CorpusEntry[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ''), schema: JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as JsonSchema }));
}

/**
 * A fresh validator, deliberately not the one the generators use internally.
 * ajv understands OpenAPI's `nullable` natively, so the 3.0 fixture needs no special dialect.
 */
export function createAjv(options: { inlineRefs?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true, ...options });
  addFormats(ajv);
  return ajv;
}

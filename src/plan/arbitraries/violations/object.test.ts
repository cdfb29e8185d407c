import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createContext } from '../context.ts';
import { SchemaGenerationError } from '../errors.ts';
import { genPlain } from '../generate.ts';
import { createAjv } from '../test-support.ts';
import type { Schema } from '../types.ts';
import { objectCandidates } from './object.ts';

const ajv = createAjv();

function candidatesOf(s: Schema) {
  const ctx = createContext(s, {});
  // as leaf.ts does: a node no value satisfies has no generator
  const at = (depth: number) => (x: Schema) => {
    try {
      return genPlain(x, ctx, depth);
    } catch (e) {
      if (e instanceof SchemaGenerationError) return undefined;
      throw e;
    }
  };
  return objectCandidates(s, at(0), at(ctx.maxDepth));
}

const wide: Schema = {
  type: 'object',
  properties: { id: { type: 'string' }, name: { type: 'string' }, owner: { type: 'object', properties: { id: { type: 'string' }, mail: { type: 'string' } }, required: ['id'] }, tags: { type: 'array', items: { type: 'string' } } },
  required: ['id', 'owner'],
  additionalProperties: false,
};

describe('objectCandidates: objects that break required or additionalProperties', () => {
  it('hold only what the node requires, and break that keyword alone', () => {
    const full = ajv.compile(wide);
    for (const keyword of ['required', 'additionalProperties']) {
      const candidate = candidatesOf(wide).find((c) => c.keyword === keyword)!;
      const relaxed = ajv.compile(candidate.relaxed);
      for (const value of fc.sample(candidate.values, { seed: 4, numRuns: 30 }) as Array<Record<string, unknown>>) {
        const members = Object.keys(value).filter((k) => k in (wide['properties'] as object));
        expect(members.every((k) => k === 'id' || k === 'owner')).toBe(true);
        if (value['owner'] !== undefined) expect(Object.keys(value['owner'] as object)).toEqual(['id']);
        expect(full(value)).toBe(false);
        expect(relaxed(value)).toBe(true);
      }
    }
  });

  it('fall back to objects with optional members when the bare one breaks another keyword too', () => {
    // dropping one of two required members leaves one: under minProperties, unless an optional one is there
    const node: Schema = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' }, c: { type: 'string' }, d: { type: 'string' } }, required: ['a', 'b'], minProperties: 2 };
    const full = ajv.compile(node);
    const candidate = candidatesOf(node).find((c) => c.keyword === 'required')!;
    const relaxed = ajv.compile(candidate.relaxed);
    const breaksAlone = (v: unknown) => !full(v) && relaxed(v);
    expect(fc.sample(candidate.values, { seed: 4, numRuns: 30 }).some(breaksAlone)).toBe(false);
    const fallback = candidate.fallback!()!;
    expect(fc.sample(fallback, { seed: 4, numRuns: 60 }).some(breaksAlone)).toBe(true);
  });
});

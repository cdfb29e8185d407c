import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HardenError } from '../errors.ts';
import { parseManifest } from './parseManifest.ts';

const REFERENCE = readFileSync('fixtures/reference-api/manifest.yaml', 'utf8');
const JSON_MANIFEST = JSON.stringify(
  {
    harden: 1,
    service: 'orders-api',
    baseUrl: 'http://127.0.0.1:8080',
    auth: { scheme: 'bearer', tokens: { provider: 'static', tokens: [{ scopes: ['orders:read'], env: 'HARDEN_TOKEN' }] }, scopes: { 'orders:read': {} } },
    errors: { statuses: { unauthenticated: 401, invalid: [400, 422] } },
    endpoints: [{ id: 'getOrder', method: 'GET', path: '/orders/{id}', scopes: ['orders:read'], params: { id: { type: 'string' } }, responses: { 200: { $ref: '#/schemas/Order' } } }],
    schemas: { Order: { type: 'object' } },
  },
  null,
  2,
);

/** Pieces of YAML and JSON syntax, the ones most likely to confuse a parser or the stages after it. */
const TOKENS = [':', ': ', '- ', '[', ']', '{', '}', ',', '"', "'", '\t', '\n', '  ', '#', '&a ', '*a', '!tag ', '!!binary ', '---\n', '? ', '|', '>', '<<: *a', '~', 'null', '-1', '1e400', '.nan', '$ref: "#/x"', '\u0000', '\uFEFF', '\\u'];

type Mutation =
  | { kind: 'splice'; at: number; cut: number; insert: string }
  | { kind: 'delete-line' | 'duplicate-line'; line: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'insert-token'; at: number; token: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), cut: fc.nat(40), insert: fc.string({ maxLength: 8 }) }),
  fc.record({ kind: fc.constantFrom('delete-line' as const, 'duplicate-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('insert-token' as const), at: fc.nat(), token: fc.constantFrom(...TOKENS) }),
);

function apply(text: string, m: Mutation): string {
  const lines = text.split('\n');
  switch (m.kind) {
    case 'splice': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.insert + text.slice(at + m.cut);
    }
    case 'insert-token': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.token + text.slice(at);
    }
    case 'delete-line':
      lines.splice(m.line % lines.length, 1);
      return lines.join('\n');
    case 'duplicate-line': {
      const i = m.line % lines.length;
      lines.splice(i, 0, lines[i]!);
      return lines.join('\n');
    }
    case 'swap-lines': {
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
  }
}

/** The loader's contract on any input: a manifest, or a HardenError whose every problem names the file. */
function holdsContract(text: string, file: string): void {
  try {
    parseManifest(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(HardenError);
    const { code, problems } = error as HardenError;
    expect(code).toBe('MANIFEST_INVALID');
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p.location.file).toBe(file);
      expect(p.message.length).toBeGreaterThan(0);
      if (p.location.line !== undefined) expect(p.location.column).toBeGreaterThanOrEqual(1);
    }
  }
}

describe('parseManifest under mutation', () => {
  it('returns a manifest or located problems for any mutation of the reference manifest, never another exception', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => holdsContract(mutations.reduce(apply, REFERENCE), 'mutated.yaml')),
      { seed: 20261123, numRuns: 250 },
    );
  });

  it('holds the same contract for mutations of a JSON manifest', () => {
    expect(() => parseManifest(JSON_MANIFEST, 'm.json')).not.toThrow();
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => holdsContract(mutations.reduce(apply, JSON_MANIFEST), 'mutated.json')),
      { seed: 7, numRuns: 120 },
    );
  });
});

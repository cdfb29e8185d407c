import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { HardenError } from '../errors.ts';
import { parseManifest } from './parseManifest.ts';

const yamlText = readFileSync('fixtures/reference-api/manifest.yaml', 'utf8');
const asJson = (value: unknown) => JSON.stringify(value, null, 2);
const withoutLines = (m: ReturnType<typeof parseManifest>) => ({ ...m, source: '', sha256: '', endpoints: m.endpoints.map(({ line: _line, ...e }) => e) });

describe('a .json manifest', () => {
  it('parses to the same manifest as its YAML twin, without building a YAML document (so without lines)', () => {
    const fromYaml = parseManifest(yamlText, 'm.yaml');
    const fromJson = parseManifest(asJson(parseYaml(yamlText)), 'm.json');
    expect(withoutLines(fromJson)).toEqual(withoutLines(fromYaml));
    expect(fromYaml.endpoints.every((e) => e.line !== undefined)).toBe(true);
    expect(fromJson.endpoints.every((e) => e.line === undefined)).toBe(true);
  });

  it('counts keys right when strings hold colons, quotes and backslashes', () => {
    const value = parseYaml(yamlText) as { auth: { realm: string } };
    value.auth.realm = 'a: "quoted" \\: realm:with:colons\\';
    const m = parseManifest(asJson(value), 'm.json');
    expect(m.auth.realm).toBe('a: "quoted" \\: realm:with:colons\\');
    expect(m.endpoints[0]!.line).toBeUndefined();
  });

  it('with a repeated key, or any problem, is parsed again to say where', () => {
    const text = asJson(parseYaml(yamlText)).replace('"service": "orders-api",', '"service": "orders-api",\n  "service": "again",');
    const error = (() => {
      try {
        parseManifest(text, 'm.json');
      } catch (e) {
        return e as HardenError;
      }
    })();
    expect(error).toBeInstanceOf(HardenError);
    const line = text.split('\n').findIndex((l) => l.includes('"again"')) + 1;
    expect(error!.problems?.[0]?.location.line).toBe(line);
    expect(error!.problems?.[0]?.message).toMatch(/"service" appears twice/);

    const unknownRef = asJson(parseYaml(yamlText)).replace('"#/schemas/Order"', '"#/schemas/Nowhere"');
    expect(() => parseManifest(unknownRef, 'm.json')).toThrow(HardenError);
    try {
      parseManifest(unknownRef, 'm.json');
    } catch (e) {
      expect((e as HardenError).problems?.[0]?.location.line).toBeGreaterThan(1);
    }
  });
});

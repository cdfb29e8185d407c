import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HardenError } from '../errors.ts';
import { parseManifest } from './parseManifest.ts';

const REFERENCE = readFileSync('fixtures/reference-api/manifest.yaml', 'utf8');

describe('manifest disclosure', () => {
  it('is absent unless written, and lists allowed headers lower-case (RFC 9110 §5.1)', () => {
    expect(parseManifest(REFERENCE, 'm.yaml').disclosure).toBeUndefined();
    const manifest = parseManifest(`${REFERENCE}\ndisclosure: { allowHeaders: [Server, x-powered-by] }\n`, 'm.yaml');
    expect(manifest.disclosure).toEqual({ allowHeaders: ['server', 'x-powered-by'] });
  });
  it('refuses a header name that is not a token, naming where', () => {
    const refused = (() => {
      try {
        parseManifest(`${REFERENCE}\ndisclosure: { allowHeaders: ["Server: nginx"] }\n`, 'm.yaml');
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(HardenError);
    expect(JSON.stringify((refused as HardenError).problems)).toContain('/disclosure/allowHeaders/0');
  });
});

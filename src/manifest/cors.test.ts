import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HardenError } from '../errors.ts';
import { buildPlan } from '../plan/buildPlan.ts';
import { parseManifest } from './parseManifest.ts';

const REFERENCE = readFileSync('fixtures/reference-api/manifest.yaml', 'utf8');

function refusal(text: string): HardenError | undefined {
  try {
    parseManifest(text, 'm.yaml');
  } catch (error) {
    return error as HardenError;
  }
  return undefined;
}

describe('manifest cors', () => {
  it('is absent unless written; origins are compared as browsers serialise them (RFC 6454 §6.2), credentials default to false', () => {
    expect(parseManifest(REFERENCE, 'm.yaml').cors).toBeUndefined();
    const manifest = parseManifest(`${REFERENCE}\ncors: { allowedOrigins: [HTTPS://App.Example.com, "null"] }\n`, 'm.yaml');
    expect(manifest.cors).toEqual({ allowedOrigins: ['https://app.example.com', 'null'], credentials: false });
  });

  it('reaches every CORS case, which the cors check reads', () => {
    const manifest = parseManifest(`${REFERENCE}\ncors: { allowedOrigins: [https://app.example.com], credentials: true }\n`, 'm.yaml');
    const cors = buildPlan(manifest, { seed: 1, suites: ['unauthorized'] }).cases.filter((c) => c.variant.startsWith('cors: '));
    expect(cors.length).toBeGreaterThan(0);
    for (const c of cors) expect(c.expect.cors).toEqual({ allowedOrigins: ['https://app.example.com'], credentials: true });
  });

  it('refuses an origin with a path, naming where', () => {
    const refused = refusal(`${REFERENCE}\ncors: { allowedOrigins: [https://app.example.com/login] }\n`);
    expect(refused).toBeInstanceOf(HardenError);
    expect(JSON.stringify(refused!.problems)).toContain('/cors/allowedOrigins/0');
  });
});

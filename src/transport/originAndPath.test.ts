import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { originAndPath } from './originAndPath.ts';

describe('originAndPath', () => {
  it("splits any URL's href as the URL parser does (the parser's origin, its path and query)", () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.option(fc.tuple(fc.webSegment(), fc.webSegment())), (raw, credentials) => {
        const url = new URL(raw);
        if (credentials) [url.username, url.password] = credentials;
        expect(originAndPath(url.href)).toEqual({ origin: url.origin, path: url.pathname + url.search });
      }),
      { numRuns: 500, examples: [['http://a.aa?', null], ['http://a.aa??', null], ['http://a.aa/x?y?', null], ['http://u:p@a.aa/x?y#z', null]] },
    );
  });
});

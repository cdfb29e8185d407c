import type { Manifest } from '../manifest/types.ts';
import type { Credential, Expectation } from './case.ts';
import { EMPTY_BEARER, emptyAs, liveAs } from './credentials.ts';
import { refusalOf } from './refusalRules.ts';
import { shared } from './shared.ts';

export interface PresentationCase {
  variant: string;
  credential: Credential;
  expect: Expectation;
}

/**
 * Query parameter names frameworks and gateways commonly read a key from besides the documented one:
 * an API that also takes its key from one of them leaks it into logs, history and Referer headers.
 */
export const QUERY_KEY_NAMES = ['api_key', 'apikey', 'apiKey', 'key', 'access_token', 'token'] as const;

/** A live key in the query under its own name and every common one, in one request. */
function keyInQuery(manifest: Manifest, scope: string | undefined, name: string): Credential {
  return shared(manifest, `key in query\n${name}\n${scope ?? ''}`, () => {
    const base = liveAs(manifest, scope, 'query', name, '{token}');
    return Object.freeze({ ...base, alsoAs: Object.freeze(QUERY_KEY_NAMES.filter((n) => n !== name)) });
  });
}

const WHERE = { header: 'header', query: 'query parameter', cookie: 'cookie' } as const;

/**
 * A live, sufficient credential presented in a way the scheme does not accept, or the scheme's
 * header or parameter with nothing usable in it: never served. Which ways depend on the scheme
 * (docs/expectations.md): for bearer, RFC 6750's other scheme, empty bearer and query token; for
 * Basic, RFC 7617's credentials left unencoded or empty, and under Bearer; for an API key, the key
 * empty, under Bearer, or where the manifest does not say it goes. Shared per manifest and scope.
 */
export function presentationCases(manifest: Manifest, scope: string | undefined): readonly PresentationCase[] {
  return shared(manifest, `presentations\n${scope ?? ''}`, () => Object.freeze(build(manifest, scope).map((c) => Object.freeze(c))));
}

function build(manifest: Manifest, scope: string | undefined): PresentationCase[] {
  const { scheme, apiKey, allowQueryToken } = manifest.auth;
  if (scheme === 'basic') {
    return [
      { variant: 'wrong scheme', credential: liveAs(manifest, scope, 'header', 'authorization', 'Bearer {token}', 'base64'), expect: refusalOf(manifest, 'unusable-credentials', 'live Basic credentials under the Bearer scheme') },
      { variant: 'empty basic', credential: emptyAs('header', 'authorization', 'Basic '), expect: refusalOf(manifest, 'malformed-credentials', 'an empty Basic credential (RFC 7617 §2 needs user-id:password in base64)') },
      { variant: 'basic not base64', credential: liveAs(manifest, scope, 'header', 'authorization', 'Basic {token}'), expect: refusalOf(manifest, 'malformed-credentials', 'live user-id:password sent without base64 (RFC 7617 §2)') },
    ];
  }
  if (scheme === 'apiKey') {
    const { in: place, name } = apiKey!;
    // Header names are case-insensitive (RFC 9110 §5.1); requests carry them lower-case.
    const nameIn = (p: Credential['placement']) => (p === 'header' ? name.toLowerCase() : name);
    const elsewhere = (['header', 'query', 'cookie'] as const).filter((p) => p !== place);
    return [
      { variant: 'empty key', credential: emptyAs(place, nameIn(place), ''), expect: refusalOf(manifest, 'malformed-credentials', `the ${name} ${WHERE[place]} present and empty`) },
      { variant: 'key under bearer', credential: liveAs(manifest, scope, 'header', 'authorization', 'Bearer {token}'), expect: refusalOf(manifest, 'unusable-credentials', `a live key as a bearer token, where the API takes it in the ${name} ${WHERE[place]}`) },
      ...elsewhere.map((p) => ({
        variant: `key in ${WHERE[p]}`,
        credential: p === 'query' ? keyInQuery(manifest, scope, name) : liveAs(manifest, scope, p, nameIn(p), '{token}'),
        expect: refusalOf(
          manifest,
          'unusable-credentials',
          p === 'query'
            ? `a live key in the query, as ${name} and under the names APIs commonly read (${QUERY_KEY_NAMES.join(', ')}), where the API takes it in the ${WHERE[place]}`
            : `a live key in the ${name} ${WHERE[p]}, where the API takes it in the ${WHERE[place]}`,
        ),
      })),
    ];
  }
  return [
    { variant: 'wrong scheme', credential: liveAs(manifest, scope, 'header', 'authorization', 'Token {token}'), expect: refusalOf(manifest, 'unusable-credentials', 'a live token under a scheme other than Bearer') },
    { variant: 'empty bearer', credential: EMPTY_BEARER, expect: refusalOf(manifest, 'malformed-credentials', 'an empty bearer token (RFC 6750 §2.1 needs one)') },
    ...(allowQueryToken
      ? []
      : [{ variant: 'token in query string', credential: liveAs(manifest, scope, 'query', 'access_token', '{token}'), expect: refusalOf(manifest, 'unusable-credentials', 'the manifest does not allow ?access_token= (RFC 6750 §2.3)') }]),
  ];
}

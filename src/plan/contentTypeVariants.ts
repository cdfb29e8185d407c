import type { Endpoint, Manifest } from '../manifest/types.ts';
import type { Expectation } from './case.ts';
import { acceptance } from './positive.ts';
import { ruleStatuses, REFUSAL_RULES, type RefusalKind } from './refusalRules.ts';

/** One way to label the documented body: the Content-Type field lines sent (none, one or two). */
export interface ContentTypeVariant {
  variant: string;
  /** The Content-Type sent; absent sends none at all. */
  contentType?: string;
  /**
   * A second Content-Type field line, sent before the first. It travels as a header named
   * `Content-Type` beside the body's `content-type`: the HTTP client sends each name as its own line.
   */
  alsoSent?: string;
  rule: Extract<RefusalKind, 'media-type-variant' | 'foreign-charset' | 'duplicate-content-type'>;
  reason: string;
}

/**
 * The documented (valid) body under labels a JSON API meets in the wild (issue 19). What each may
 * answer is in docs/expectations.md ("Content-type variants"): a documented success where the RFCs
 * let the API read the body as JSON, the rule's refusals otherwise, never a 5xx.
 */
export function contentTypeVariants(endpoint: Endpoint): ContentTypeVariant[] {
  const documented = endpoint.contentType;
  const variants: ContentTypeVariant[] = [
    // RFC 8259 §11 defines no charset parameter; §8.1 requires UTF-8 (the bytes sent are UTF-8).
    { variant: 'content type with charset utf-16', contentType: `${documented}; charset=utf-16`, rule: 'foreign-charset', reason: 'the body is labelled charset=utf-16' },
    // RFC 9110 §8.3.1: parameters a recipient does not know are not the media type.
    { variant: 'content type with an unknown parameter', contentType: `${documented}; harden-probe=1`, rule: 'media-type-variant', reason: 'the media type carries a parameter it does not define' },
    // RFC 9110 §8.3: without Content-Type the recipient may assume application/octet-stream or examine the data.
    { variant: 'no content type', rule: 'media-type-variant', reason: 'the body is sent without Content-Type' },
    // RFC 9110 §5.3: Content-Type is a singleton field; two lines that disagree make the message ambiguous.
    { variant: 'duplicated content type', contentType: documented, alsoSent: 'text/plain', rule: 'duplicate-content-type', reason: `the body is sent with Content-Type text/plain and Content-Type ${documented}` },
  ];
  // RFC 6839 §3.1: a +json type is JSON, but not the type this route documents.
  const evil = 'application/vnd.evil+json';
  if (documented.toLowerCase() !== evil) {
    variants.splice(2, 0, { variant: 'undocumented +json content type', contentType: evil, rule: 'media-type-variant', reason: `the body is sent as ${evil}` });
  }
  return variants;
}

/**
 * A documented success or the rule's refusals: every variant sends a valid body the API may read
 * as JSON. `outcome` is `accept`, so a served body's answer is checked against its schema, and the
 * request is not sent twice (a served POST may have created something).
 */
export function servedOrRefused(manifest: Manifest, endpoint: Endpoint, complete: boolean, v: ContentTypeVariant): Expectation {
  const served = acceptance(endpoint, manifest, complete);
  const refusals = ruleStatuses(manifest, v.rule);
  const statuses = [...new Set([...served.statuses, ...refusals])];
  return { ...served, statuses, reason: `${v.reason}: served as JSON, or refused as ${REFUSAL_RULES[v.rule].kinds.join(' or ')} (docs/expectations.md)` };
}

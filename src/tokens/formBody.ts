/**
 * application/x-www-form-urlencoded, as RFC 6749 Appendix B asks of every token request:
 * the WHATWG serializer (space as "+", everything outside *-._ and alphanumerics percent-encoded).
 */
export function formBody(fields: Iterable<readonly [string, string]>): string {
  return new URLSearchParams([...fields].map(([k, v]) => [k, v])).toString();
}

/** One value form-encoded: RFC 6749 §2.3.1 encodes client_id and client_secret so before Basic. */
export function formEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}

/** The HTTP Basic credentials of RFC 6749 §2.3.1 (RFC 7617): base64 of encoded id ":" encoded secret. */
export function basicCredentials(clientId: string, clientSecret: string): string {
  return Buffer.from(`${formEncode(clientId)}:${formEncode(clientSecret)}`).toString('base64');
}

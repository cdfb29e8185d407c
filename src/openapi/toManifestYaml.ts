import { basename } from 'node:path';
import { Document, isPair, isScalar, visit } from 'yaml';
import { RFC9457_SCHEMA } from '../manifest/rfc9457.ts';
import type { Endpoint, ErrorStatuses, Manifest, TokenProviderConfig } from '../manifest/types.ts';
import { jsonEqual } from './json.ts';

type Raw = Record<string, unknown>;

/** Longest leaf collection (in characters) written on one line. */
const MAX_FLOW = 80;

const defined = (entries: Raw): Raw => Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));

/** A single status stays a number, as people write it; lists stay lists. */
const statusValue = (list: number[]) => (list.length === 1 ? list[0] : list);

function statuses(s: ErrorStatuses): Raw {
  // Written in full, even where equal to the loader's defaults: the reviewer sees every expectation.
  return {
    unauthenticated: statusValue(s.unauthenticated),
    malformedCredentials: statusValue(s.malformedCredentials),
    forbidden: statusValue(s.forbidden),
    invalid: statusValue(s.invalid),
    malformedJson: statusValue(s.malformedJson),
    unsupportedMediaType: statusValue(s.unsupportedMediaType),
    tooLarge: statusValue(s.tooLarge),
  };
}

function tokens(t: TokenProviderConfig): Raw {
  if (t.provider === 'oauth2') {
    const { provider, tokenUrl, grant, clientAuth, clientId, clientSecret, username, password, refreshToken, revocationUrl, introspectionUrl } = t;
    return defined({ provider, tokenUrl, grant, clientAuth, clientId, clientSecret, username, password, refreshToken, revocationUrl, introspectionUrl });
  }
  if (t.provider !== 'http') return defined({ ...t });
  // The request first, then where to read its answer: the order people write it in.
  const { method, path, body, encoding, tokenPointer, idPointer } = t.issue;
  const issue = defined({ method, path, encoding: encoding === 'json' ? undefined : encoding, body, tokenPointer, idPointer });
  return defined({ provider: 'http', clientAuth: t.clientAuth, issue, ...(t.revoke === 'none' ? { revocation: 'none' } : { revoke: t.revoke }) });
}

/** `required` only where it is true: false is the default, as in OpenAPI. */
function named(declared: Endpoint['query']): Raw | undefined {
  const entries = Object.entries(declared);
  return entries.length === 0 ? undefined : Object.fromEntries(entries.map(([name, p]) => [name, defined({ required: p.required ? true : undefined, schema: p.schema })]));
}

function endpoint(e: Endpoint): Raw {
  return defined({
    id: e.id,
    method: e.method,
    path: e.path,
    public: e.public ? true : undefined,
    authenticated: !e.public && e.scopes.length === 0 ? true : undefined,
    scopes: e.public || e.scopes.length === 0 ? undefined : e.scopes,
    params: Object.keys(e.params).length > 0 ? e.params : undefined,
    query: named(e.query),
    headers: named(e.headers),
    cookies: named(e.cookies),
    body: e.body,
    contentType: e.body !== undefined || e.contentType !== 'application/json' ? e.contentType : undefined,
    responses: Object.keys(e.responses).length > 0 ? e.responses : undefined,
  });
}

function environments(manifest: Manifest): Raw {
  return Object.fromEntries(
    Object.entries(manifest.environments).map(([name, e]) => [
      name,
      defined({ baseUrl: e.baseUrl, exposure: e.exposure, tokens: e.tokens, endpoints: Object.keys(e.endpoints).length > 0 ? e.endpoints : undefined }),
    ]),
  );
}

/**
 * A Manifest as a reviewable manifest file: stable key order (the order of the README's example),
 * every expectation spelled out, no YAML anchors. `loadManifest` accepts it and normalises it to
 * the same Manifest (apart from `source`, `sha256` and endpoint `line`, which describe the file).
 */
export function toManifestYaml(manifest: Manifest): string {
  const rfc9457 = jsonEqual(manifest.errors.schema, RFC9457_SCHEMA);
  const raw = defined({
    harden: 1,
    service: manifest.service,
    baseUrl: manifest.baseUrl,
    exposure: manifest.exposure,
    auth: defined({
      scheme: manifest.auth.scheme,
      in: manifest.auth.apiKey?.in,
      name: manifest.auth.apiKey?.name,
      // Written only where it differs from the scheme's own (Bearer, Basic, none for a key).
      challenge: manifest.errors.challenge !== { bearer: 'Bearer', basic: 'Basic', apiKey: null }[manifest.auth.scheme] ? manifest.errors.challenge : undefined,
      realm: manifest.auth.realm,
      allowQueryToken: manifest.auth.scheme === 'bearer' ? manifest.auth.allowQueryToken : undefined,
      tokens: tokens(manifest.auth.tokens),
      scopes: manifest.auth.scopes,
    }),
    principals: Object.keys(manifest.principals).length > 0 ? Object.fromEntries(Object.entries(manifest.principals).map(([n, p]) => [n, { tokens: tokens(p.tokens) }])) : undefined,
    objects: manifest.objects.length > 0 ? manifest.objects.map((o) => defined({ name: o.name === o.param ? undefined : o.name, create: o.create, id: o.id, param: o.param, refusal: statusValue(o.refusal) })) : undefined,
    errors: defined({
      contentType: manifest.errors.contentType,
      schema: rfc9457 ? 'rfc9457' : manifest.errors.schema,
      // rfc9457 implies `status`; anything else is said explicitly (null included).
      statusMember: rfc9457 && manifest.errors.statusMember === 'status' ? undefined : manifest.errors.statusMember,
      volatile: manifest.errors.volatile,
      statuses: statuses(manifest.errors.statuses),
    }),
    limits: manifest.limits.maxBodyBytes === undefined && manifest.limits.expiryWaitSeconds === undefined ? undefined : defined({ maxBodyBytes: manifest.limits.maxBodyBytes, expiryWaitSeconds: manifest.limits.expiryWaitSeconds }),
    fields: manifest.fields,
    gate: manifest.gate,
    disclosure: manifest.disclosure,
    cors: manifest.cors,
    endpoints: manifest.endpoints.map(endpoint),
    schemas: Object.keys(manifest.schemas).length > 0 ? manifest.schemas : undefined,
    // Approvals and environment profiles are policy a reviewer wrote: a round trip must keep them.
    environments: Object.keys(manifest.environments).length > 0 ? environments(manifest) : undefined,
    approved: manifest.approved.length > 0 ? manifest.approved.map((a) => defined({ ...a })) : undefined,
  });
  const doc = new Document(raw, { aliasDuplicateObjects: false });
  visit(doc, {
    Collection(_, node) {
      // Short leaves on one line (`id: { env: X }`, `required: [a, b]`), the way the hand-written manifests read.
      if (node.items.every((item) => (isPair(item) ? isScalar(item.value) : isScalar(item))) && JSON.stringify(node.toJSON()).length <= MAX_FLOW) node.flow = true;
    },
  });
  doc.commentBefore = ` Endpoint manifest${manifest.source ? ` imported from ${basename(manifest.source)}` : ''}; review it, then run it with \`harden run\`.`;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

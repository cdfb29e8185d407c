import { HardenError } from '../errors.ts';
import type { ImportWarning } from './importOpenApi.ts';
import { assignIds } from './endpointIds.ts';
import { detectErrorContract } from './errorContract.ts';
import { governedStatuses } from './governedStatuses.ts';
import { importTokens } from './importTokens.ts';
import { asObject } from './json.ts';
import { routeKeyOf } from '../manifest/routeKey.ts';
import { listOperations } from './listOperations.ts';
import { mapEndpoint, type MappedEndpoint } from './mapEndpoint.ts';
import { placeholderTokens } from './placeholderTokens.ts';
import type { OpenApiDocument } from './readDocument.ts';
import type { LoadedOverlay } from './readOverlay.ts';
import { SchemaCollector } from './schemaCollector.ts';
import { chooseScheme, readSecuritySchemes } from './securitySchemes.ts';
import { requirementsOf } from './endpointAccess.ts';
import { selectOperations } from './selectOperations.ts';
import { serverUrl, serviceName } from './serviceDefaults.ts';

/** The catalogue entry used when the document names no scope at all, so the manifest stays valid. */

type Raw = Record<string, unknown>;

/** Leaves out members that are undefined, so the YAML holds only what was said. */
const defined = (entries: Record<string, unknown>): Raw => Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));

/** Same path shape, same method, same fixed values: the manifest allows one endpoint per route (`/a/{x}` and `/a/{y}` clash). */
const routeKey = (e: MappedEndpoint) => routeKeyOf(e.method, e.path, e.query, e.headers);

/**
 * Document + overlay → a raw manifest object, as a person would write it. Validation is left to
 * parseManifest, so imported and hand-written manifests pass the very same rules.
 */
export function buildManifest(doc: OpenApiDocument, overlay: LoadedOverlay | undefined, warn: (w: ImportWarning) => void): Raw {
  const { root } = doc;
  const o = overlay?.value;
  const collector = new SchemaCollector(doc, warn);
  const auth = readSecuritySchemes(root, warn);
  const operations = listOperations(root, warn);
  const selected = selectOperations(operations, assignIds(operations), overlay, warn);
  chooseScheme(auth, selected.map((s) => requirementsOf(s.operation.op, root)), o?.auth?.securityScheme, warn);
  const contract = detectErrorContract(root, selected.map((s) => s.operation), warn);
  const ctx = { root, collector, auth, contract, governed: governedStatuses(o?.errors?.statuses), warn };

  const routes = new Map<string, string>();
  const mapped: MappedEndpoint[] = [];
  for (const s of selected) {
    const endpoint = mapEndpoint(ctx, s);
    const first = routes.get(routeKey(endpoint));
    if (first !== undefined) {
      warn({ operation: s.operation.label, construct: 'paths', message: `the same route as "${first}" (only parameter names differ); it is skipped.` });
      continue;
    }
    routes.set(routeKey(endpoint), endpoint.id);
    mapped.push(endpoint);
  }

  if (mapped.length === 0) {
    const why = operations.length === 0 ? 'the document has no operations the harness can send' : 'every operation is excluded or skipped';
    throw new HardenError('MANIFEST_INVALID', `Nothing to test in ${doc.file}: ${why}; nothing was sent.`, {
      problems: [{ message: why, location: { file: overlay?.file ?? doc.file }, hint: 'check the overlay\'s exclude list and the warnings' }],
    });
  }
  for (const [scope, info] of Object.entries(o?.auth?.scopes ?? {})) {
    if (!auth.catalogue.has(scope)) auth.catalogue.set(scope, info.description);
  }
  if (auth.catalogue.size === 0 && mapped.some((e) => e.access.kind !== 'public')) {
    warn({ construct: 'securitySchemes', message: 'the document names no scope: every protected operation takes any valid credential (authenticated: true), so there is no scope matrix to test. Name scopes under auth.scopes in the overlay, and on endpoints, to test least privilege.' });
  }
  const catalogue = [...auth.catalogue.keys()];
  const scopes = Object.fromEntries(
    [...auth.catalogue].map(([scope, description]) => {
      const extra = o?.auth?.scopes?.[scope];
      return [scope, defined({ owner: extra?.owner, description: extra?.description ?? description })];
    }),
  );
  let tokens = importTokens(auth.tokenFlows, o?.auth?.tokens, serverUrl(root, () => undefined), warn);
  if (tokens === undefined) {
    warn({ construct: 'overlay', message: 'no overlay sets auth.tokens; the manifest reads one static token per scope from HARDEN_TOKEN_* variables and a revoked one from HARDEN_REVOKED_TOKEN. Describe the token provider under auth.tokens in an overlay.' });
    tokens = placeholderTokens(catalogue);
  }

  const endpoints = mapped.map((e) =>
    defined({
      id: e.id,
      method: e.method,
      path: e.path,
      public: e.access.kind === 'public' ? true : undefined,
      authenticated: e.access.kind === 'any-token' ? true : undefined,
      scopes: e.access.kind === 'scopes' ? e.access.scopes : undefined,
      params: Object.keys(e.params).length > 0 ? e.params : undefined,
      query: Object.keys(e.query).length > 0 ? e.query : undefined,
      headers: Object.keys(e.headers).length > 0 ? e.headers : undefined,
      cookies: Object.keys(e.cookies).length > 0 ? e.cookies : undefined,
      body: e.body,
      contentType: e.contentType,
      responses: Object.keys(e.responses).length > 0 ? e.responses : undefined,
    }),
  );
  const errorSchema = o?.errors?.schema ?? (contract.rfc9457 ? 'rfc9457' : (contract.schema ?? {}));
  return defined({
    harden: 1,
    service: o?.service ?? serviceName(asObject(root.info).title),
    baseUrl: o?.baseUrl ?? serverUrl(root, warn),
    exposure: o?.exposure ?? 'loopback',
    auth: defined({
      ...auth.presentation,
      challenge: o?.auth?.challenge,
      realm: o?.auth?.realm,
      allowQueryToken: auth.presentation.scheme === 'bearer' ? o?.auth?.allowQueryToken : undefined,
      tokens,
      scopes,
    }),
    errors: defined({
      contentType: o?.errors?.contentType ?? contract.contentType,
      schema: errorSchema === 'rfc9457' ? errorSchema : collector.convert(errorSchema),
      statusMember: o?.errors?.statusMember,
      volatile: o?.errors?.volatile,
      statuses: o?.errors?.statuses,
    }),
    limits: o?.limits,
    fields: o?.fields,
    disclosure: o?.disclosure,
    cors: o?.cors,
    gate: o?.gate,
    principals: o?.principals,
    objects: o?.objects,
    endpoints,
    schemas: collector.schemas(),
  });
}

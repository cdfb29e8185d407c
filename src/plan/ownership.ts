import type { Endpoint, Manifest, OwnedObject } from '../manifest/types.ts';
import type { Case, OwnershipStep } from './case.ts';
import { live, liveOf } from './credentials.ts';
import { refusal } from './expectations.ts';
import { exampleInputs } from './inputs.ts';
import { caseIdentity, makeCase, routeOf } from './makeCase.ts';
import { acceptance } from './positive.ts';

/** Stands for the object's id in planned paths until the create step has run: URL-safe, so encoding keeps it. */
export const placeholderOf = (index: number) => `harden-object-${index}-id`;

const variables = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);

/** Reads before writes, deletes last: a probe that wrongly succeeds in deleting must not hide the others. */
const METHOD_ORDER = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'];

/**
 * The ownership suite (OWASP API1, broken object level authorization). For each object the manifest
 * names: the owner (auth.tokens) creates one with the creating endpoint's documented example and
 * reads it back (the control: without it, a refusal of the others would prove nothing); then every
 * other principal, holding a scope that grants the route, tries every route whose path takes the
 * object's parameter — refused with the object's `refusal` statuses (403, or 404, which does not
 * disclose that the object exists) — and lists the collection it was created in (a GET on the
 * creating path), which must not show the object. Pure: the id is a placeholder until the run.
 */
export function planOwnership(manifest: Manifest, runSeed: number): Case[] {
  const principals = Object.keys(manifest.principals);
  if (principals.length === 0) return [];
  return manifest.objects.flatMap((object, index) => planObject(manifest, runSeed, object, placeholderOf(index), principals));
}

function planObject(manifest: Manifest, runSeed: number, object: OwnedObject, placeholder: string, principals: string[]): Case[] {
  const creator = manifest.endpoints.find((e) => e.id === object.create);
  if (!creator) return [];
  const routes = manifest.endpoints
    .filter((e) => !e.public && variables(e.path).includes(object.param))
    .sort((a, b) => METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method));
  const listing = manifest.endpoints.find((e) => !e.public && e.method === 'GET' && e.path === creator.path);
  const step = (s: OwnershipStep['step'], principal?: string): OwnershipStep => ({ step: s, object: object.name, placeholder, ...(principal ? { principal } : {}) });
  const naming = (endpoint: Endpoint, seed: number) => {
    const inputs = exampleInputs(endpoint, manifest, seed).inputs;
    return { ...inputs, params: { ...inputs.params, [object.param]: placeholder } };
  };
  const cases: Case[] = [];
  const add = (endpoint: Endpoint, variant: string, ownership: OwnershipStep, build: (seed: number) => Parameters<typeof makeCase>[5]) => {
    const identity = caseIdentity(runSeed, endpoint, 'ownership', variant);
    cases.push({ ...makeCase(manifest, endpoint, 'ownership', variant, identity, build(identity.seed)), ownership });
  };

  add(creator, `owner creates a ${object.name}`, step('create'), (seed) => ({
    inputs: exampleInputs(creator, manifest, seed).inputs,
    credential: live(manifest, creator.scopes[0]),
    expect: { ...acceptance(creator, manifest, true), reason: `the owner creates the ${object.name} the other principals must not reach` },
  }));
  const control = routes.find((e) => e.method === 'GET');
  if (control) {
    add(control, `owner reads its ${object.name}`, step('owner-reads'), (seed) => ({
      inputs: naming(control, seed),
      credential: live(manifest, control.scopes[0]),
      expect: { ...acceptance(control, manifest, true), reason: `the owner reads back the ${object.name} it created: its id is real` },
    }));
  }
  for (const principal of principals) {
    for (const route of routes) {
      add(route, `${principal} with the owner's ${object.name}`, step('probe', principal), (seed) => ({
        inputs: naming(route, seed),
        credential: liveOf(manifest, principal, route.scopes[0]),
        expect: refusal(object.refusal, `${principal} holds a scope that grants ${routeOf(route)}, but the ${object.name} belongs to another principal (OWASP API1)`),
      }));
    }
    if (listing) {
      add(listing, `${principal} lists, without the owner's ${object.name}`, step('probe', principal), (seed) => ({
        inputs: exampleInputs(listing, manifest, seed).inputs,
        credential: liveOf(manifest, principal, listing.scopes[0]),
        expect: { ...acceptance(listing, manifest, true), absent: [placeholder], reason: `${principal}'s listing must not show the owner's ${object.name}` },
      }));
    }
  }
  return cases;
}

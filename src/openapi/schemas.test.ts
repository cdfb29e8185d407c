import { describe, expect, it } from 'vitest';
import { createSchemaValidator } from '../checks/schemaValidator.ts';
import { buildPlan } from '../plan/buildPlan.ts';
import { importFixture } from './testing.ts';

describe('importOpenApi: schemas', () => {
  it('keeps OpenAPI 3.0 `nullable` with a type as written, and turns what ajv cannot compile into its meaning', async () => {
    const { manifest } = await importFixture('nullable-3.0.yaml');
    const widget = manifest.schemas.Widget as { properties: Record<string, unknown> };
    expect(widget.properties.name).toEqual({ type: 'string', nullable: true });
    // nullable without type: "or null"; boolean exclusive bounds: the numeric form; members beside a 3.0 $ref: ignored.
    expect(widget.properties.colour).toEqual({ anyOf: [{ allOf: [{ $ref: '#/schemas/Colour' }] }, { type: 'null' }] });
    expect(widget.properties.size).toEqual({ type: 'number', exclusiveMaximum: 10 });
    expect(widget.properties.parent).toEqual({ $ref: '#/schemas/Colour' });
    expect(manifest.endpoints.find((e) => e.id === 'getWidget')?.params.id).toEqual({ type: 'integer', exclusiveMinimum: 0 });
    const validator = createSchemaValidator(manifest);
    expect(validator.validate({ $ref: '#/schemas/Widget' }, { name: null, colour: null, size: 9 })).toEqual([]);
    expect(validator.validate({ $ref: '#/schemas/Widget' }, { size: 10 })).not.toEqual([]);
  });

  it('keeps OpenAPI 3.1 type arrays and the members beside a $ref', async () => {
    const { manifest, endpoint } = await importFixture('types-3.1.yaml');
    const body = endpoint('createGadget').body as { properties: Record<string, unknown> };
    expect(body.properties.name).toEqual({ type: ['string', 'null'] });
    expect(body.properties.kind).toEqual({ $ref: '#/schemas/Kind', description: 'kept beside the $ref in 3.1' });
    expect(manifest.schemas).toEqual({ Kind: { enum: ['small', 'large'] } });
  });

  it('keeps circular schemas as references, copies only reachable components, and follows relative-file refs', async () => {
    const { manifest, endpoint, warnings } = await importFixture('circular-schemas.yaml');
    expect(warnings.filter((w) => w.construct === '$ref')).toEqual([]);
    expect(Object.keys(manifest.schemas)).toEqual(['Id', 'Node', 'Pet', 'Owner', 'Category']);
    expect(manifest.schemas.Node).toMatchObject({ properties: { children: { items: { $ref: '#/schemas/Node' } } } });
    expect(manifest.schemas.Owner).toMatchObject({ properties: { pets: { items: { $ref: '#/schemas/Pet' } } } });
    // From parts/category.yaml, whose ref back into the main document stays a reference.
    expect(manifest.schemas.Pet).toMatchObject({ properties: { category: { properties: { pets: { items: { $ref: '#/schemas/Pet' } } } } } });
    // A ref to a sub-schema of a component is hoisted under its own name.
    expect(endpoint('listOwners').responses['200']).toEqual({ type: 'array', items: { $ref: '#/schemas/Owner' } });
    expect(endpoint('getPet').params.petId).toEqual({ $ref: '#/schemas/Id' });
    expect(() => buildPlan(manifest, { seed: 3 })).not.toThrow();
  });

  it('reads Swagger 2.0: definitions, oauth2 scopes, body and path parameters, produces and x-example', async () => {
    const { manifest, endpoint, warningsFor } = await importFixture('swagger-2.0.yaml');
    expect(manifest.baseUrl).toBe('https://store.example.com/v1');
    expect(manifest.auth.scopes).toEqual({ 'store:read': { description: 'read the store' }, 'store:write': { description: 'change the store' } });
    expect(endpoint('addItem')).toMatchObject({ scopes: ['store:write'], body: { $ref: '#/schemas/NewItem' }, contentType: 'application/json', responses: { 201: { $ref: '#/schemas/Item' } } });
    expect(endpoint('getItem')).toMatchObject({
      scopes: ['store:read'],
      params: { itemId: { type: 'string', format: 'uuid', examples: ['0b1d6c4e-2f43-4f0e-9a51-5f7a4c1b2d3e'] } },
      responses: { 200: { $ref: '#/schemas/Item' }, 404: 'problem' },
    });
    expect(manifest.schemas.NewItem).toMatchObject({ properties: { price: { type: 'number', exclusiveMinimum: 0 } } });
    expect(manifest.errors).toMatchObject({ contentType: 'application/json', schema: { $ref: '#/schemas/Error' }, statusMember: null });
    expect(warningsFor('PUT /items/{itemId}')).toEqual([expect.objectContaining({ construct: 'requestBody', message: expect.stringContaining('multipart/form-data') })]);
  });
});

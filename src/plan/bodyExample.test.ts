import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../manifest/parseManifest.ts';
import { bodyExample } from './bodyExample.ts';
import { buildPlan } from './buildPlan.ts';
import { exampleInputs, schemaRoot, validInputsArbitrary } from './inputs.ts';
import { pinFields } from './pinFields.ts';

const manifest = (extra: string, body: string) =>
  parseManifest(
    `harden: 1
service: transfers
baseUrl: http://127.0.0.1:1
auth: { scheme: bearer, tokens: { provider: static, tokens: [{ scopes: [t:write], env: T }] }, scopes: { t:write: {} } }
${extra}
endpoints:
  - id: createTransfer
    method: POST
    path: /transfers
    scopes: [t:write]
    body: ${body}
    responses: { 201: null, 404: problem }
schemas:
  Transfer:
    type: object
    required: [fromAccountId, amount]
    properties:
      fromAccountId: { type: string, minLength: 3 }
      amount: { type: integer, minimum: 1 }
      lines: { type: array, items: { type: object, properties: { accountId: { type: string } } } }
`,
    'transfers.yaml',
  );

describe('documented body examples', () => {
  it('are sent first by the positive suite, which then demands the documented success', () => {
    const m = manifest('', '{ $ref: "#/schemas/Transfer", examples: [{ fromAccountId: acc-1, amount: 5 }] }');
    const example = buildPlan(m, { seed: 3, suites: ['positive'] }).cases.find((c) => c.variant === 'documented example')!;
    expect(JSON.parse(example.request.body!.text)).toEqual({ fromAccountId: 'acc-1', amount: 5 });
    expect(example.expect.statuses).toEqual([201]);
  });

  it('are read through a reference, and an example its schema refuses is passed over', () => {
    const m = manifest('', '{ $ref: "#/schemas/Transfer" }');
    const withExamples = { ...m, schemas: { ...m.schemas, Transfer: { ...(m.schemas.Transfer as object), examples: [{ amount: 5 }, { fromAccountId: 'acc-2', amount: 1 }] } } };
    expect(bodyExample(m.endpoints[0]!.body!, withExamples, schemaRoot(withExamples))).toEqual({ value: { fromAccountId: 'acc-2', amount: 1 } });
    expect(bodyExample(m.endpoints[0]!.body!, m, schemaRoot(m))).toBeUndefined();
  });

  it('without one, the body is generated and a documented 404 is accepted, with the reason in the case', () => {
    const m = manifest('', '{ $ref: "#/schemas/Transfer" }');
    const { complete } = exampleInputs(m.endpoints[0]!, m, 1);
    expect(complete).toBe(false);
    const example = buildPlan(m, { seed: 3, suites: ['positive'] }).cases.find((c) => c.variant === 'documented example')!;
    expect(example.expect.statuses).toEqual([201, 404]);
    expect(example.expect.reason).toMatch(/resources the run did not create/);
  });
});

describe('pinned fields', () => {
  it('put a listed value wherever a generated valid body has the property, at any depth', () => {
    const m = manifest('fields: { fromAccountId: { enum: [acc-1, acc-2] }, accountId: { enum: [acc-9] } }', '{ $ref: "#/schemas/Transfer" }');
    fc.assert(
      fc.property(validInputsArbitrary(m.endpoints[0]!, m), (inputs) => {
        const body = inputs.body as { fromAccountId: string; lines?: { accountId?: string }[] };
        expect(['acc-1', 'acc-2']).toContain(body.fromAccountId);
        for (const line of body.lines ?? []) if ('accountId' in line) expect(line.accountId).toBe('acc-9');
      }),
      { numRuns: 200 },
    );
  });

  it('leave the malformed suite alone: its bodies still break the schema', () => {
    const m = manifest('fields: { fromAccountId: { enum: [acc-1] } }', '{ $ref: "#/schemas/Transfer" }');
    const violations = buildPlan(m, { seed: 3, suites: ['malformed'] }).cases.find((c) => c.variant === 'schema violations')!;
    expect(violations.generated).toMatch(/fromAccountId/);
  });

  it('replace nothing that is not listed', () => {
    expect(pinFields({ a: 1, b: [{ a: 2 }, 'x'] }, { c: [1] }, 0)).toEqual({ a: 1, b: [{ a: 2 }, 'x'] });
    expect(pinFields({ a: 1, b: [{ a: 2 }] }, { a: ['p', 'q'] }, 0)).toEqual({ a: 'p', b: [{ a: 'p' }] });
  });
});

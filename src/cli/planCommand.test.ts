import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../manifest/loadManifest.ts';
import { buildPlan } from '../plan/buildPlan.ts';
import { startCountingListener } from '../../test/countingListener.ts';
import { main } from './main.ts';
import { planCommand } from './planCommand.ts';
import { planEndpoints } from './planEndpoints.ts';
import type { PlanReport } from './planReport.ts';

const MANIFEST = 'fixtures/reference-api/manifest.yaml';

/** `text` in a file of its own temporary folder. */
function written(name: string, text: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'harden-plan-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return { dir, file };
}

async function plan(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['plan', ...args], { env, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('harden plan', () => {
  it('plans exactly the cases harden run plans with the same seed, grouped by endpoint', async () => {
    const manifest = await loadManifest(MANIFEST);
    const whole = buildPlan(manifest, { seed: 42 });
    const parts = planEndpoints(manifest, { seed: 42 }, { keepCases: true });
    const pieced = [...parts.endpoints.flatMap((e) => e.cases!), ...parts.service.cases!];
    for (const e of parts.endpoints) expect(Object.values(e.counts).reduce((a, b) => a + b, 0)).toBe(e.cases!.length);
    const counted = planEndpoints(manifest, { seed: 42 });
    expect(counted.endpoints.map((e) => e.counts)).toEqual(parts.endpoints.map((e) => e.counts));
    expect(counted.endpoints.every((e) => e.cases === undefined)).toBe(true);
    expect(pieced.map((c) => c.id).sort()).toEqual(whole.cases.map((c) => c.id).sort());
    const byId = new Map(whole.cases.map((c) => [c.id, c]));
    for (const c of pieced) expect(c).toEqual(byId.get(c.id));
  });

  it('prints stable JSON: counts per suite for every endpoint, totals, and the same output twice', async () => {
    const first = await plan([MANIFEST, '--format', 'json']);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.out) as PlanReport;
    expect(report.plan).toBe(1);
    expect(report.seed).toBe(0);
    expect(report.totals.planned).toBe(report.endpoints.length);
    const create = report.endpoints.find((e) => e.id === 'createOrder')!;
    expect(create.cases.malformed).toBeGreaterThan(0);
    expect(create.total).toBe(Object.values(create.cases).reduce((a, b) => a + b, 0));
    expect((await plan([MANIFEST, '--format', 'json'])).out).toBe(first.out);
  });

  it('writes its JSON a piece at a time, each handed on before the next (a pipe would hold it all)', async () => {
    const out: string[] = [];
    const seen: number[] = [];
    const io = { env: {}, out: (l: string) => out.push(l), err: () => {}, drained: async () => void seen.push(out.length) };
    const { report } = await planCommand(MANIFEST, { format: 'json' }, io);
    expect(out.length).toBeGreaterThan(report.endpoints.length);
    expect(seen).toEqual(out.map((_, i) => i + 1));
    expect(out.join('\n')).toBe(JSON.stringify(report, null, 2));
  });

  it('plans only the chosen suites, and shows a table by default', async () => {
    const { code, out } = await plan([MANIFEST, '--suites', 'revoked-token']);
    expect(code).toBe(0);
    expect(out).toMatch(/^endpoint\s+revoked-token\s+total$/m);
    expect(out).toMatch(/^GET \/orders\/\{id\}\s+1\s+1$/m);
  });

  it('refuses a bad manifest with exit 2 and its location, as harden validate does', async () => {
    const { file } = written('bad.yaml', 'harden: 1\nservice: x\nendpoints: nope\n');
    const { code, err } = await plan([file]);
    expect(code).toBe(2);
    expect(err).toContain(file);
  });

  it('refuses an unknown format or suite before reading anything', async () => {
    expect((await plan([MANIFEST, '--format', 'xml'])).code).toBe(2);
    expect((await plan([MANIFEST, '--suites', 'nope'])).code).toBe(2);
  });
});

describe('harden plan: warnings and notes', () => {
  // A warning may make the operation's cases wrong; a note narrows only what is checked.
  const doc = `openapi: 3.0.3
info: { title: notes, version: '1' }
servers: [{ url: 'http://127.0.0.1:1' }]
paths:
  /items:
    get:
      operationId: listItems
      parameters:
        - { name: tags, in: query, style: pipeDelimited, schema: { type: array, items: { type: string } } }
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: array } } } }
        default: { description: error }
    post:
      operationId: addItem
      parameters:
        - { name: ids, in: query, required: true, style: form, explode: false, schema: { type: array, items: { type: string } } }
      responses:
        '201': { description: created }
`;

  it('keeps what only narrows the checks out of the warnings, and says so in the table', async () => {
    const { file } = written('notes.yaml', doc);
    const json = JSON.parse((await plan([file, '--format', 'json'])).out) as PlanReport;
    const list = json.endpoints.find((e) => e.id === 'listItems')!;
    const add = json.endpoints.find((e) => e.id === 'addItem')!;
    expect(list.warnings).toEqual([]);
    expect(list.notes).toEqual([expect.stringMatching(/^\[parameters\] query parameter "tags" uses style "pipeDelimited"/), expect.stringMatching(/^\[responses\] the default response is not mapped/)]);
    expect(add.warnings).toEqual([expect.stringMatching(/^\[parameters\] required query parameter "ids" .* so the API may refuse every case/)]);
    expect(json.totals).toMatchObject({ endpoints: 2, withWarnings: 1, withNotes: 1 });
    const table = (await plan([file])).out;
    expect(table).toMatch(/^ {4}note: \[responses\] the default response is not mapped/m);
    expect(table).toMatch(/^ {4}warning: \[parameters\] required query parameter "ids"/m);
    expect(table).toMatch(/1 planned without a warning \(1 of them with notes on what is not checked\)$/m);
  });
});

describe('harden plan: a constraint too costly to break', () => {
  // 10,001 distinct integers break maxItems; a generator weighted towards small values rarely draws them
  const doc = `openapi: 3.0.3
info: { title: costly, version: '1' }
servers: [{ url: 'http://127.0.0.1:1' }]
paths:
  /entities:
    post:
      operationId: tagEntities
      parameters:
        - { name: ids, in: query, schema: { type: array, items: { type: integer }, maxItems: 10000, uniqueItems: true } }
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                entitiesIds: { type: array, items: { type: integer }, maxItems: 10000, uniqueItems: true }
                name: { type: string, maxLength: 3 }
      responses:
        '200': { description: ok }
`;

  it('is named in a note, and the other constraints are still broken', async () => {
    const { file } = written('costly.yaml', doc);
    const json = JSON.parse((await plan([file, '--format', 'json', '--suites', 'malformed'])).out) as PlanReport;
    const tag = json.endpoints.find((e) => e.id === 'tagEntities')!;
    expect(tag.warnings).toEqual([]);
    expect(tag.notes).toContain('body: 1 constraint not broken, finding a violation cost over 500 draws: /entitiesIds: maxItems');
    expect(tag.notes).toContain('query parameter ids: 1 constraint not broken, finding a violation cost over 500 draws: /: maxItems');
    expect(tag.cases.malformed).toBeGreaterThan(0);
  });
});

describe('an endpoint that cannot be planned', () => {
  // A string whose enum holds only numbers: no value satisfies it.
  const doc = `openapi: 3.0.3
info: { title: unplannable, version: '1' }
servers: [{ url: 'http://127.0.0.1:1' }]
paths:
  /programmes:
    get:
      operationId: listProgrammes
      parameters:
        - { name: mixin, in: query, required: true, schema: { type: string, enum: [1, 2] } }
      responses:
        '200': { description: ok }
  /health:
    get:
      operationId: health
      responses:
        '200': { description: ok }
`;

  it('is named by harden plan, which plans the others; harden run refuses before sending anything', async () => {
    const { dir, file } = written('unplannable.yaml', doc);
    const json = JSON.parse((await plan([file, '--format', 'json'])).out) as PlanReport;
    expect(json.endpoints.find((e) => e.id === 'listProgrammes')!.unplanned).toMatch(/^positive: no satisfiable alternative/);
    expect(json.endpoints.find((e) => e.id === 'health')!.total).toBeGreaterThan(0);

    const target = await startCountingListener();
    try {
      const err: string[] = [];
      const code = await main(['run', file, '--base-url', target.url, '--seed', '1', '--reports-dir', join(dir, 'reports')], { env: {}, out: () => {}, err: (l) => err.push(l) });
      expect(code).toBe(2);
      const text = err.join('\n');
      expect(text).toContain(`1 endpoint of ${file} cannot be planned; nothing was sent.`);
      expect(text).toMatch(/GET \/programmes \(listProgrammes\): positive: no satisfiable alternative.*exclude: \[listProgrammes\]/);
      expect(text).not.toContain('internal error');
      expect(target.connections()).toBe(0);
    } finally {
      await target.close();
    }
  });
});

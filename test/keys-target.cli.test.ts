import { beforeAll, describe, expect, it } from 'vitest';
import { explainRun, mapLimited, type EvidenceCase, type OauthRun } from './oauthCli.ts';
import { BASIC_OVERLAY, KEYS_OVERLAY, runHardenOnKeys } from './keysCli.ts';
import { targetSeeds } from './targetSeeds.ts';

/**
 * The harness on the API-key + Basic notes target (fixtures/keys-api), through the CLI as a user runs
 * it: an OpenAPI document plus an overlay holding only environment variable names. The hardened
 * target exits 0 under both schemes; each regression makes the gate fail on the case meant to catch it.
 */
const RUNS = 10;
const SEEDS = targetSeeds(2);

const failedOn = (c: EvidenceCase, check: string) => c.verdict === 'failed' && c.findings.some((f) => f.check === check);

const CATCHES: { regression: string; overlay: string; by: string; caught: (c: EvidenceCase) => boolean }[] = [
  { regression: 'key-in-query', overlay: KEYS_OVERLAY, by: 'the key in the query (status)', caught: (c) => c.variant === 'key in query parameter' && failedOn(c, 'status') },
  { regression: 'revoked-key-accepted', overlay: KEYS_OVERLAY, by: 'the revoked-token suite (status)', caught: (c) => c.suite === 'revoked-token' && failedOn(c, 'status') },
  { regression: 'key-prefix-match', overlay: KEYS_OVERLAY, by: 'a tampered key (status)', caught: (c) => c.variant.startsWith('tampered token') && failedOn(c, 'status') },
  { regression: 'scope-ignored', overlay: KEYS_OVERLAY, by: 'the scope matrix on PUT /notes/{noteId}', caught: (c) => c.endpoint.id === 'updateNote' && c.matrix?.expected === 'deny' && failedOn(c, 'status') },
  { regression: 'cross-principal-read', overlay: KEYS_OVERLAY, by: "bob reading alice's note (ownership, status)", caught: (c) => c.suite === 'ownership' && c.endpoint.id === 'getNote' && failedOn(c, 'status') },
  { regression: 'cross-principal-write', overlay: KEYS_OVERLAY, by: "bob changing and deleting alice's note (ownership, status)", caught: (c) => c.suite === 'ownership' && ['updateNote', 'deleteNote'].includes(c.endpoint.id) && failedOn(c, 'status') },
  { regression: 'bola-list-leak', overlay: KEYS_OVERLAY, by: "bob's listing showing alice's note (ownership check)", caught: (c) => c.suite === 'ownership' && c.endpoint.id === 'listNotes' && failedOn(c, 'ownership') },
  { regression: 'basic-no-challenge', overlay: BASIC_OVERLAY, by: 'no credentials (www-authenticate: Basic)', caught: (c) => c.variant === 'no credentials' && failedOn(c, 'www-authenticate') },
  { regression: 'basic-any-password', overlay: BASIC_OVERLAY, by: 'a tampered password (status)', caught: (c) => c.variant.startsWith('tampered token') && failedOn(c, 'status') },
];

describe('the harness on the API-key + Basic target, through the CLI', () => {
  let keys: OauthRun[];
  let basic: OauthRun[];
  let regressed: Map<string, OauthRun>;
  beforeAll(async () => {
    type Job = { key: string; seed: number; overlay: string; regressions?: string[] };
    const jobs: Job[] = [
      ...SEEDS.map((seed) => ({ key: `keys ${seed}`, seed, overlay: KEYS_OVERLAY })),
      ...SEEDS.map((seed) => ({ key: `basic ${seed}`, seed, overlay: BASIC_OVERLAY })),
      ...CATCHES.map(({ regression, overlay }) => ({ key: regression, seed: 1, overlay, regressions: [regression] })),
    ];
    const runs = await mapLimited(jobs, 4, ({ key: _key, ...job }) => runHardenOnKeys({ runs: RUNS, ...job }));
    const byKey = new Map(jobs.map((job, i) => [job.key, runs[i]!]));
    keys = SEEDS.map((seed) => byKey.get(`keys ${seed}`)!);
    basic = SEEDS.map((seed) => byKey.get(`basic ${seed}`)!);
    regressed = byKey;
  }, 900_000);

  it.each(SEEDS)('API keys, seed %i: exit 0, every suite ran, nothing leaked', (seed) => {
    const run = keys[seed - 1]!;
    expect(run.code, explainRun(run)).toBe(0);
    for (const suite of ['positive', 'revoked-token', 'unauthorized', 'malformed', 'rotation', 'ownership']) expect(run.cases.some((c) => c.suite === suite && c.verdict === 'passed'), suite).toBe(true);
    // alice created a note and read it back; bob was refused it on every route, and his listing did not show it.
    const ownership = run.cases.filter((c) => c.suite === 'ownership');
    expect(ownership.map((c) => [c.endpoint.id, c.variant, c.verdict])).toEqual([
      ['createNote', 'owner creates a note', 'passed'],
      ['getNote', 'owner reads its note', 'passed'],
      ['getNote', "bob with the owner's note", 'passed'],
      ['updateNote', "bob with the owner's note", 'passed'],
      ['deleteNote', "bob with the owner's note", 'passed'],
      ['listNotes', "bob lists, without the owner's note", 'passed'],
    ]);
    // The key went where the document says, and nowhere else, on a served request.
    const served = run.cases.find((c) => c.id === 'listNotes/positive/documented-example')!;
    expect(served.status).toBe(200);
    expect(served.exchanges[0]!.request.headers['x-api-key']).toMatch(/^\[REDACTED /);
    expect(served.exchanges[0]!.request.headers.authorization).toBeUndefined();
    expect(run.leaked).toEqual([]);
  });

  it.each(SEEDS)('HTTP Basic, seed %i: exit 0; revocation not proven (Basic credentials cannot be revoked by the run); nothing leaked', (seed) => {
    const run = basic[seed - 1]!;
    expect(run.code, explainRun(run)).toBe(0);
    expect(run.cases.filter((c) => c.suite === 'revoked-token').every((c) => c.verdict === 'not-proven')).toBe(true);
    const served = run.cases.find((c) => c.id === 'listNotes/positive/documented-example')!;
    expect(served.status).toBe(200);
    expect(served.exchanges[0]!.request.headers.authorization).toMatch(/^Basic \[REDACTED /);
    expect(run.leaked).toEqual([]);
  });

  it.each(CATCHES)('$regression: the gate fails, caught by $by', ({ regression, caught }) => {
    const run = regressed.get(regression)!;
    expect(run.leaked).toEqual([]);
    expect(run.code, explainRun(run)).toBe(1);
    expect(run.cases.filter(caught).map((c) => c.id), explainRun(run)).not.toEqual([]);
  });
});

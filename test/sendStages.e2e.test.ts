import { describe, expect, it } from 'vitest';
import { startCountingProxy } from './countingProxy.ts';
import { BASIC_OVERLAY, runHardenOnKeys } from './keysCli.ts';
import { explainRun } from './oauthCli.ts';

/**
 * Under HTTP Basic the notes target's update and delete examples name the same seeded note, as a
 * user's overlay would. A served DELETE must not start while a write to that note is still in flight:
 * the proxy holds every write for a while, so a DELETE sent alongside the last PUT would reach the
 * target first, remove the note, and turn the PUT into a 404 (a false alarm on a correct API).
 */
describe('sending in stages', () => {
  it('a served DELETE waits for every write to finish, even when writes are slow', async () => {
    const run = await runHardenOnKeys({
      seed: 1,
      runs: 5,
      overlay: BASIC_OVERLAY,
      suites: 'positive,malformed',
      via: (target) => startCountingProxy(target, (req) => (['PUT', 'PATCH', 'POST'].includes(req.method ?? '') ? 150 : undefined)),
    });
    expect(run.code, explainRun(run)).toBe(0);
    const updates = run.cases.filter((c) => c.endpoint.id === 'updateNote' && c.verdict === 'passed');
    expect(updates.length).toBeGreaterThan(0);
    expect(run.cases.some((c) => c.endpoint.id === 'deleteNote' && c.suite === 'positive' && c.verdict === 'passed')).toBe(true);
    expect(run.leaked).toEqual([]);
  }, 120_000);
});

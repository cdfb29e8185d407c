import fc from 'fast-check';
import type { Endpoint, Manifest } from '../manifest/types.ts';
import type { Case } from '../plan/case.ts';
import { fuzzArbitrary, fuzzCase, fuzzExamples, type FuzzSample } from '../plan/fuzz.ts';
import { interruptOnAbort } from './interruptOnAbort.ts';
import type { Outcome } from './sendAndJudge.ts';

/** What a property case did: how many runs, and where fast-check ended up. */
export interface PropertyRecord {
  /** Samples sent before the first failure (all of them when the property held). */
  runs: number;
  shrinks: number;
  /** fast-check's counterexample path: with the seed, replays the shrunk failure directly. */
  path?: string;
  /** The shrunk input, as JSON, with its violated constraint when it is a negative case. */
  counterexample?: string;
}

/** The outcome of a property the run's interruption stopped before any sample was answered. */
const INTERRUPTED: Outcome = { exchanges: [], findings: [], failure: { kind: 'interrupted', code: 'INTERRUPTED', message: 'the run was interrupted before this case finished' } };

/**
 * Runs a property case: each generated sample is sent and judged; a sample with findings (or no
 * answer) fails the property, and fast-check shrinks it to the smallest sample that still fails.
 * The outcome returned is that of the smallest failing sample, or of the first sample when all held.
 * When `stop` aborts, no further sample or shrink is tried: a failure found before it is kept, else
 * the outcome is `interrupted`.
 */
export async function runProperty(
  manifest: Manifest,
  endpoint: Endpoint,
  c: Case,
  sendAndJudge: (sampleCase: Case) => Promise<Outcome>,
  replayPath?: string,
  stop?: AbortSignal,
): Promise<{ outcome: Outcome; record: PropertyRecord; sample?: FuzzSample }> {
  let first: Outcome | undefined;
  let failing: { outcome: Outcome; sample: FuzzSample } | undefined;
  let transportFailed = false;
  // Samples sent up to and including the first failure: examples count, shrink attempts do not.
  let sent = 0;
  const property = fc.asyncProperty(fuzzArbitrary(manifest, endpoint, c), async (sample) => {
    // Once the target stops answering, shrinking would only pile up timeouts: stop probing.
    if (transportFailed) return true;
    if (!failing) sent += 1;
    const outcome = await sendAndJudge(fuzzCase(manifest, endpoint, c, sample));
    // A request cut short by the interruption says nothing about the API: it is neither a pass nor a failure.
    if (outcome.failure?.kind === 'interrupted') return true;
    first ??= outcome;
    if (outcome.failure) transportFailed = true;
    if (outcome.failure || outcome.findings.length > 0) {
      failing = { outcome, sample };
      return false;
    }
    return true;
  });
  const examples = fuzzExamples(manifest, endpoint, c).map((sample): [FuzzSample] => [sample]);
  // fast-check counts examples within numRuns: add them, so every example runs and the random runs stay as planned.
  const details = await fc.check(property, { seed: c.seed, numRuns: c.fuzz!.runs + examples.length, path: replayPath, endOnFailure: false, examples, plugins: stop ? [interruptOnAbort(stop)] : [] });
  const record: PropertyRecord = { runs: sent, shrinks: details.numShrinks };
  if (details.failed && failing) {
    const found = failing as { outcome: Outcome; sample: FuzzSample };
    record.path = details.counterexamplePath ?? undefined;
    const shown = found.sample.authorization ?? found.sample.rawBody ?? found.sample.inputs;
    const text = typeof shown === 'string' ? JSON.stringify(shown.length > 200 ? `${shown.slice(0, 200)}… (${shown.length} characters)` : shown) : JSON.stringify(shown);
    record.counterexample = `${found.sample.label ? `${found.sample.label}: ` : ''}${text}`;
    return { outcome: found.outcome, record, sample: found.sample };
  }
  if (details.failed && details.errorInstance) throw details.errorInstance;
  // Interrupted before any sample was answered, or part-way through: the property proved nothing.
  if (details.interrupted || !first) return { outcome: INTERRUPTED, record };
  return { outcome: first, record };
}

import fc from 'fast-check';

/**
 * Property tests draw from one fixed seed so the release gate passes or fails the same way on
 * every machine; fast-check prints the seed and path of any failure, which replay as they are.
 * `HARDEN_TEST_SEED=random` explores fresh inputs, `HARDEN_TEST_SEED=N` replays one run.
 */
const raw = process.env.HARDEN_TEST_SEED;
if (raw !== 'random') {
  const seed = raw === undefined || raw === '' ? 20_261_123 : Number(raw);
  if (!Number.isSafeInteger(seed)) throw new TypeError(`HARDEN_TEST_SEED must be an integer or "random", got ${JSON.stringify(raw)}`);
  fc.configureGlobal({ seed });
}

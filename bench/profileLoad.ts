/**
 * Profiling entry: the harness's share of the load benchmark, nothing else in this process.
 *   node --import tsx --cpu-prof --cpu-prof-dir=/tmp/harden-prof bench/profileLoad.ts [served|refused] [concurrency] [cases] [--no-evidence]
 *   npx tsx bench/lib/profileTop.ts /tmp/harden-prof/<largest>.cpuprofile
 * The reference API runs in a child process, so the profile holds only the harness.
 */
import { clonedPlan, loadReferenceManifest, runLoad, type Mix } from './harnessLoad.ts';
import { startReferenceTarget } from './lib/referenceApi.ts';

const mix = (process.argv[2] ?? 'refused') as Mix;
const concurrency = Number(process.argv[3] ?? 8);
const cases = Number(process.argv[4] ?? 20_000);
const target = await startReferenceTarget();
try {
  const manifest = await loadReferenceManifest();
  const plan = clonedPlan(manifest, mix, cases);
  for (const round of ['warm-up', 'measured']) {
    const sample = await runLoad(manifest, plan, target.url, target.env, concurrency, { evidence: !process.argv.includes('--no-evidence') });
    process.stdout.write(`${round}: ${mix} c=${concurrency}: ${Math.round(sample.rps)} req/s, ${Math.round(sample.cpuUsPerRequest)} µs CPU/request, ${sample.failed} not passed\n`);
  }
} finally {
  await target.stop();
}

/**
 * Heap retained per planned case: `node --expose-gc --import tsx bench/lib/planHeap.ts [get|mixed|ref|jwt] [endpoints]`.
 * A plan of 100k cases must fit in the run's memory budget beside everything else, so this is
 * the number to watch when a planner adds to a Case.
 */
import { parseManifest } from '../../src/manifest/parseManifest.ts';
import { loadManifest } from '../../src/manifest/loadManifest.ts';
import { buildPlan } from '../../src/plan/buildPlan.ts';
import { SUITES } from '../../src/plan/case.ts';
import { syntheticManifest } from '../synthetic/manifest.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const heapMb = () => (gc(), process.memoryUsage().heapUsed / 1048576);

const which = process.argv[2] ?? 'get';
const endpoints = Number(process.argv[3] ?? 9100);
const small = which === 'ref' || which === 'jwt';
const manifest = small
  ? await loadManifest(`fixtures/reference-api/manifest${which === 'jwt' ? '.jwt' : ''}.yaml`)
  : parseManifest(syntheticManifest(endpoints, which as 'get' | 'mixed'), 'x.json');
const suites = which === 'get' ? (['positive', 'revoked-token', 'unauthorized', 'malformed'] as const) : SUITES;

// A small manifest's plan is too small to weigh, so weigh many (each with its own seed, so its own
// inputs), after one that builds what the manifest keeps for every plan (input generators).
if (small) buildPlan(manifest, { seed: 1, runs: 1, suites });
const before = heapMb();
const plans = Array.from({ length: small ? 500 : 1 }, (_, i) => buildPlan(manifest, { seed: 11 + i, runs: 1, suites }));
const retained = heapMb() - before;
const cases = plans.reduce((sum, p) => sum + p.cases.length, 0);
console.log(`${which}: ${cases} cases, ${retained.toFixed(1)} MB, ${((retained * 1048576) / cases).toFixed(0)} B/case`);

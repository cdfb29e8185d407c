/**
 * Ceiling, transport floor and harness on the same route, interleaved repetition by repetition, so
 * drift of the server or the machine touches all of them alike; ratios are taken per repetition.
 */
import type { Manifest } from '../src/manifest/types.ts';
import { ceilingOnce } from './ceiling.ts';
import { floorOnce, type FloorClient } from './floor.ts';
import { clonedPlan, runLoad, type Mix } from './harnessLoad.ts';
import { median } from './lib/stats.ts';

export interface LoadRow {
  mix: Mix;
  concurrency: number;
  ceiling: number;
  harness: number;
  /** Median of the per-repetition ratios harness / ceiling. */
  ratio: number;
  ratios: number[];
  floors: Partial<Record<FloorClient, { rps: number; userUs: number; systemUs: number }>>;
  ceilingCpuUs: number;
  harnessCpuUs: number;
  overheadMedianUs?: number;
  notPassed: number;
  unexpected: number;
}

export interface LoadSetup {
  manifest: Manifest;
  baseUrl: string;
  routeUrl: string;
  env: NodeJS.ProcessEnv;
  authorization: string;
  seconds: number;
  cases: number;
  floorRequests: number;
  withFloors: boolean;
  reps: number;
}

export async function sideBySide(mix: Mix, concurrency: number, s: LoadSetup): Promise<LoadRow> {
  const plan = clonedPlan(s.manifest, mix, s.cases);
  const clients: FloorClient[] = s.withFloors ? ['undici', 'undici+deadline', 'sendRequest'] : [];
  const c: Awaited<ReturnType<typeof ceilingOnce>>[] = [];
  const h: Awaited<ReturnType<typeof runLoad>>[] = [];
  const f: Record<FloorClient, Awaited<ReturnType<typeof floorOnce>>[]> = { undici: [], 'undici+deadline': [], sendRequest: [] };
  for (let rep = -1; rep < s.reps; rep++) {
    const ceiling = await ceilingOnce(s.routeUrl, s.authorization, concurrency, s.seconds, mix === 'served');
    const harness = await runLoad(s.manifest, plan, s.baseUrl, s.env, concurrency);
    const floors = [];
    for (const client of clients) floors.push([client, await floorOnce(client, s.routeUrl, s.authorization, concurrency, s.floorRequests)] as const);
    if (rep < 0) continue; // warm-up: JIT on both sides, connections, caches
    c.push(ceiling);
    h.push(harness);
    for (const [client, sample] of floors) f[client].push(sample);
  }
  const ratios = h.map((x, i) => x.rps / c[i]!.rps);
  const overhead = h.flatMap((x) => x.overheadUs);
  return {
    mix,
    concurrency,
    ceiling: median(c.map((x) => x.rps)),
    harness: median(h.map((x) => x.rps)),
    ratio: median(ratios),
    ratios,
    floors: Object.fromEntries(clients.map((client) => [client, { rps: median(f[client].map((x) => x.rps)), userUs: median(f[client].map((x) => x.userUs)), systemUs: median(f[client].map((x) => x.systemUs)) }])),
    ceilingCpuUs: median(c.map((x) => x.cpuUsPerRequest)),
    harnessCpuUs: median(h.map((x) => x.cpuUsPerRequest)),
    overheadMedianUs: overhead.length > 0 ? median(overhead) : undefined,
    notPassed: h.reduce((n, x) => n + x.failed, 0),
    unexpected: c.reduce((n, x) => n + x.unexpected, 0),
  };
}

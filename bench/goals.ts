/** The performance goals, judged on one bench run's figures. */
import type { BenchResults, Goal } from './results.ts';
import { fmt } from './lib/stats.ts';

export function judgeGoals(r: BenchResults): Goal[] {
  const goals: Goal[] = [];
  const ratios = r.load.filter((h) => h.concurrency >= 8).map((h) => ({ label: `${h.mix} c=${h.concurrency}`, ratio: h.ratio }));
  goals.push({
    goal: 'harness req/s ≥ 0.7 × autocannon ceiling at concurrency 8 and 32, all checks on',
    target: '≥ 0.70 on every mix',
    measured: ratios.map((x) => `${x.label}: ${fmt(x.ratio, 2)}`).join('; ') || 'n/a',
    met: ratios.length === 0 ? undefined : ratios.every((x) => x.ratio >= 0.7),
  });
  const overhead = r.load.filter((h) => h.overheadMedianUs !== undefined);
  goals.push({
    goal: 'per-case overhead outside the network, median (concurrency 1)',
    target: '≤ 100 µs',
    measured: overhead.map((h) => `${h.mix}: ${fmt(h.overheadMedianUs!, 0)} µs`).join('; ') || 'n/a',
    met: overhead.length === 0 ? undefined : overhead.every((h) => h.overheadMedianUs! <= 100),
  });
  const big = r.scale.filter((s) => s.label.startsWith('100k'));
  goals.push({
    goal: 'peak RSS at 100k cases (plan + run + reports, whole process)',
    target: '< 300 MB',
    measured: big.map((s) => `${s.label}: ${s.error ? `failed (${s.error.slice(0, 80)})` : `${fmt(s.maxRssMb)} MB`}`).join('; ') || 'not measured in this mode',
    met: big.length === 0 ? undefined : big.every((s) => !s.error && s.maxRssMb < 300),
  });
  goals.push({
    goal: '`npm start` wall time',
    target: '< 30 s',
    measured: r.startup ? `${fmt(r.startup.median / 1000, 1)} s (exit ${r.startup.exitCodes.join(', ')})` : 'n/a',
    met: r.startup ? r.startup.median < 30_000 && r.startup.exitCodes.every((c) => c === 0) : undefined,
  });
  const s = r.signalStop;
  goals.push({
    goal: 'SIGINT/SIGTERM to exit with `--runs 3000`, partial reports written',
    target: '≤ 1 s, exit 3',
    measured: s ? `${fmt(s.median)} ms median (worst ${fmt(Math.max(...s.exitMs))} ms; exit ${s.exitCodes.join(', ')})` : 'n/a',
    met: s ? Math.max(...s.exitMs) <= 1_000 && s.exitCodes.every((c) => c === 3) : undefined,
  });
  const built = r.cliStart?.find((x) => x.label === 'built JavaScript');
  const tsx = r.cliStart?.find((x) => x.label === 'TypeScript through tsx');
  goals.push({
    goal: '`harden --version` start-up: the built package is faster than the tsx start',
    target: 'built < tsx',
    measured: built && tsx ? `${fmt(built.median)} vs ${fmt(tsx.median)} ms (×${fmt(tsx.median / built.median, 1)})` : 'n/a',
    met: built && tsx ? built.ok && built.median < tsx.median : undefined,
  });
  const dredd = r.dredd.find((d) => d.label.startsWith('GET /orders/{id}'));
  const sequential = r.positive.find((p) => p.concurrency === 1);
  goals.push({
    goal: 'faster than Dredd per request (both sending one request at a time)',
    target: 'harness positive suite req/s > Dredd req/s',
    measured: dredd && sequential ? `harness ${fmt(sequential.rps)} vs Dredd ${fmt(dredd.rps)} req/s (×${fmt(sequential.rps / dredd.rps, 1)})` : 'n/a',
    met: dredd && sequential ? dredd.passed && sequential.rps > dredd.rps : undefined,
  });
  return goals;
}

/** What each section measures, full (`npm run bench`) and quick (`npm run bench -- --quick`). */
import type { ScalePoint } from './scale.ts';

export interface BenchConfig {
  mode: 'full' | 'quick';
  reps: number;
  generation: { samples: number; reps: number };
  fuzzReps: number;
  /** Server warm-up before the load section (autocannon, concurrency 8). */
  warmupSeconds: number;
  ceilingSeconds: number;
  /** Requests per transport-floor repetition (undici alone, sendRequest alone). */
  floorRequests: number;
  /** Cases per harness load repetition, by mix; sized to about the ceiling's duration. */
  loadCases: { served: number; refused: number };
  concurrencies: readonly number[];
  checksCases: number;
  plannerEndpoints: number;
  scale: readonly ScalePoint[];
  dreddCopies: number;
  startupReps: number;
  /** `harden --version`, per variant (built, tsx, bare Node). */
  cliStartReps: number;
  /** SIGTERM during a --runs 3000 run, to exit. */
  signalReps: number;
  /** The largest real documents planned (HARDEN_CORPUS_DIR), and each one's deadline. */
  documents: { count: number; deadlineSeconds: number };
}

const point = (label: string, endpoints: number, runs: number, kind: 'mixed' | 'get', reps: number): ScalePoint => ({ label, endpoints, runs, kind, reps });

export const FULL: BenchConfig = {
  mode: 'full',
  reps: 5,
  generation: { samples: 400, reps: 5 },
  fuzzReps: 5,
  warmupSeconds: 10,
  ceilingSeconds: 1.5,
  floorRequests: 10_000,
  loadCases: { served: 10_000, refused: 5_000 },
  concurrencies: [1, 8, 32],
  checksCases: 5_000,
  plannerEndpoints: 100,
  scale: [
    point('10 endpoints', 10, 50, 'mixed', 3),
    point('100 endpoints', 100, 50, 'mixed', 1),
    point('1,000 endpoints', 1000, 50, 'mixed', 1),
    point('10k samples (runs 640)', 10, 640, 'mixed', 3),
    point('100k samples (runs 6,400)', 10, 6400, 'mixed', 1),
    point('10k cases (910 GET endpoints)', 910, 1, 'get', 1),
    point('100k cases (9,100 GET endpoints)', 9100, 1, 'get', 1),
  ],
  dreddCopies: 200,
  startupReps: 3,
  cliStartReps: 10,
  signalReps: 3,
  documents: { count: 8, deadlineSeconds: 300 },
};

export const QUICK: BenchConfig = {
  mode: 'quick',
  reps: 1,
  generation: { samples: 40, reps: 1 },
  fuzzReps: 1,
  warmupSeconds: 3,
  ceilingSeconds: 1,
  floorRequests: 3_000,
  loadCases: { served: 3_000, refused: 1_500 },
  concurrencies: [1, 8, 32],
  checksCases: 1_000,
  plannerEndpoints: 20,
  scale: [point('10 endpoints', 10, 50, 'mixed', 1), point('10k samples (runs 640)', 10, 640, 'mixed', 1), point('10k cases (910 GET endpoints)', 910, 1, 'get', 1)],
  dreddCopies: 40,
  startupReps: 1,
  cliStartReps: 3,
  signalReps: 1,
  documents: { count: 2, deadlineSeconds: 120 },
};

/** The peer: Dredd's contract checks on the reference API, next to the harness's positive suite. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChild } from '../lib/child.ts';
import { SEEDED_ORDER_ID } from '../lib/referenceApi.ts';
import { median, repeat } from '../lib/stats.ts';

export interface DreddRow {
  label: string;
  transactions: number;
  /** Requests per second by Dredd's own "Tests took" clock (excludes start-up and parsing). */
  rps: number;
  /** Whole command, process start to exit, ms. */
  wallMs: number;
  passed: boolean;
  version: string;
  error?: string;
}

/** One API description per transaction: Dredd sends one request per operation and 2xx response. */
function orderCopy(i: number): string {
  return `swagger: "2.0"
info: { title: orders-api copy ${i}, version: 1.0.0 }
paths:
  /orders/{id}:
    get:
      produces: [application/json]
      parameters:
        - { name: id, in: path, required: true, type: string, format: uuid, x-example: ${SEEDED_ORDER_ID} }
      responses:
        "200":
          description: the order
          schema:
            type: object
            required: [id, item, quantity, status, createdAt]
            properties: { id: { type: string, format: uuid }, item: { type: string }, quantity: { type: integer }, note: { type: string }, status: { type: string, enum: [open, cancelled] }, createdAt: { type: string, format: date-time } }
`;
}

async function dredd(files: string[], url: string, authorization: string): Promise<{ ms: number; wallMs: number; passed: boolean; error?: string }> {
  const args = ['node_modules/dredd/bin/dredd', files[0]!, url, ...files.slice(1).flatMap((f) => ['--path', f]), '--header', `Authorization: ${authorization}`, '--reporter', 'dot', '--loglevel', 'warning', '--color', 'false'];
  const child = await runChild(args, { ...process.env, NO_COLOR: '1' }, 300_000);
  const plain = child.stdout.replace(/\u001b\[[0-9;]*m/g, '');
  const took = /Tests took (\d+)ms/.exec(plain);
  const passed = child.code === 0 && / 0 failing, 0 errors/.test(plain);
  return { ms: took ? Number(took[1]) : Number.NaN, wallMs: child.wallMs, passed, error: passed ? undefined : `exit ${child.code}: ${(plain + child.stderr).trim().split('\n').slice(-4).join(' | ').slice(0, 300)}` };
}

export async function dreddVersion(): Promise<string> {
  const child = await runChild(['node_modules/dredd/bin/dredd', '--version'], process.env, 60_000);
  return child.stdout.trim().split('\n')[0] ?? `exit ${child.code}`;
}

/**
 * `copies` transactions on GET /orders/{seeded id} (the route of the load benchmark), and the four
 * GET routes of bench/peer/reference-api.swagger.yaml; each repeated `reps` times after a warm-up.
 */
export async function measureDredd(url: string, readToken: string, adminToken: string, copies: number, reps: number): Promise<DreddRow[]> {
  const version = await dreddVersion();
  const dir = mkdtempSync(join(tmpdir(), 'harden-bench-dredd-'));
  try {
    const files = Array.from({ length: copies }, (_, i) => {
      const file = join(dir, `order-${i}.yaml`);
      writeFileSync(file, orderCopy(i));
      return file;
    });
    const rows: DreddRow[] = [];
    for (const [label, list, token] of [
      [`GET /orders/{id} x ${copies}`, files, readToken],
      ['4 GET routes (swagger 2.0)', ['bench/peer/reference-api.swagger.yaml'], adminToken],
    ] as const) {
      const runs = await repeat(reps, () => dredd([...list], url, `Bearer ${token}`), 1);
      const transactions = list.length === 1 ? 4 : list.length;
      rows.push({
        label,
        transactions,
        rps: median(runs.map((r) => transactions / (r.ms / 1000))),
        wallMs: median(runs.map((r) => r.wallMs)),
        passed: runs.every((r) => r.passed),
        version,
        error: runs.find((r) => r.error)?.error,
      });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

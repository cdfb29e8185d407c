import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HardenError } from '../errors.ts';
import { SUITES, type SuiteId } from '../plan/case.ts';
import { matchesFilter, type CaseFilter, type CaseSource } from './caseSource.ts';
import type { EvidenceCase, Verdict } from './evidence.ts';

const VERDICTS: readonly Verdict[] = ['passed', 'failed', 'error', 'skipped', 'not-proven'];

/**
 * Where each case lies in the file, as columns of typed arrays: at 100k cases an object per
 * entry held about 5 MB, these hold 1.9.
 */
class Index {
  count = 0;
  planIndex = new Int32Array(1024);
  offset = new Float64Array(1024);
  length = new Int32Array(1024);
  suite = new Uint8Array(1024);
  verdict = new Uint8Array(1024);

  push(planIndex: number, suite: SuiteId, verdict: Verdict, offset: number, length: number): void {
    if (this.count === this.planIndex.length) this.grow();
    const i = this.count++;
    this.planIndex[i] = planIndex;
    this.offset[i] = offset;
    this.length[i] = length;
    this.suite[i] = SUITES.indexOf(suite);
    this.verdict[i] = VERDICTS.indexOf(verdict);
  }

  /** Entry positions in plan order. */
  inPlanOrder(): Int32Array {
    const order = new Int32Array(this.count);
    for (let i = 0; i < this.count; i++) order[i] = i;
    return order.sort((a, b) => this.planIndex[a]! - this.planIndex[b]!);
  }

  private grow(): void {
    const size = this.planIndex.length * 2;
    const grown = <T extends Int32Array | Float64Array | Uint8Array>(from: T, to: T) => (to.set(from), to);
    this.planIndex = grown(this.planIndex, new Int32Array(size));
    this.offset = grown(this.offset, new Float64Array(size));
    this.length = grown(this.length, new Int32Array(size));
    this.suite = grown(this.suite, new Uint8Array(size));
    this.verdict = grown(this.verdict, new Uint8Array(size));
  }
}

/** Where the spool goes, what went wrong, and what to do: the run cannot report without it. */
function spoolError(what: string, cause: unknown): HardenError {
  return new HardenError(
    'REPORT_WRITE_FAILED',
    `${what} the evidence spool in ${tmpdir()}: ${(cause as Error).message}. Set TMPDIR to a writable folder with room for about 2 KB per case.`,
    { cause },
  );
}

/** Appends are gathered up to this many bytes before one write. */
const FLUSH_BYTES = 1 << 16;

/**
 * Evidence cases on disk as they land (JSON, one after another in a private temporary folder),
 * read back in plan order: a run's memory stays flat however many cases it has, and every report
 * is rendered from the same records. Only evidence goes in, and evidence is redacted before it is
 * added, so the file holds no secret. `close()` deletes it.
 */
export class CaseSpool implements CaseSource {
  private readonly dir: string;
  private readonly fd: number;
  private readonly index = new Index();
  /** Entry positions in plan order, kept until the next add. */
  private order: Int32Array | undefined;
  private pending: string[] = [];
  private pendingBytes = 0;
  private written = 0;
  private buffer = Buffer.alloc(64 * 1024);

  /** Throws HardenError(REPORT_WRITE_FAILED) when the temporary folder cannot be made. */
  constructor() {
    try {
      this.dir = mkdtempSync(join(tmpdir(), 'harden-cases-'));
      this.fd = openSync(join(this.dir, 'cases.json'), 'w+', 0o600);
    } catch (cause) {
      throw spoolError('Cannot create', cause);
    }
  }

  get count(): number {
    return this.index.count;
  }

  add(c: EvidenceCase): void {
    const text = JSON.stringify(c);
    const length = Buffer.byteLength(text);
    this.index.push(c.index, c.suite, c.verdict, this.written + this.pendingBytes, length);
    this.order = undefined;
    this.pending.push(text);
    this.pendingBytes += length;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
  }

  *read(filter?: CaseFilter): Iterable<EvidenceCase> {
    this.flush();
    this.order ??= this.index.inPlanOrder();
    const { index } = this;
    for (const i of this.order) {
      if (!matchesFilter({ suite: SUITES[index.suite[i]!]!, verdict: VERDICTS[index.verdict[i]!]! }, filter)) continue;
      const length = index.length[i]!;
      if (this.buffer.length < length) this.buffer = Buffer.alloc(Math.max(length, this.buffer.length * 2));
      readSync(this.fd, this.buffer, 0, length, index.offset[i]!);
      yield JSON.parse(this.buffer.toString('utf8', 0, length)) as EvidenceCase;
    }
  }

  close(): void {
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    try {
      // Strings, not Buffers: Buffers are memory outside the heap, and allocating it in a run's hot path
      // brought V8's full collections forward (measured: +60 µs per case with the CLI's heap policy).
      const wrote = writeSync(this.fd, this.pending.join(''), this.written);
      // The index already holds where each case lies: a short write would misplace every later one.
      if (wrote !== this.pendingBytes) throw new Error(`wrote ${wrote} of ${this.pendingBytes} bytes`);
      this.written += wrote;
    } catch (cause) {
      throw spoolError('Cannot write to', cause);
    }
    this.pending = [];
    this.pendingBytes = 0;
  }
}

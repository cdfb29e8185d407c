import { describe, expect, it, vi } from 'vitest';
import { escapeData, escapeProperty } from '../../src/report/githubAnnotations.ts';
import { progressReporter } from '../../src/report/progress.ts';
import type { Plan } from '../../src/plan/case.ts';
import type { CaseResult } from '../../src/run/caseResult.ts';

const plan = (n: number) => ({ seed: 1, service: 's', cases: Array.from({ length: n }, (_, i) => ({ id: `c${i}` })) }) as unknown as Plan;
const result = (status: CaseResult['status']) => ({ case: { title: 'GET /x › suite › case' }, status }) as unknown as CaseResult;
const start = { baseUrl: 'http://127.0.0.1:1', manifestFile: 'm', startedAt: new Date() };

describe('progress', () => {
  it('redraws one line in place on a terminal and clears it at the end', () => {
    const writes: string[] = [];
    let now = 0;
    const p = progressReporter({ write: (t) => writes.push(t), mode: 'tty', columns: 60, now: () => now });
    p.onRunStart!({ plan: plan(3), ...start });
    p.onCaseResult!(result('passed'), 0);
    now = 50; // within 100 ms: no redraw
    p.onCaseResult!(result('failed'), 0);
    now = 200;
    p.onCaseResult!(result('passed'), 0);
    p.onRunEnd!({} as never);
    expect(writes).toEqual([
      '\r\x1b[2Kharden: 1/3 cases (33%), 0 not holding, 0s · GET /x › suit…',
      '\r\x1b[2Kharden: 3/3 cases (100%), 1 not holding, 0s · GET /x › sui…',
      '\r\x1b[2K',
    ]);
    // Cut to the terminal width so the line never wraps (a wrapped line cannot be redrawn in place).
    expect(writes.every((w) => !w.includes('\n') && w.length - 5 <= 59)).toBe(true);
  });

  it('prints a plain line every 5 s in CI logs and stops with the run', () => {
    vi.useFakeTimers();
    try {
      const lines: string[] = [];
      const p = progressReporter({ write: (t) => lines.push(t), mode: 'plain', now: () => 0 });
      p.onRunStart!({ plan: plan(10), ...start });
      for (let i = 0; i < 4; i++) p.onCaseResult!(result(i === 0 ? 'error' : 'passed'), i);
      vi.advanceTimersByTime(4_999);
      expect(lines).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(lines).toEqual(['progress: 4/10 cases (40%), 1 not holding, 0s\n']);
      p.onRunEnd!({} as never);
      vi.advanceTimersByTime(60_000);
      expect(lines.length).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('GitHub workflow command escaping', () => {
  it('follows actions/toolkit: %, CR and LF in messages; also : and , in properties', () => {
    expect(escapeData('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab: c, d');
    expect(escapeProperty('orders-api: GET /x, y %')).toBe('orders-api%3A GET /x%2C y %25');
  });
});

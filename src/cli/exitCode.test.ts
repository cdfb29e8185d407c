import { describe, expect, it } from 'vitest';
import type { HardenErrorCode } from '../errors.ts';
import { gateVerdict, type GateFacts } from '../run/gate.ts';
import { EXIT, exitCodeFor, exitCodeForError } from './exitCode.ts';

const held: GateFacts = { failed: 0, errors: 0, refused: 0, incomplete: false, unprovenRequired: 0, drift: 0 };

describe('the exit code of a run, replay or merge', () => {
  it('is 0 and PASS when every case held', () => {
    expect(exitCodeFor(held)).toBe(0);
    expect(gateVerdict(held)).toEqual({ code: 0, headline: 'PASS' });
  });

  // Each fact alone, at the smallest count that matters: one finding, one unanswered case
  // (a timeout or a reset is no proof), one required proof missing, one drifted case.
  it.each([
    [{ failed: 1 }],
    [{ errors: 1 }],
    [{ unprovenRequired: 1 }],
    [{ drift: 1 }],
    [{ failed: 3, errors: 2, unprovenRequired: 1, drift: 4 }],
  ] as Partial<GateFacts>[][])('is 1 and FAIL with %j', (facts) => {
    expect(exitCodeFor({ ...held, ...facts })).toBe(1);
    expect(gateVerdict({ ...held, ...facts })).toEqual({ code: 1, headline: 'FAIL' });
  });

  // A run that did not reach every case proved nothing about the rest: never PASS, and not FAIL either.
  it.each([
    [{ refused: 1 }],
    [{ incomplete: true }],
    [{ refused: 1, failed: 5, errors: 1 }],
    [{ incomplete: true, failed: 2, drift: 1, unprovenRequired: 1 }],
  ] as Partial<GateFacts>[][])('is 3 and INCOMPLETE with %j, whatever else was found', (facts) => {
    expect(exitCodeFor({ ...held, ...facts })).toBe(3);
    expect(gateVerdict({ ...held, ...facts })).toEqual({ code: 3, headline: 'INCOMPLETE' });
  });

  it('names its codes', () => {
    expect(EXIT).toEqual({ held: 0, findings: 1, usage: 2, unreachable: 3 });
  });
});

describe('the exit code of a fault', () => {
  it.each([
    ['MANIFEST_INVALID', 2],
    ['OPTION_INVALID', 2],
    ['TARGET_REFUSED', 2],
    ['TARGET_UNREACHABLE', 3],
    ['TOKEN_PROVIDER_FAILED', 3],
    ['REPORT_WRITE_FAILED', 3],
  ] as [HardenErrorCode, number][])('%s exits %i', (code, exit) => {
    expect(exitCodeForError(code)).toBe(exit);
  });
});

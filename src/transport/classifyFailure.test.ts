import { describe, expect, it } from 'vitest';
import { classifyFailure } from './classifyFailure.ts';

describe('classifyFailure', () => {
  it('calls the run deadline a timeout with a name for a code, not a DOMException number', () => {
    const abort = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(classifyFailure(abort, true, { timeoutMs: 1000 })).toEqual({ kind: 'timeout', code: 'TimeoutError', message: 'no complete answer within 1000 ms' });
  });

  it('says when the status line had arrived before the body stalled', () => {
    const failure = classifyFailure(Object.assign(new Error('Body Timeout Error'), { code: 'UND_ERR_BODY_TIMEOUT' }), false, { timeoutMs: 500, received: { status: 200, bodyBytes: 23 } });
    expect(failure.kind).toBe('timeout');
    expect(failure.message).toBe('no complete answer within 500 ms; the status line and headers had arrived (200), then 23 body bytes');
  });

  it('knows undici parser errors without a code, and header floods, as protocol failures', () => {
    const parser = Object.assign(new Error('Response does not match the HTTP/1.1 protocol'), { name: 'HTTPParserError', code: undefined });
    expect(classifyFailure(parser, false)).toMatchObject({ kind: 'protocol', code: 'HTTPParserError' });
    const overflow = Object.assign(new Error('Headers Overflow Error'), { code: 'UND_ERR_HEADERS_OVERFLOW' });
    expect(classifyFailure(overflow, false, { maxHeaderBytes: 65536 })).toEqual({ kind: 'protocol', code: 'UND_ERR_HEADERS_OVERFLOW', message: 'the response headers exceed the 65536-byte limit' });
  });

  it('separates a refused connection (target down) from a reset one (target misbehaving)', () => {
    expect(classifyFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), false).kind).toBe('connection-refused');
    expect(classifyFailure(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }), false).kind).toBe('connection-reset');
  });
});

import { describe, expect, it } from 'vitest';
import type { ReceivedResponse } from '../model/exchange.ts';
import { deterministicCheck } from './deterministic.ts';
import { problem401, testContext } from './testContext.ts';

type Answer = Partial<ReceivedResponse>;
const json = (body: unknown, status = 401, challenge = 'Bearer realm="x"'): Answer => ({ status, headers: { 'content-type': 'application/problem+json', 'www-authenticate': challenge }, body: JSON.stringify(body) });
const run = (a: Answer, b: Answer, volatile: string[] = ['instance']) => deterministicCheck.run(testContext({ contract: { volatile }, responses: [a, b] }));
const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('deterministic', () => {
  it('needs the repeat: one answer is nothing to compare', () => {
    expect(deterministicCheck.run(testContext({ responses: [problem401()] }))).toEqual([]);
  });

  // The contract is about refusals (status >= 400); two served answers may rightly differ.
  it.each([
    [200, 200, []],
    [399, 399, []],
    [400, 400, ['NONDETERMINISTIC_BODY']],
    [401, 401, ['NONDETERMINISTIC_BODY']],
    [200, 401, ['NONDETERMINISTIC_STATUS']],
    [401, 200, ['NONDETERMINISTIC_STATUS']],
    [401, 403, ['NONDETERMINISTIC_STATUS']],
    [400, 200, ['NONDETERMINISTIC_STATUS']],
    [200, 400, ['NONDETERMINISTIC_STATUS']],
  ])('%i then %i, bodies differing, gives %j', (first, second, expected) => {
    expect(codes(run(json({ n: 1 }, first), json({ n: 2 }, second)))).toEqual(expected);
  });

  it('says which statuses it saw', () => {
    expect(run(json({}, 401), json({}, 200))).toEqual([{ code: 'NONDETERMINISTIC_STATUS', message: 'first 401, then 200' }]);
  });

  it('compares the WWW-Authenticate challenge: two answers differing only there are nondeterministic', () => {
    const body = { status: 401, title: 'Unauthenticated' };
    expect(run(json(body), json(body))).toEqual([]);
    expect(run(json(body, 401, 'Bearer realm="x"'), json(body, 401, 'Bearer realm="x", error="invalid_token"'))).toEqual([
      { code: 'NONDETERMINISTIC_BODY', message: 'the WWW-Authenticate challenge differs between two identical requests' },
    ]);
    const bare = { status: 401, headers: { 'content-type': 'application/problem+json' }, body: JSON.stringify(body) };
    expect(codes(run(json(body), bare))).toEqual(['NONDETERMINISTIC_BODY']);
    expect(codes(run(bare, json(body)))).toEqual(['NONDETERMINISTIC_BODY']);
    expect(run(bare, bare)).toEqual([]);
  });

  it('reports a differing challenge and a differing body as two findings', () => {
    expect(codes(run(json({ n: 1 }, 401, 'Bearer'), json({ n: 2 }, 401, 'Basic')))).toEqual(['NONDETERMINISTIC_BODY', 'NONDETERMINISTIC_BODY']);
  });

  it('names the volatile members in its message', () => {
    expect(run(json({ n: 1 }), json({ n: 2 }), ['instance', '/meta/at'])).toEqual([
      { code: 'NONDETERMINISTIC_BODY', message: 'the 401 body differs between two identical requests beyond the volatile members [instance, /meta/at]' },
    ]);
  });

  it('ignores member order, not array order, and tells a number from a string', () => {
    expect(run(json({ a: 1, b: { c: 2, d: 3 } }), json({ b: { d: 3, c: 2 }, a: 1 }))).toEqual([]);
    expect(codes(run(json({ a: [1, 2] }), json({ a: [2, 1] })))).toEqual(['NONDETERMINISTIC_BODY']);
    expect(codes(run(json([1, 23]), json([12, 3])))).toEqual(['NONDETERMINISTIC_BODY']);
    expect(codes(run(json({ status: 401 }), json({ status: '401' })))).toEqual(['NONDETERMINISTIC_BODY']);
    expect(codes(run(json({ a: null }), json({ a: {} })))).toEqual(['NONDETERMINISTIC_BODY']);
    expect(codes(run(json({ a: [] }), json({ a: {} })))).toEqual(['NONDETERMINISTIC_BODY']);
    expect(codes(run(json({ a: 1 }), json({ a: 1, b: 2 })))).toEqual(['NONDETERMINISTIC_BODY']);
    expect(run(json(null), json(null))).toEqual([]);
    expect(run(json({ a: null, b: [null, { c: null }] }), json({ b: [null, { c: null }], a: null }))).toEqual([]);
  });

  it('compares bodies that are not JSON as text', () => {
    const text = (body: string): Answer => ({ status: 401, headers: { 'www-authenticate': 'Bearer' }, body });
    expect(run(text('<h1>401</h1>'), text('<h1>401</h1>'))).toEqual([]);
    expect(codes(run(text('<h1>401</h1>'), text('<h1>401 </h1>')))).toEqual(['NONDETERMINISTIC_BODY']);
    expect(codes(run(text('{"a":1}'), text('{"a":1')))).toEqual(['NONDETERMINISTIC_BODY']);
    expect(codes(run(text('{"a":1'), text('{"a":1}')))).toEqual(['NONDETERMINISTIC_BODY']);
  });

  it('leaves out a volatile member named by name at the top level only', () => {
    expect(run(json({ instance: '/p/1', n: 1 }), json({ instance: '/p/2', n: 1 }))).toEqual([]);
    expect(run(json({ n: 1 }), json({ instance: '/p/2', n: 1 }))).toEqual([]);
    expect(codes(run(json({ meta: { instance: 1 } }), json({ meta: { instance: 2 } })))).toEqual(['NONDETERMINISTIC_BODY']);
    expect(codes(run(json([{ instance: 1 }]), json([{ instance: 2 }])))).toEqual(['NONDETERMINISTIC_BODY']);
  });

  it('leaves out volatile members named by JSON pointer (RFC 6901), in nested objects and arrays, and only those', () => {
    const body = (at: string, id: string, detail = 'Sign in.') => json({ status: 401, detail, meta: { trace: { at, id } }, errors: [{ at, code: 'x' }, { at, code: 'y' }] });
    const volatile = ['/meta/trace/at', '/errors/0/at', 'instance'];
    expect(run(body('t1', 'same'), body('t2', 'same'), [...volatile, '/errors/1/at'])).toEqual([]);
    // A sibling of a volatile member still counts, and so does a member at a path no pointer names.
    expect(codes(run(body('t1', 'a'), body('t1', 'b'), volatile))).toEqual(['NONDETERMINISTIC_BODY']);
    expect(codes(run(body('t1', 'a', 'one'), body('t1', 'a', 'two'), volatile))).toEqual(['NONDETERMINISTIC_BODY']);
    expect(codes(run(body('t1', 'a'), body('t2', 'a'), volatile))).toEqual(['NONDETERMINISTIC_BODY']);
  });

  it('leaves out a whole array element, and unescapes ~1 and ~0 in a pointer', () => {
    expect(run(json({ errors: [1, 'x', 3] }), json({ errors: [1, 'y', 3] }), ['/errors/1'])).toEqual([]);
    expect(codes(run(json({ errors: [1, 'x', 3] }), json({ errors: [1, 'x', 4] }), ['/errors/1']))).toEqual(['NONDETERMINISTIC_BODY']);
    expect(run(json({ 'a/b': 1, 'c~d': 1 }), json({ 'a/b': 2, 'c~d': 2 }), ['/a~1b', '/c~0d'])).toEqual([]);
  });

  it('leaves out a whole member named once as a name and once as a pointer below it, in either order', () => {
    const a = json({ meta: { x: 1, y: 1 }, n: 1 });
    const b = json({ meta: { x: 2, y: 2 }, n: 1 });
    expect(run(a, b, ['meta', '/meta/x'])).toEqual([]);
    expect(run(a, b, ['/meta/x', 'meta'])).toEqual([]);
    expect(codes(run(a, b, ['/meta/x']))).toEqual(['NONDETERMINISTIC_BODY']);
    expect(run(json({ meta: { x: { deep: 1 }, y: 1 } }), json({ meta: { x: { deep: 2 }, y: 1 } }), ['meta', '/meta/x/deep'])).toEqual([]);
  });

  it('gives the same verdict however often a contract is used', () => {
    const volatile = ['/meta/at'];
    for (let i = 0; i < 3; i++) {
      expect(run(json({ meta: { at: i } }), json({ meta: { at: i + 1 } }), volatile)).toEqual([]);
      expect(codes(run(json({ meta: { id: i } }), json({ meta: { id: i + 1 } }), volatile))).toEqual(['NONDETERMINISTIC_BODY']);
    }
  });
});

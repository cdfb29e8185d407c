import { describe, expect, it } from 'vitest';
import type { Case } from '../plan/case.ts';
import { materialise } from './materialise.ts';

describe('materialise', () => {
  it('sends query values percent-encoded, a list as the key repeated, and header parameters beside the planned headers', () => {
    const c = {
      id: 'e/positive/x',
      request: { method: 'GET', path: '/items', query: { tags: ['a b', 'c&d'], limit: '5' }, headers: { accept: 'application/json', 'x-tenant': 't-1' } },
    } as unknown as Case;
    const sent = materialise(c, new URL('http://127.0.0.1:8080/api/'), { live: new Map(), forged: new Map() });
    expect(sent.url).toBe('http://127.0.0.1:8080/api/items?tags=a+b&tags=c%26d&limit=5');
    expect(sent.headers).toEqual({ accept: 'application/json', 'x-tenant': 't-1' });
  });
});

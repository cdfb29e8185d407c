import { describe, expect, it } from 'vitest';
import type { Case } from '../plan/case.ts';
import { materialise, TamperNotApplicableError } from './materialise.ts';

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

  it('sends dot segments as planned, where the URL parser would resolve them away', () => {
    const c = { id: 'e/unauthorized/x', request: { method: 'GET', path: '/orders/%2e%2e/orders/1', headers: {} } } as unknown as Case;
    expect(materialise(c, new URL('http://127.0.0.1:8080'), { live: new Map(), forged: new Map() }).url).toBe('http://127.0.0.1:8080/orders/%2e%2e/orders/1');
    const dot = { ...c, request: { ...c.request, path: '/./orders/1' } } as Case;
    expect(materialise(dot, new URL('http://127.0.0.1:8080'), { live: new Map(), forged: new Map() }).url).toBe('http://127.0.0.1:8080/./orders/1');
  });

  it('presents the tampered token the token stage derived, and skips a tampering the token could not take', () => {
    const token = { value: 'OAT_TAMPERED', scopes: ['r'], label: 'token#1 (case-swapped)', disposable: false };
    const c = { id: 'e/unauthorized/t', request: { method: 'GET', path: '/x', headers: {} }, credential: { placement: 'header', name: 'authorization', template: 'Bearer {token}', token: { kind: 'tampered', scopes: ['r'], tamper: 'case-swapped' } } } as unknown as Case;
    const tokens = { live: new Map(), forged: new Map(), tampered: new Map([['case-swapped\nr', token]]) };
    expect(materialise(c, new URL('http://127.0.0.1:8080'), tokens).headers.authorization).toBe('Bearer OAT_TAMPERED');
    const none = { ...tokens, tampered: new Map([['case-swapped\nr', undefined]]) };
    expect(() => materialise(c, new URL('http://127.0.0.1:8080'), none)).toThrow(TamperNotApplicableError);
  });
});

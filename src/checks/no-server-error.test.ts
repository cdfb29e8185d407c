import { describe, expect, it } from 'vitest';
import { noServerErrorCheck } from './no-server-error.ts';
import { testContext } from './testContext.ts';

const run = (...statuses: number[]) => noServerErrorCheck.run(testContext({ responses: statuses.map((status) => ({ status })) }));

describe('no-server-error', () => {
  it.each([[200], [401], [499]])('passes %i', (status) => {
    expect(run(status)).toEqual([]);
  });

  it.each([[500], [503], [599]])('flags %i', (status) => {
    expect(run(status)).toEqual([{ code: 'SERVER_ERROR', message: `got ${status}` }]);
  });

  it('looks at the repeat too, once', () => {
    expect(run(401, 502)).toEqual([{ code: 'SERVER_ERROR', message: 'got 502' }]);
    expect(run(500, 503)).toEqual([{ code: 'SERVER_ERROR', message: 'got 500' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { statusProblems } from './statusProblems.ts';

const problems = (statuses: Record<string, unknown>) => {
  const found: string[] = [];
  statusProblems(statuses, (segments, message) => found.push(`/${segments.join('/')}: ${message}`));
  return found;
};

describe('statusProblems', () => {
  it('lets unauthenticated share a 400 with invalid: the challenge tells them apart', () => {
    expect(problems({ unauthenticated: [401, 400], invalid: 400 })).toEqual([]);
  });
  it('refuses a 401 that stands for a body refusal too', () => {
    expect(problems({ unauthenticated: 401, invalid: [400, 401] })).toEqual(['/errors/statuses/invalid/1: status 401 stands for both "unauthenticated" and "invalid"']);
  });
  it('refuses a scope refusal that shares a status with a body refusal', () => {
    expect(problems({ forbidden: 400 })).toEqual(['/errors/statuses/forbidden: status 400 stands for both "invalid" (its default) and "forbidden"']);
  });
  it('refuses unauthenticated and forbidden on one status', () => {
    expect(problems({ unauthenticated: 403 })).toEqual(['/errors/statuses/unauthenticated: status 403 stands for both "forbidden" (its default) and "unauthenticated"']);
  });
  it('lets malformedCredentials name 400 and 401 together', () => {
    expect(problems({ malformedCredentials: [400, 401] })).toEqual([]);
  });
});

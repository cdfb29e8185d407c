import { describe, expect, it } from 'vitest';
import type { ExposureListener } from '../model/listeners.ts';
import { exposureCheck } from './exposure.ts';
import { checksObserving } from './index.ts';
import { runChecks } from './runChecks.ts';
import { testContext } from './testContext.ts';

const socket = (address: string, kind: ExposureListener['kind'], family: ExposureListener['family'] = 'IPv4'): ExposureListener => ({ family, address, port: 8080, kind });
const observing = (sockets: ExposureListener[]) => ({ ...testContext({ responses: [] }), responses: [], exchanges: [], listeners: { port: 8080, sockets } });

describe('exposure', () => {
  it('holds for a port bound to loopback only, IPv4 and IPv6', () => {
    expect(exposureCheck.run(observing([socket('127.0.0.1', 'loopback'), socket('::1', 'loopback', 'IPv6')]))).toEqual([]);
  });

  it('finds a port also bound to every interface or to another address, naming each', () => {
    const findings = exposureCheck.run(observing([socket('127.0.0.1', 'loopback'), socket('0.0.0.0', 'wildcard'), socket('10.1.2.3', 'other')]));
    expect(findings).toEqual([{ code: 'LISTENER_EXPOSED', message: 'port 8080 is also reachable from the network: bound to 0.0.0.0 (every interface), 10.1.2.3 (not loopback)' }]);
  });

  it('has nothing to judge on an exchange', () => {
    expect(exposureCheck.run(testContext({ responses: [{ status: 401 }] }))).toEqual([]);
  });
});

describe('checks by what they observe', () => {
  it('runs only the checks of listening sockets on an observation, and never them on an exchange', () => {
    expect(checksObserving('listeners').map((c) => c.id)).toEqual(['exposure']);
    expect(checksObserving('exchanges').map((c) => c.id)).not.toContain('exposure');
    // an empty error-free observation: any exchange check run on it would find a missing status etc.
    expect(runChecks(observing([socket('0.0.0.0', 'wildcard')])).map((f) => [f.checkId, f.code])).toEqual([['exposure', 'LISTENER_EXPOSED']]);
    expect(runChecks(observing([socket('127.0.0.1', 'loopback')]))).toEqual([]);
  });
});

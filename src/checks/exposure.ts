import type { ExposureListener } from '../model/listeners.ts';
import { defineCheck } from './check.ts';

/** Sockets reachable from beyond this machine: bound to every interface or to a non-loopback address. */
export function exposedSockets(sockets: readonly ExposureListener[]): ExposureListener[] {
  return sockets.filter((l) => l.kind !== 'loopback');
}

/** The sentence a finding (and `harden exposure`) gives for exposed sockets. */
export function exposureMessage(port: number, exposed: readonly ExposureListener[]): string {
  const what = exposed.map((l) => `${l.address} (${l.kind === 'wildcard' ? 'every interface' : 'not loopback'})`).join(', ');
  return `port ${port} is also reachable from the network: bound to ${what}`;
}

/**
 * An API the manifest says listens on loopback only (`exposure: loopback`) must not also be bound to
 * 0.0.0.0 or a public address: every test against 127.0.0.1 passes while the network reaches it too.
 * Judges the socket table the exposure suite read; an exchange gives it nothing to judge.
 */
export const exposureCheck = defineCheck({
  id: 'exposure',
  title: 'The API listens on loopback only',
  observes: 'listeners',
  run({ listeners }) {
    if (!listeners) return [];
    const exposed = exposedSockets(listeners.sockets);
    return exposed.length === 0 ? [] : [{ code: 'LISTENER_EXPOSED', message: exposureMessage(listeners.port, exposed) }];
  },
});

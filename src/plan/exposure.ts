import type { Manifest } from '../manifest/types.ts';
import type { Case } from './case.ts';

/**
 * The exposure suite: when the manifest says the API must listen on loopback only, one case that
 * reads the operating system's socket table for the target's port. It sends no request.
 */
export function planExposure(manifest: Manifest, runSeed: number): Case[] {
  if (manifest.exposure !== 'loopback') return [];
  return [
    {
      id: 'listener/exposure/loopback-only',
      seed: runSeed,
      suite: 'exposure',
      endpointId: 'listener',
      route: 'listener',
      variant: 'bound to loopback only',
      title: 'listener › exposure › bound to loopback only',
      request: { method: 'GET', path: '', headers: {} },
      expect: { outcome: 'accept', statuses: [], reason: 'the manifest says exposure: loopback' },
      repeat: false,
      exposure: true,
    },
  ];
}

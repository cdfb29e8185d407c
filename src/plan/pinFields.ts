import fc from 'fast-check';
import type { Manifest } from '../manifest/types.ts';

/**
 * Replaces, anywhere in a generated body, each property the manifest pins (`fields: { accountId:
 * { enum: [...] } }`) with one of its listed values. A property that names another resource (a foreign
 * key) can only be served when it names one that exists; the schema cannot say which do, the manifest can.
 */
export function pinFields(value: unknown, pins: Record<string, readonly unknown[]>, pick: number): unknown {
  if (Array.isArray(value)) return value.map((item, i) => pinFields(item, pins, pick + i));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const listed = Object.hasOwn(pins, key) ? pins[key]! : undefined;
    out[key] = listed && listed.length > 0 ? listed[pick % listed.length] : pinFields(item, pins, pick);
  }
  return out;
}

/** The manifest's pinned fields as lists of values, or undefined when it pins none. */
export function pinsOf(manifest: Manifest): Record<string, readonly unknown[]> | undefined {
  const fields = manifest.fields;
  if (!fields || Object.keys(fields).length === 0) return undefined;
  return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.enum]));
}

/** An arbitrary of bodies with the manifest's pinned fields set: the choice among values shrinks too. */
export function pinned<T>(arbitrary: fc.Arbitrary<T>, manifest: Manifest): fc.Arbitrary<T> {
  const pins = pinsOf(manifest);
  if (!pins) return arbitrary;
  return fc.tuple(arbitrary, fc.nat({ max: 1000 })).map(([value, pick]) => pinFields(value, pins, pick) as T);
}

import fc from 'fast-check';
import { fakerArbitrary } from './faker.ts';

/**
 * String generators per `format`, mixing faker's realistic values with
 * fast-check's edge-case generators. Results are still filtered by ajv-formats'
 * own checker (see strings.ts), so a generator only needs to be mostly right.
 * Formats without an entry get plain strings (ajv ignores unknown formats).
 */
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

const dates = fakerArbitrary((f) => f.date.between({ from: '1970-01-01T00:00:00Z', to: '2099-12-31T23:59:59Z' }));
const isoDateTime = fc.oneof(
  dates.map((d) => d.toISOString()),
  fc.tuple(dates, fc.integer({ min: -12, max: 14 }), fc.constantFrom(0, 30)).map(
    ([d, h, m]) => `${d.toISOString().slice(0, 19)}${h < 0 ? '-' : '+'}${pad(Math.abs(h))}:${pad(m)}`,
  ),
);
const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom('Z', '+00:00', '+05:30', '-08:00'))
  .map(([h, m, s, z]) => `${pad(h)}:${pad(m)}:${pad(s)}${z}`);

/** Built on first use: some fast-check generators precompute tables at construction. */
const BUILDERS: Record<string, () => fc.Arbitrary<string>> = {
  email: () => fc.oneof({ arbitrary: fakerArbitrary((f) => f.internet.email()), weight: 3 }, { arbitrary: fc.emailAddress({ size: 'xsmall' }), weight: 1 }),
  uuid: () => fc.oneof(fakerArbitrary((f) => f.string.uuid()), fc.uuid()),
  'date-time': () => isoDateTime,
  'iso-date-time': () => isoDateTime,
  date: () => dates.map((d) => d.toISOString().slice(0, 10)),
  time: () => time,
  'iso-time': () => time,
  // not fc.webUrl: it costs ~1 s to construct
  uri: () => fc.oneof(
    { arbitrary: fakerArbitrary((f) => f.internet.url()), weight: 3 },
    { arbitrary: fakerArbitrary((f) => `${f.internet.url({ appendSlash: true })}${f.lorem.slug(2)}?q=${f.number.int(999)}#${f.lorem.word()}`), weight: 1 },
  ),
  url: () => fakerArbitrary((f) => f.internet.url()),
  'uri-reference': () => fc.oneof(
    fakerArbitrary((f) => f.internet.url()),
    fakerArbitrary((f) => `/${f.lorem.slug({ min: 1, max: 3 })}`),
    // not fc.webPath: it costs ~0.7 s to construct
    fc.array(fc.constantFrom('api', 'v1', 'users', '..', '.', '%20', 'a-b', 'x_y', '~me'), { maxLength: 4 }).map((parts) => parts.join('/')),
    fc.constantFrom('?q=1', '#top', '../up', './here', ''),
  ),
  iri: () => fakerArbitrary((f) => f.internet.url()),
  hostname: () => fc.oneof({ arbitrary: fakerArbitrary((f) => f.internet.domainName()), weight: 3 }, { arbitrary: fc.domain({ size: 'xsmall' }), weight: 1 }),
  ipv4: () => fc.oneof(fakerArbitrary((f) => f.internet.ipv4()), fc.ipV4()),
  ipv6: () => fc.oneof(fakerArbitrary((f) => f.internet.ipv6()), fc.ipV6()),
  byte: () => fc.base64String({ maxLength: 24 }),
  'json-pointer': () => fc.array(fc.stringMatching(/^[a-z0-9_]{0,6}$/), { maxLength: 3 }).map((parts) => parts.map((p) => `/${p}`).join('')),
  'relative-json-pointer': () => fc.constantFrom('0', '1/a', '2#', '0/items/1'),
  regex: () => fc.constantFrom('^[a-z]+$', '\\d{3}', '.*', '^(foo|bar)?$'),
  duration: () => fc.tuple(fc.nat(30), fc.nat(23)).map(([d, h]) => `P${d}DT${h}H`),
};
const ALIASES: Record<string, string> = { 'idn-email': 'email', 'idn-hostname': 'hostname', 'iri-reference': 'uri-reference' };
const built = new Map<string, fc.Arbitrary<string>>();

export function formatArbitrary(format: unknown): fc.Arbitrary<string> | undefined {
  if (typeof format !== 'string') return undefined;
  const name = ALIASES[format] ?? format;
  const build = Object.hasOwn(BUILDERS, name) ? BUILDERS[name] : undefined;
  if (!build) return undefined;
  let arb = built.get(name);
  if (!arb) built.set(name, (arb = build()));
  return arb;
}

/** Plausible-looking values that are NOT in the format, for violation generators. */
export const FORMAT_NEAR_MISSES: Record<string, readonly string[]> = {
  email: ['not-an-email', 'user@', '@example.com', 'user example@x.com', 'user@@example.com'],
  uuid: ['not-a-uuid', '123e4567-e89b-12d3-a456-42661417400', '123e4567e89b12d3a456426614174000', 'g23e4567-e89b-12d3-a456-426614174000'],
  'date-time': ['not-a-date', '2024-13-01T00:00:00Z', '2024-01-01 25:00', '2024-02-30T10:00:00Z', '2024-01-01T10:00:00'],
  date: ['not-a-date', '2024-13-01', '2024-02-30', '24-01-01', '2024/01/01'],
  time: ['not-a-time', '25:00:00Z', '10:61:00Z', '10:00'],
  uri: ['not a uri', '//missing-scheme', 'http ://x'],
  'uri-reference': ['\\\\backslash', 'has space', '#frag#ment'],
  hostname: ['-leading-dash.com', 'under_score.com', 'a..b', 'x'.repeat(64) + '.com'],
  ipv4: ['256.1.1.1', '1.2.3', '1.2.3.4.5', 'a.b.c.d'],
  ipv6: ['1:2:3', '12345::', 'g::1', '1:2:3:4:5:6:7:8:9'],
};

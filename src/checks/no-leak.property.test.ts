import { faker } from '@faker-js/faker';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReceivedResponse } from '../model/exchange.ts';
import { noLeakCheck } from './no-leak.ts';
import { testContext } from './testContext.ts';

// Formatters built once: `toLocaleString` builds one per call, which would dominate the run.
const US_TIME = new Intl.DateTimeFormat('en-US', { timeStyle: 'medium', timeZone: 'UTC' });
const GB_DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'UTC' });
const US_DATE_TIME = new Intl.DateTimeFormat('en-US', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'UTC' });

/** Times as APIs and people write them: ISO 8601, RFC 9110 dates, `Date#toString`, clock times, dates with slashes. */
function aTime(): string {
  const date = faker.date.anytime();
  return faker.helpers.arrayElement([
    date.toISOString(),
    date.toUTCString(),
    date.toString(),
    date.toTimeString(),
    date.toISOString().slice(11, 19),
    US_TIME.format(date),
    GB_DATE_TIME.format(date),
    US_DATE_TIME.format(date),
    String(Math.floor(date.getTime() / 1000)),
  ]);
}

function anAddress(): string {
  return faker.helpers.arrayElement([
    faker.location.streetAddress(true),
    `${faker.location.streetAddress()}\n${faker.location.city()}, ${faker.location.state({ abbreviated: true })} ${faker.location.zipCode()}`,
    `${faker.location.secondaryAddress()}, ${faker.location.buildingNumber()} ${faker.location.street()}`,
  ]);
}

/** Links, including ones whose path looks like a server directory: a URL's path is a route. */
function aUrl(): string {
  return faker.helpers.arrayElement([
    faker.internet.url(),
    `${faker.internet.url({ appendSlash: false })}${faker.system.filePath()}`,
    `${faker.internet.url({ appendSlash: false })}${faker.system.directoryPath()}/${faker.system.fileName()}`,
    faker.image.url(),
    `${faker.internet.url({ appendSlash: false })}:${faker.internet.port()}/${faker.word.noun()}?at=${encodeURIComponent(aTime())}`,
  ]);
}

/** Free text, the kind stored in notes and descriptions, with " at " and times in it. */
function aText(): string {
  return faker.helpers.arrayElement([
    () => faker.lorem.paragraphs({ min: 1, max: 3 }),
    () => faker.hacker.phrase(),
    () => faker.person.bio(),
    () => `${faker.lorem.sentence()} at ${aTime()}`,
    () => `Meet ${faker.person.firstName()} at ${anAddress()} (${aTime()})`,
    () => `${faker.company.catchPhrase()}\n  at ${faker.location.city()} (${aTime()})\n  at ${aTime()}`,
    () => `Delivered at ${aTime()} to ${anAddress()}; see ${aUrl()}`,
    () => `${faker.word.words({ count: { min: 2, max: 12 } })}\n${faker.system.fileName()}, line ${faker.number.int(999)} at ${aTime()}`,
    () => faker.lorem.lines({ min: 2, max: 6 }).replace(/^/gm, '    at '),
  ])();
}

/** A JSON document as APIs store it: text next to times, addresses and links. */
function aDocument(): unknown {
  return {
    id: faker.string.uuid(),
    note: aText(),
    at: aTime(),
    createdAt: faker.date.past().toISOString(),
    address: anAddress(),
    links: faker.helpers.multiple(aUrl, { count: { min: 0, max: 3 } }),
    history: faker.helpers.multiple(() => ({ at: aTime(), by: faker.internet.username(), what: faker.lorem.sentence() }), { count: { min: 0, max: 3 } }),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/\n/g, '<br>').replace(/ {2}/g, ' &nbsp;');
}

/** One answer from faker's current stream: a body of one of the usual kinds, and headers with text and times. */
function anAnswer(): ReceivedResponse {
  const body = faker.helpers.arrayElement([
    () => JSON.stringify(aDocument()),
    () => JSON.stringify(aDocument(), null, 2),
    () => JSON.stringify({ type: aUrl(), title: faker.lorem.words(3), status: 400, detail: aText(), instance: faker.system.filePath() }),
    () => aText(),
    () => `<!DOCTYPE html><html><body><p>${escapeHtml(aText())}</p><a href="${aUrl()}">${escapeHtml(anAddress())}</a></body></html>`,
  ])();
  const headers = { date: faker.date.recent().toUTCString(), 'x-note': aText().replace(/\n/g, ' '), 'x-location': JSON.stringify(anAddress()), link: `<${aUrl()}>; rel="next"` };
  return { status: faker.helpers.arrayElement([200, 201, 400, 404, 409]), headers, body, truncated: false, bodyBytes: body.length };
}

describe('no-leak on ordinary content', () => {
  // One context, its answers replaced per run: building a context compiles schemas, which would dominate.
  const context = testContext({ responses: [{}, {}] });
  it('finds nothing in 10,000 generated texts, times, JSON documents, URLs and addresses', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        faker.seed(seed);
        // The repeat is a different answer: no-leak reads both.
        context.responses = [anAnswer(), anAnswer()];
        expect(noLeakCheck.run(context)).toEqual([]);
      }),
      { numRuns: 10_000 },
    );
    // Ten thousand faker documents take a while on a loaded machine; this bounds a hang, it times nothing.
  }, 300_000);
});

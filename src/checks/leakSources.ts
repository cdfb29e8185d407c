import type { ReceivedResponse } from '../model/exchange.ts';
import { decodeEntities, unescapeJsonText } from './decodeEntities.ts';

/** One part of an answer to scan, as it would be read. */
export interface LeakSource {
  /** `body` or `header <name>`. */
  where: string;
  /** The part exactly as received. */
  raw: string;
  /** Every reading of the part: raw, entities decoded, JSON escapes undone. */
  texts: string[];
  /** The same readings with links taken out; file-path patterns read these. */
  linkFree: string[];
}

/** Headers whose values are URI references (RFC 9110 §10.2.2, §8.7; RFC 8288 §3): paths there are routes. */
const LINK_HEADERS = new Set(['location', 'content-location', 'link', 'referer']);

/** JSON members that hold URI references: RFC 9457 §3.1.1 `type`, §3.1.5 `instance`; HAL and JSON:API `href`. */
const LINK_MEMBERS = new Set(['type', 'instance', 'href']);

/** Absolute URLs other than `file:` and the values of HTML link attributes. */
const LINK = /\b(?:https?|wss?|ftp):\/\/[^\s"'<>]*|\b(?:href|src|action)\s*=\s*(?:"[^"]*"|'[^']*')/gi;

/**
 * The parts of one answer a leak can sit in: every header, and the body. A JSON body is read as
 * its strings and member names, one per line, so a trace whose line breaks are escaped (`\n`) in a
 * JSON string is read with its lines; other bodies are read raw, entity-decoded and unescaped.
 * `sentPaths` (the path the request named, as sent and decoded) are taken out of the link-free
 * text too: a server that echoes the client's own path (`Cannot GET /home/a/b`) reveals nothing
 * about itself.
 */
export function leakSources(response: ReceivedResponse, sentPaths: readonly string[]): LeakSource[] {
  const echoes = sentPaths.filter((p) => p.length > 1).map((p) => new RegExp(String.raw`(?<![\w./-])${escapeRegExp(p)}(?![\w./-])`, 'g'));
  const unlink = (t: string) => withoutLinks(t, echoes);
  const sources: LeakSource[] = Object.entries(response.headers).map(([name, value]) => {
    const texts = readings(value);
    return { where: `header ${name}`, raw: value, texts, linkFree: LINK_HEADERS.has(name.toLowerCase()) ? [] : texts.map(unlink) };
  });
  const json = jsonStrings(response.body);
  const texts = readings(json?.all ?? response.body);
  const linkFree = json ? readings(json.unlinked).map(unlink) : texts.map(unlink);
  sources.push({ where: 'body', raw: response.body, texts, linkFree });
  return sources;
}

/** The text, its entity-decoded form, and both again with JSON escapes undone when it has any. */
function readings(text: string): string[] {
  const out = new Set([text, decodeEntities(text)]);
  if (/\\[nrt"\\/u]/.test(text)) {
    const unescaped = unescapeJsonText(text);
    out.add(unescaped).add(decodeEntities(unescaped));
  }
  return [...out];
}

/** `echoes` match the sent path whole: `/x` sent must not hide the `/x` inside `/var/x/y`. */
function withoutLinks(text: string, echoes: readonly RegExp[]): string {
  let stripped = text.replace(LINK, ' ');
  for (const echo of echoes) stripped = stripped.replace(echo, ' ');
  return stripped;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A JSON body's strings and member names, one per line; `unlinked` leaves out link members' values. */
function jsonStrings(body: string): { all: string; unlinked: string } | undefined {
  const trimmed = body.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[') && !trimmed.startsWith('"')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  const all: string[] = [];
  const unlinked: string[] = [];
  const walk = (v: unknown, member?: string): void => {
    if (typeof v === 'string') {
      all.push(v);
      if (member === undefined || !LINK_MEMBERS.has(member)) unlinked.push(v);
    } else if (Array.isArray(v)) {
      for (const item of v) walk(item, member);
    } else if (v !== null && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        all.push(key);
        unlinked.push(key);
        walk(item, key);
      }
    }
  };
  walk(value);
  return { all: all.join('\n'), unlinked: unlinked.join('\n') };
}

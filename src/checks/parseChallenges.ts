/** One challenge of a WWW-Authenticate header: scheme and auth-params (RFC 9110 §11.2). */
export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/;

/**
 * Parses a WWW-Authenticate value into challenges. Tolerant: a malformed tail ends parsing
 * rather than throwing, since the header comes from the server under test.
 */
export function parseChallenges(header: string): Challenge[] {
  const challenges: Challenge[] = [];
  let rest = header.trim();
  let current: Challenge | undefined;
  while (rest.length > 0) {
    rest = rest.replace(/^[\s,]+/, '');
    const name = TOKEN.exec(rest)?.[0];
    if (!name) break;
    const after = rest.slice(name.length);
    const param = /^\s*=\s*/.exec(after);
    if (current && param) {
      let value: string;
      let tail = after.slice(param[0].length);
      if (tail.startsWith('"')) {
        const quoted = /^"((?:[^"\\]|\\.)*)"/.exec(tail);
        if (!quoted) break;
        value = quoted[1]!.replace(/\\(.)/g, '$1');
        tail = tail.slice(quoted[0].length);
      } else {
        value = TOKEN.exec(tail)?.[0] ?? '';
        tail = tail.slice(value.length);
      }
      current.params[name.toLowerCase()] = value;
      rest = tail;
    } else {
      current = { scheme: name, params: {} };
      challenges.push(current);
      // A token68 credential ("Negotiate abc==") reads as a further scheme name: harmless for Bearer, which uses params.
      rest = after;
    }
  }
  return challenges;
}

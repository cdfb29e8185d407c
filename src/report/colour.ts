import { styleText } from 'node:util';
import type { Headline } from '../run/gate.ts';

/** What a piece of console text means; its colour follows from that, never the other way round. */
export type Tone = 'pass' | 'fail' | 'incomplete' | 'not-proven' | 'dim';

const FORMAT = { pass: 'green', fail: 'red', incomplete: 'yellow', 'not-proven': 'yellow', dim: 'dim' } as const;

/** Wraps text in the escapes of its tone, or returns it as it is when colour is off. */
export type Paint = (tone: Tone, text: string) => string;

/**
 * Whether console output gets colour: never with NO_COLOR set to anything non-empty (no-color.org;
 * it wins over FORCE_COLOR); with FORCE_COLOR, unless it is `0`, even when the stream is not a
 * terminal; otherwise only when it is one. CI has no rule of its own: a CI log is not a terminal.
 */
export function colourWanted(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0';
  return isTTY;
}

/** No colour: what every file report and piped output gets. */
export const plain: Paint = (_tone, text) => text;

/**
 * A painter for the console. The decision is taken here once (colourWanted), so util.styleText is
 * told not to second-guess it against process.stdout, which may not be the stream written to.
 */
export function painter(enabled: boolean): Paint {
  if (!enabled) return plain;
  return (tone, text) => (text === '' ? text : styleText(FORMAT[tone], text, { validateStream: false }));
}

/** The tone of a gate headline: PASS green, FAIL red, INCOMPLETE yellow. */
export function headlineTone(headline: Headline): Tone {
  return headline === 'PASS' ? 'pass' : headline === 'INCOMPLETE' ? 'incomplete' : 'fail';
}

/** ANSI SGR escapes (what styleText writes), for tests and for anything that must be plain. */
export const stripColour = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

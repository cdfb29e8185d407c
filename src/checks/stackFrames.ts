/** One shape a runtime prints its stack in. */
export interface FrameShape {
  /** Stable name of the shape, for tests and docs. */
  id: string;
  runtime: string;
  /** What the finding says was seen, e.g. "a Node.js stack frame". */
  name: string;
  /** Multiline: `^` is the start of the text or of a line, after optional indentation. */
  pattern: RegExp;
}

/**
 * Where a Node.js frame points: `node:internal/…`, `<anonymous>`, or a file with an extension, under
 * any path (`/app/x.js`, `C:\\Program Files\\app\\x.js`, `file:///app/x.mjs`). A location must end
 * in a file name, so prose like "meet at 13:38:17" or "at home (12/03/2025 13:38:17)" never reads as
 * `at file:line:col`. Anchored at a line's `at`, each pattern backtracks over one line at most.
 */
const NODE_SPECIAL = String.raw`node:[\w/.-]+|<anonymous>`;
const SCHEME_OR_DRIVE = String.raw`(?:[A-Za-z][\w+.-]*:)?`;
const NODE_LOCATION = String.raw`(?:${NODE_SPECIAL}|${SCHEME_OR_DRIVE}[^\s():]*\.[A-Za-z][\w-]*)`;
const NODE_LOCATION_IN_PARENS = String.raw`(?:${NODE_SPECIAL}|${SCHEME_OR_DRIVE}[^():\n]*\.[A-Za-z][\w-]*)`;

/**
 * The frame shapes of the runtimes an API is commonly written in, each as the runtime prints it and
 * each on a line of its own: a frame is a line, so a phrase inside a sentence is never a frame.
 * Shapes are taken from real traces: V8's `Error.prototype.stack`, CPython's traceback module,
 * `Throwable.printStackTrace`, .NET's `Exception.ToString()`, Go's panic output, Ruby's
 * `Exception#full_message` (backquote before 3.4, quote since) and PHP's `Exception::__toString`.
 */
export const STACK_FRAMES: readonly FrameShape[] = [
  { id: 'node-call', runtime: 'node', name: 'a Node.js stack frame', pattern: new RegExp(String.raw`^[ \t]*at (?:async |new )?[^\n()]+ \(${NODE_LOCATION_IN_PARENS}:\d+:\d+\)`, 'm') },
  { id: 'node-location', runtime: 'node', name: 'a Node.js stack frame', pattern: new RegExp(String.raw`^[ \t]*at (?:async )?${NODE_LOCATION}:\d+:\d+[ \t]*$`, 'm') },
  { id: 'python-header', runtime: 'python', name: 'a Python traceback', pattern: /^[ \t]*Traceback \(most recent call last\):/m },
  { id: 'python-frame', runtime: 'python', name: 'a Python stack frame', pattern: /^[ \t]*File "[^"\n]+", line \d+(?:, in [^\n]+)?[ \t]*$/m },
  { id: 'java-frame', runtime: 'java', name: 'a Java stack frame', pattern: /^[ \t]*at (?:[\w$.-]+\/+)?[\w$]+(?:\.[\w$<>]+)+\((?:[\w$-]+\.(?:java|kt|kts|scala|groovy|clj)(?::\d+)?|Unknown Source(?::\d+)?|Native Method)\)/m },
  { id: 'dotnet-frame-file', runtime: 'dotnet', name: 'a .NET stack frame', pattern: /^[ \t]*at [\w$`<>.[\],+|]+\([^()\n]*\) in [^\n]+:line \d+/m },
  { id: 'dotnet-frame', runtime: 'dotnet', name: 'a .NET stack frame', pattern: /^[ \t]*at (?:[\w$`<>|+]+\.)+[\w$`<>|+]+(?:\[[\w$`,]+\])?\((?:[\w.`<>[\],&*]+ \w+(?:, [\w.`<>[\],&*]+ \w+)*)?\)[ \t]*$/m },
  { id: 'dotnet-rethrow', runtime: 'dotnet', name: 'a .NET stack', pattern: /^[ \t]*--- End of (?:inner exception )?stack trace(?: from previous location)?/m },
  { id: 'go-goroutine', runtime: 'go', name: 'a Go goroutine dump', pattern: /^goroutine \d+ \[[^\]\n]+\]:[ \t]*$/m },
  { id: 'go-frame', runtime: 'go', name: 'a Go stack frame', pattern: /^[ \t]+\S+\.go:\d+ \+0x[0-9a-f]+[ \t]*$/m },
  { id: 'ruby-frame', runtime: 'ruby', name: 'a Ruby stack frame', pattern: /^[ \t]*(?:from )?\S+\.rb:\d+:in [`'][^'\n]+'/m },
  { id: 'php-frame', runtime: 'php', name: 'a PHP stack frame', pattern: /^[ \t]*#\d+ (?:\S[^\n]*\.php\(\d+\)|\[internal function\]): \S/m },
  { id: 'php-header', runtime: 'php', name: 'a PHP stack', pattern: /^[ \t]*Stack trace:[ \t]*\n\s*#\d+ \S/m },
];

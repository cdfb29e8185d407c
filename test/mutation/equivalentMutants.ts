/**
 * Mutants no test can kill from inside the mutation run, each with why: most are equivalent (the
 * mutated program behaves exactly as the original), the rest are killed only outside the process
 * Stryker runs a mutant in. Key: file | mutator | original → mutant, as docs/mutation.md prints it.
 */
export const EQUIVALENT: Record<string, string> = {
  // Caches: leaving one out changes how often work is done, never a result.
  'src/checks/schemaValidator.ts | ConditionalExpression | typeof schema === \'object\' → false': 'The by-object cache only skips a JSON.stringify; the by-content cache still compiles each schema once.',
  'src/checks/schemaValidator.ts | ConditionalExpression | typeof schema === \'object\' → true': 'WeakMap#get of a boolean schema returns undefined rather than throwing, which is what the guard gives.',
  'src/checks/schemaValidator.ts | EqualityOperator | typeof schema === \'object\' → typeof schema !== \'object\'': 'WeakMap#get of a boolean schema returns undefined, and an object schema then compiles through the by-content cache.',
  'src/checks/schemaValidator.ts | ConditionalExpression | validate === undefined → true': 'Always asking the by-content cache returns the same compiled function.',
  'src/checks/schemaValidator.ts | StringLiteral | \'object\' → ""': 'Turns the by-object cache off; the by-content cache gives the same function.',
  'src/checks/schemaValidator.ts | ArrayDeclaration | [] → ["Stryker was here"]': 'Ajv sets `errors` whenever validation fails, so the fallback is never read.',
  'src/checks/schemaValidator.ts | BooleanLiteral | true → false': '`validateFormats` is already true by default in Ajv 8.',
  'src/checks/deterministic.ts | ConditionalExpression | tree → false': 'Rebuilding the volatile tree for each case gives the same tree.',
  // Canonical form: a change applied to both answers alike cannot make them compare differently.
  'src/checks/deterministic.ts | ArrayDeclaration | [] → ["Stryker was here"]': 'The same prefix on both canonical forms: they are equal exactly when they were.',
  'src/checks/deterministic.ts | EqualityOperator | i < value.length → i <= value.length': 'The extra element is undefined, which joins as an empty item on both sides alike.',
  'src/checks/deterministic.ts | StringLiteral | \',\' → ""': 'Between object members (the array separator has its own test): each member starts with its JSON-quoted name, so joined members stay unambiguous.',
  'src/checks/deterministic.ts | LogicalOperator | pa.ok && pb.ok → pa.ok || pb.ok': 'When only one body is JSON the texts differ, and so do a canonical form and undefined: a finding either way.',
  // The parser: what the mutant changes is redone or cannot happen later in the loop.
  'src/checks/parseChallenges.ts | MethodExpression | header.trim() → header': 'The loop strips leading whitespace itself, and trailing whitespace holds no token.',
  'src/checks/parseChallenges.ts | EqualityOperator | rest.length > 0 → rest.length >= 0': 'On an empty rest no token matches and the loop breaks.',
  'src/checks/parseChallenges.ts | Regex | /^"((?:[^"\\\\]|\\\\.)*)"/ → /"((?:[^"\\\\]|\\\\.)*)"/': 'Only tried on text starting with a quote; a match from a later quote would close where the anchored one does.',
  // The status check's arithmetic on statuses that earlier branches have taken.
  'src/checks/status.ts | ConditionalExpression | status >= 200 → true': 'Only reached by a status below 300 that is not a 3xx or 5xx; undici never gives a 1xx as the final answer.',
  'src/checks/status.ts | EqualityOperator | status < 300 → status <= 300': 'A 300 is taken by the redirect branch before this line.',
  // Out of reach of an in-process mutant.
  'suites/defineSuite.ts | ObjectLiteral | { afterAll, beforeAll, describe, inject, it } → {}': 'vitest\'s own collectors are used only under vitest: test/vitest-front.test.ts spawns `npx vitest run suites/revoked-token` and fails on this, but a mutant lives only in the process Stryker runs it in.',
};

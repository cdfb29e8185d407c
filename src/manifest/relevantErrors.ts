import type { ErrorObject } from 'ajv';

const isUnder = (path: string, parent: string) => path.startsWith(`${parent}/`);

/**
 * Keeps the ajv errors that explain a spot and drops what ajv adds for branches that were never meant:
 * oneOf/if summaries; the other branch's type error when one branch's own rule failed
 * (`600` is a status over 599, not "not a list"); a conditional branch's complaints when the
 * discriminator itself is wrong (`provider: htp`); the inner half of a propertyNames failure.
 */
export function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  let kept = errors.filter((e) => !['oneOf', 'anyOf', 'if'].includes(e.keyword) && !e.schemaPath.includes('/propertyNames/'));
  if (kept.length === 0) kept = [...errors];
  const badChoice = kept.filter((e) => e.keyword === 'enum' || e.keyword === 'const');
  // NaN and Infinity fail every bound; "expected an integer" is the one message that helps.
  const bound = (e: ErrorObject) => ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'].includes(e.keyword) && typeof e.data === 'number' && !Number.isFinite(e.data);
  kept = kept.filter((e) => {
    if (/(^|\/)(then|else)\//.test(e.schemaPath) && badChoice.some((d) => isUnder(d.instancePath, e.instancePath))) return false;
    if (bound(e)) return !kept.some((o) => o.keyword === 'type' && o.instancePath === e.instancePath);
    if (e.keyword !== 'type') return true;
    return !kept.some((o) => o !== e && !bound(o) && (isUnder(o.instancePath, e.instancePath) || (o.instancePath === e.instancePath && o.keyword !== 'type')));
  });
  const seen = new Set<string>();
  return kept.filter((e) => {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** An error with, for type errors at one spot from alternative branches, every type any branch accepts. */
export interface MergedError {
  error: ErrorObject;
  types?: string[];
}

/** Type errors at one spot become one entry: "expected an integer or a list". */
export function mergeTypeErrors(errors: readonly ErrorObject[]): MergedError[] {
  const out: MergedError[] = [];
  const byPath = new Map<string, string[]>();
  for (const error of errors) {
    if (error.keyword !== 'type') {
      out.push({ error });
      continue;
    }
    const types = ([] as string[]).concat((error.params as { type: string | string[] }).type);
    const existing = byPath.get(error.instancePath);
    if (existing) existing.push(...types.filter((t) => !existing.includes(t)));
    else {
      byPath.set(error.instancePath, types);
      out.push({ error, types });
    }
  }
  return out;
}

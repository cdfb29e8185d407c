/**
 * Scope catalogue hygiene that does not stop a run: a scope nobody owns or explains cannot be
 * reviewed, and a scope no endpoint uses is either dead or undocumented on the routes that take it.
 */
export function catalogueWarnings(scopes: Record<string, { owner?: string; description?: string }>, endpoints: { scopes?: string[] }[]): string[] {
  const warnings: string[] = [];
  const used = new Set(endpoints.flatMap((e) => e.scopes ?? []));
  for (const [name, info] of Object.entries(scopes)) {
    if (!info.owner) warnings.push(`scope "${name}" has no owner in auth.scopes; add one so a person answers for it`);
    if (!info.description) warnings.push(`scope "${name}" has no description in auth.scopes`);
    if (!used.has(name)) warnings.push(`scope "${name}" is catalogued but no endpoint documents it; remove it or document the routes it grants`);
  }
  return warnings;
}

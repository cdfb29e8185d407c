/** Fills "{{scopes}}" (the array) and "{{scope}}" (space-joined, RFC 6749 §3.3) in a body template. */
export function fillTemplate(template: unknown, scopes: string[]): unknown {
  if (template === '{{scopes}}') return scopes;
  if (typeof template === 'string') return template.split('{{scope}}').join(scopes.join(' '));
  if (Array.isArray(template)) return template.map((t) => fillTemplate(t, scopes));
  if (template !== null && typeof template === 'object') {
    return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, fillTemplate(v, scopes)]));
  }
  return template;
}

/**
 * The same data as compact objects. yaml's toJS builds objects property by property, which for a
 * manifest of thousands of endpoints holds about ten times what JSON.parse's objects do (measured:
 * 61 vs 6 MB for 9,100 endpoints), and the manifest lives for the whole run. JSON has no
 * Infinity or NaN (YAML's .inf, .nan): a document holding one keeps its objects as they are.
 * The first `levels` levels are copied member by member and only what lies below goes through
 * JSON text: the text of Microsoft Graph beta's whole imported manifest was one string of 80 MB
 * (two bytes per character, for a few `’` in its descriptions), held beside both copies.
 */
export function compact(value: unknown, levels = 2): unknown {
  let finite = true;
  const replacer = (_key: string, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) finite = false;
    return v;
  };
  // what JSON.stringify does with each member: leaves it out of an object, writes null in an array
  const copy = (v: unknown, level: number): unknown => {
    if (level === 0 || v === null || typeof v !== 'object' || typeof (v as { toJSON?: unknown }).toJSON === 'function') {
      const text = JSON.stringify(v, replacer) as string | undefined;
      return text === undefined ? undefined : JSON.parse(text);
    }
    if (Array.isArray(v)) return v.map((item: unknown) => copy(item, level - 1) ?? null);
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(v)) {
      const kept = copy(member, level - 1);
      // an own member even when named __proto__, as JSON.parse makes it
      if (kept !== undefined) Object.defineProperty(out, key, { value: kept, writable: true, enumerable: true, configurable: true });
    }
    return out;
  };
  const copied = copy(value, levels);
  return finite ? copied : value;
}

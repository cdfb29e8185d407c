import { describe, expect, it } from 'vitest';
import { collectImportGarbage, IMPORT_GARBAGE_BYTES } from './heapPolicy.ts';

describe('collectImportGarbage', () => {
  it('leaves a small heap alone', () => {
    expect(collectImportGarbage(IMPORT_GARBAGE_BYTES - 1)).toBe(false);
  });

  it('collects what an import left behind, at once', () => {
    // tens of megabytes of objects, let go as a document's tree is once imported
    let tree: unknown[] | undefined = Array.from({ length: 400_000 }, (_, i) => ({ path: `/items/${i}`, schema: { type: 'object', properties: { id: { type: 'string' } } } }));
    const before = process.memoryUsage().heapUsed;
    expect(tree.length).toBe(400_000);
    tree = undefined;
    expect(collectImportGarbage(IMPORT_GARBAGE_BYTES)).toBe(true);
    const after = process.memoryUsage().heapUsed;
    expect(before - after).toBeGreaterThan(20 * 1024 * 1024);
  });
});

import type { Approval } from '../manifest/types.ts';
import type { Change } from './kinds.ts';

export interface Judged {
  changes: Change[];
  /** Loosenings nobody approved: each one fails `harden diff`. */
  unapproved: Change[];
  /** Approvals that matched no change: stale, worth removing, never a failure. */
  unused: Approval[];
}

/** Marks the loosenings the NEW manifest approves (`approved:` entries match endpoint id and kind). */
export function judge(changes: Change[], approved: readonly Approval[]): Judged {
  const used = new Set<Approval>();
  const judged = changes.map((c) => {
    const approval = approved.find((a) => a.endpoint === c.endpoint && a.change === c.kind);
    if (approval) used.add(approval);
    return approval ? { ...c, approved: approval.reason } : c;
  });
  return {
    changes: judged,
    unapproved: judged.filter((c) => c.loosening && c.approved === undefined),
    unused: approved.filter((a) => !used.has(a)),
  };
}

import type { HardenErrorCode } from '../errors.ts';
import { EXIT, gateVerdict, type GateFacts } from '../run/gate.ts';

export { EXIT };

/** The exit code of a finished run, replay or merge: the gate's decision (src/run/gate.ts). */
export function exitCodeFor(facts: GateFacts): number {
  return gateVerdict(facts).code;
}

/** The exit code for a fault of the harness, its input or its target. */
export function exitCodeForError(code: HardenErrorCode): number {
  switch (code) {
    case 'MANIFEST_INVALID':
    case 'OPTION_INVALID':
    case 'TARGET_REFUSED':
      return EXIT.usage;
    case 'TARGET_UNREACHABLE':
    case 'TOKEN_PROVIDER_FAILED':
    case 'REPORT_WRITE_FAILED':
      return EXIT.unreachable;
  }
}

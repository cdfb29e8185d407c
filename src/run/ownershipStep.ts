import type { Manifest } from '../manifest/types.ts';
import type { Case } from '../plan/case.ts';
import { readPointer } from '../tokens/readPointer.ts';
import type { Outcome } from './sendAndJudge.ts';

/** What the run learned of one owned object: its id once created, or why the others cannot be tried. */
export interface OwnedState {
  id?: string;
  /** Set when the create step or the owner's control read failed: the probes are then not proven. */
  unavailable?: string;
}

/**
 * The ownership suite's run-time state: the ids the owner's create steps returned, by placeholder.
 * The planner cannot know them; the probes are made concrete here, just before they are sent.
 */
export class OwnershipLedger {
  readonly #objects = new Map<string, OwnedState>();

  constructor(private readonly manifest: Manifest) {}

  /** Why a probe or control of this case cannot be put to the test, or undefined when it can. */
  unavailable(c: Case): string | undefined {
    const state = this.#objects.get(c.ownership!.placeholder);
    if (state === undefined) return `not proven: the owner's ${c.ownership!.object} was never created (its create step did not run)`;
    return state.unavailable;
  }

  /** The case with the object's real id where the plan held its placeholder (path, and the listing's `absent`). */
  concrete(c: Case): Case {
    const { placeholder } = c.ownership!;
    const id = this.#objects.get(placeholder)!.id!;
    const path = c.request.path.split(placeholder).join(encodeURIComponent(id));
    const absent = c.expect.absent?.map((text) => (text === placeholder ? id : text));
    return { ...c, request: { ...c.request, path }, expect: absent ? { ...c.expect, absent } : c.expect };
  }

  /** Records what a create or control step's answer means for the probes that follow it. */
  record(c: Case, outcome: Outcome): void {
    const { step, placeholder, object } = c.ownership!;
    const answer = outcome.exchanges[0]?.response;
    const failed = outcome.failure !== undefined || outcome.findings.length > 0 || answer === undefined;
    if (step === 'create') {
      const spec = this.manifest.objects.find((o) => o.name === object)!;
      if (failed) return void this.#objects.set(placeholder, { unavailable: `not proven: the owner could not create the ${object} (see ${c.id})` });
      let id: unknown;
      try {
        id = readPointer(JSON.parse(answer!.body), spec.id);
      } catch {
        id = undefined;
      }
      if (typeof id !== 'string' && typeof id !== 'number') {
        return void this.#objects.set(placeholder, { unavailable: `not proven: the create answer of the ${object} has no id at ${spec.id || '(the whole body)'} (objects[].id)` });
      }
      this.#objects.set(placeholder, { id: String(id) });
      return;
    }
    if (step === 'owner-reads' && failed) {
      const state = this.#objects.get(placeholder);
      if (state) state.unavailable = `not proven: the owner could not read back its own ${object} (see ${c.id}), so a refusal of the others would prove nothing`;
    }
  }
}

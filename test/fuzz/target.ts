/**
 * What a fuzz target is: an arbitrary of cases and a check of one case. `npm test` runs each
 * target briefly with fast-check (test/fuzz/*.test.ts); `npm run fuzz` (fuzz/run.ts) runs every
 * target of targets.ts for longer, each case in a worker thread with a deadline, and counts.
 */
import type fc from "fast-check";

/** How a case ended when the code under test behaved: it accepted the input or refused it cleanly. */
export type Verdict = "accepted" | "refused";

export interface FuzzTarget<C> {
  /** cases; they must survive structured cloning, since the runner hands them to a worker */
  cases: fc.Arbitrary<C>;
  /** Runs one case: "accepted" or "refused"; throws when the code under test misbehaved (a crash). */
  check(c: C): Promise<Verdict> | Verdict;
}

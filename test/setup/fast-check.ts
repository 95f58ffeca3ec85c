/**
 * Property tests draw their cases from a fixed seed, so every run of `npm test` checks the same
 * cases and a failure can be replayed. A property that fails is a defect, whatever the seed.
 */
import fc from "fast-check";

fc.configureGlobal({ seed: 20251 });

import { describe, it } from "vitest";
import { fuzzScenario } from "./scenario.js";

describe("fuzz: mutated scenarios are refused with typed problems, or run to finite numbers", () => {
  // a small, fixed-seed run; `npm run fuzz` runs many more cases (fuzz/run.ts)
  it("holds for 60 mutations of the bundled scenario", async () => {
    await fuzzScenario(60, 14);
  }, 240_000);
});

/**
 * Solve times of the mechanism games (issue 7): build + backward induction per game at the
 * prior means of the bundled scenario, median of repeated runs. Run: npx tsx bench/games-models/solve-times.ts
 */
import { PARAMETER_COUNT, PARAMETERS } from "../../src/contract/parameters.js";
import { optionFeatures } from "../../src/models/commitments.js";
import { solveMechanisms, strategicInputs } from "../../src/models/games/index.js";
import { buildDeterrence, solveDeterrence } from "../../src/models/games/deterrence.js";
import { loadScenarioFile } from "../../src/scenario/load.js";
import { priorMean } from "../../src/scenario/prior.js";

const scenario = loadScenarioFile(new URL("../../scenarios/ukraine-2025.yaml", import.meta.url).pathname);
const theta = new Float64Array(PARAMETER_COUNT);
PARAMETERS.forEach((p, k) => (theta[k] = priorMean(scenario.parameters[p.name])));
const { challenger, protege, guarantors } = scenario.actors;
const option = scenario.options.find((o) => o.id === "reassurance-force")!;
const inputs = strategicInputs(optionFeatures(option, guarantors), theta, { challenger, protege, guarantors });

function median(f: () => void, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

console.log(`all six games, build + solve + explain: ${median(() => solveMechanisms(inputs), 30).toFixed(2)} ms`);
console.log(`deterrence game alone (8 stake cells): ${median(() => solveDeterrence(buildDeterrence(inputs)), 300).toFixed(3)} ms`);

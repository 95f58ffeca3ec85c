/** Hand-set inputs for the mechanism games, so each test states the numbers it derives from. */
import type { StrategicInputs } from "../../../src/models/games/inputs.js";

export function inputs(over: Partial<StrategicInputs> = {}): StrategicInputs {
  return {
    option: "test",
    names: { challenger: "Russia", protege: "Ukraine", guarantor: "Guarantor" },
    stakeLogMean: Math.log(2),
    stakeLogSd: 1,
    piG: 0.1,
    kG: 4,
    piP: 0.5,
    kP: 1,
    piPNow: 0.5,
    lead: { id: "g", name: "Guarantor" },
    resolve: 0.5,
    perceivedResolve: 0.5,
    guarantorStakeLogMean: 0,
    guarantorStakeLogSd: 1,
    guarantorWarCost: 3,
    audienceCost: 1,
    tripwireCost: 0,
    troops: 0,
    unMandate: false,
    backdownShift: 0.1,
    escalationRisk: 0.05,
    incidentCrisisProbability: 0.2,
    ...over,
  };
}

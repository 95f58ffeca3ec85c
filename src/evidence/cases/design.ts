/** A case's agreed design in words, one short line per commitment (for the case table and the web timeline). */
import type { Commitment } from "../../scenario/schema.js";

const n = (x: number) => x.toLocaleString("en-US");

export function describeCommitment(c: Commitment): string {
  switch (c.type) {
    case "collective_defense":
      return `defence treaty with ${c.guarantors.join(", ")}${c.ratified ? " (ratified)" : " (unratified)"}`;
    case "nato_membership":
      return "NATO membership";
    case "reassurance_force":
      return `${n(c.troops)} troops of ${c.contributors.join(", ")} in the ${c.deployment}${c.un_mandate ? ", UN mandate" : ""}`;
    case "backstop":
      return `${c.provider} backstop (${c.kinds.join(", ")})`;
    case "arms_supply":
      return `arms supply, ${c.level}${c.providers ? ` (${c.providers.join(", ")})` : ""}`;
    case "consultative_pledge":
      return `consultative pledge of ${c.guarantors.join(", ")} (${c.form}${c.nato_path ? ", NATO path" : ""})`;
    case "neutrality":
      return `${c.permanent ? "permanent " : ""}neutrality${c.force_cap ? `, force cap ${n(c.force_cap)}` : ""}${c.guarantors.length ? `, guaranteed by ${c.guarantors.join(", ")}` : ", no guarantors"}`;
    case "un_mandate":
      return `UN peacekeeping force of ${n(c.troops)}`;
    case "monitoring":
      return `${n(c.monitors)} monitors`;
    case "demilitarized_zone":
      return `demilitarised zone ${c.width_km} km wide`;
    case "sanctions_relief":
      return `sanctions relief, ${c.level}`;
  }
}

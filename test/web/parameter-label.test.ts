/** Readable parameter names: symbol and meaning from src/contract/parameters.ts, the YAML name kept in the tooltip. */
import { describe, expect, it } from "vitest";
import { PARAMETERS } from "../../src/contract/parameters.js";
import { parameterLabel, parameterMeaning, parameterTitle, parameterUnit } from "../../web/src/parameter-label.js";

describe("parameter labels", () => {
  it("give the symbol and the meaning without the section mark", () => {
    expect(parameterLabel("window_rate_per_year")).toBe("λ_w — opportunities for renewed attack per year");
    expect(parameterMeaning("window_rate_per_year")).toBe("opportunities for renewed attack per year");
  });

  it("keep the YAML name, the domain and the section of docs/MODEL.md in the tooltip", () => {
    expect(parameterTitle("resolve_discount")).toBe(
      "d — imbalance of resolve: q̂ = q(1−d) before any crisis. In the scenario: resolve_discount; values a probability, 0 to 1; docs/MODEL.md §5.",
    );
    expect(parameterTitle("guarantor_war_cost")).toContain("values > 0");
  });

  it("are distinct for every parameter (chart bands are keyed by them) and never start with §", () => {
    const labels = PARAMETERS.map((p) => parameterLabel(p.name));
    expect(new Set(labels).size).toBe(PARAMETERS.length);
    for (const [i, label] of labels.entries()) {
      expect(label.startsWith(`${PARAMETERS[i]!.symbol} — `)).toBe(true);
      expect(label).not.toContain("§");
    }
  });

  it("leave a name the model does not know as it is", () => {
    expect(parameterLabel("no_such_parameter")).toBe("no_such_parameter");
    expect(parameterMeaning("no_such_parameter")).toBe("");
    expect(parameterTitle("no_such_parameter")).toBe("no_such_parameter");
  });

  it("give every parameter a unit: rates per year, costs in stake units, log-stakes, shares", () => {
    for (const p of PARAMETERS) expect(parameterUnit(p.name), p.name).not.toBe("");
    expect(parameterUnit("window_rate_per_year")).toBe("per year");
    expect(parameterUnit("guarantor_war_cost")).toBe("stake units");
    expect(parameterUnit("challenger_stake_log_mean")).toBe("ln stake units");
    expect(parameterUnit("resolve_discount")).toBe("probability or share (0–1)");
    expect(parameterUnit("nuclear_use_given_direct_war_per_month")).toBe("probability per month");
    expect(parameterUnit("no_such_parameter")).toBe("");
  });
});

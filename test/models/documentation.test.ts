import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MECHANISMS, PARAMETERS } from "../../src/index.js";
import { loadScenarioFile } from "../../src/index.js";
import { BUNDLED_PATH } from "../scenario/helpers.js";

const model = readFileSync(new URL("../../docs/MODEL.md", import.meta.url), "utf8");

describe("docs/MODEL.md documents the model", () => {
  it("names every parameter with its symbol", () => {
    for (const p of PARAMETERS) expect(model, p.name).toMatch(new RegExp(`\\| ${p.name} \\| ${p.symbol.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\|`));
  });
  it("names every mechanism switch", () => {
    for (const m of MECHANISMS) expect(model, m).toContain(`| ${m} |`);
  });
  it("states the bundled scenario's prior means as the scenario file does", () => {
    const s = loadScenarioFile(BUNDLED_PATH);
    for (const p of PARAMETERS) {
      const prior = s.parameters[p.name];
      const mean = prior.dist === "fixed" ? prior.value : prior.dist === "uniform" ? prior.min : prior.mean;
      const row = model.split("\n").find((l) => l.startsWith(`| ${p.name} | ${p.symbol} |`))!.replaceAll("−", "-");
      const stated = new RegExp(`${prior.dist}\\((-?[\\d.]+)[,)]`).exec(row);
      expect(stated, `${p.name}: ${row}`).not.toBeNull();
      expect(Number(stated![1]), p.name).toBe(mean);
    }
  });
});

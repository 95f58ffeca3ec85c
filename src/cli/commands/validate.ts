/** `guarantor validate FILE` and `guarantor schema`: check a scenario; print the JSON Schema or the parameter list. */
import type { Command } from "commander";
import { z } from "zod";
import { PARAMETERS } from "../../contract/parameters.js";
import { loadScenarioFile } from "../../scenario/load.js";
import { scenarioSchema } from "../../scenario/schema.js";
import { runAction } from "../action.js";
import { renderTable } from "../table.js";

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return { ...schema, title: "guarantor scenario", description: "A guarantor scenario file (see docs/MODEL.md and README.md)." };
}

export function register(program: Command): void {
  program
    .command("validate")
    .description("check a scenario file and report every problem with its line and column")
    .argument("<file>", "scenario YAML file")
    .action(
      runAction((file: string) => {
        const s = loadScenarioFile(file);
        const perspectives = Object.keys(s.perspectives);
        process.stdout.write(
          `${file}: ok — "${s.name}", ${s.options.length} options, ${perspectives.length} perspectives (${perspectives.join(", ") || "none"}), ` +
            `${Object.keys(s.parameters).length} parameters, horizon ${s.horizon_years} years\n`,
        );
      }),
    );

  program
    .command("schema")
    .description("print the JSON Schema of scenario files (for editors), or the model's parameters")
    .option("--parameters", "list the model's parameters instead")
    .action(
      runAction((flags: { parameters?: boolean }) => {
        if (flags.parameters) {
          const rows = PARAMETERS.map((p) => [p.name, p.symbol, p.domain, p.description]);
          process.stdout.write(renderTable(["parameter", "symbol", "domain", "meaning (docs/MODEL.md section)"], rows, [0, 1, 2, 3]) + "\n");
        } else {
          process.stdout.write(JSON.stringify(scenarioJsonSchema(), null, 2) + "\n");
        }
      }),
    );
}

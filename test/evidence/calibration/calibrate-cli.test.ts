import { afterEach, describe, expect, it, vi } from "vitest";
import { runCli } from "../../helpers/cli.js";
import { register as registerCalibrate } from "../../../src/cli/commands/calibrate.js";

const run = (args: string[]) => runCli([registerCalibrate], args);

afterEach(() => vi.restoreAllMocks());

describe("guarantor calibrate", () => {
  it("--check re-derives every calibrated prior of the registry and exits 0 when all agree", async () => {
    const { out, code } = await run(["calibrate", "--check"]);
    const lines = out.trim().split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(7);
    for (const line of lines) expect(line).toMatch(/^ok {3}calibrated_/);
    expect(code).toBe(0);
  }, 600_000);

  it("an unknown flag is a usage error, not a run", async () => {
    const { code, err } = await run(["calibrate", "--points", "3"]);
    expect(code).toBe(2);
    expect(err).toMatch(/unknown option/);
  });
});

import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError, loadScenarioFile } from "../../src/index.js";
import { MAX_SCENARIO_BYTES } from "../../src/scenario/limits.js";
import { readFileCapped, readTextFileCapped } from "../../src/io/read-file.js";
import { register as registerValidate } from "../../src/cli/commands/validate.js";
import { register as registerCompare } from "../../src/cli/commands/compare.js";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "guarantor-read-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("files are read with a byte cap that does not trust stat", () => {
  it("an endless device is refused at the cap, not read until memory runs out", () => {
    expect(() => readFileCapped("/dev/zero", 1000, "scenario file")).toThrow(
      new InputError("/dev/zero: the scenario file is larger than the limit of 1000 bytes (stopped reading after 1001 bytes)"),
    );
    expect(() => loadScenarioFile("/dev/zero")).toThrow(`larger than the limit of ${MAX_SCENARIO_BYTES} bytes`);
  });

  it("a huge (sparse) file is refused after reading just past the cap", () => {
    const big = join(dir, "big.yaml");
    writeFileSync(big, "");
    truncateSync(big, 10 * 2 ** 30);
    expect(() => loadScenarioFile(big)).toThrow(`stopped reading after ${MAX_SCENARIO_BYTES + 1} bytes`);
  });

  it("a pipe that sends more than the cap is refused at the cap", async () => {
    const fifo = join(dir, "pipe.yaml");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const writer = spawn("sh", ["-c", `head -c 5000000 /dev/zero > '${fifo}'`], { stdio: "ignore" });
    const ended = new Promise((resolve) => writer.on("exit", resolve));
    expect(() => readFileCapped(fifo, 100_000)).toThrow("stopped reading after 100001 bytes");
    await ended; // the writer ends on a broken pipe once the reader has closed
  });

  it("a file exactly at the cap is read whole", () => {
    const file = join(dir, "exact.txt");
    writeFileSync(file, "x".repeat(70_000));
    expect(readFileCapped(file, 70_000).length).toBe(70_000);
    expect(() => readFileCapped(file, 69_999)).toThrow("stopped reading after 70000 bytes");
  });

  it("a missing file, a directory and binary bytes each get a reason", () => {
    expect(() => loadScenarioFile(join(dir, "none.yaml"))).toThrow(/none\.yaml: cannot read the scenario file: no such file$/);
    expect(() => loadScenarioFile(dir)).toThrow(/cannot read the scenario file: it is a directory, not a file$/);
    const binary = join(dir, "binary.yaml");
    writeFileSync(binary, Buffer.from([0x6e, 0x61, 0xff, 0xfe, 0x00]));
    expect(() => readTextFileCapped(binary, 100, "scenario file")).toThrow(/binary\.yaml: the scenario file is not UTF-8 text$/);
  });

  it("validate on a device prints the cap and exits 1, without a stack trace", async () => {
    const r = await runCli([registerValidate], ["validate", "/dev/zero"]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`/dev/zero: the scenario file is larger than the limit of ${MAX_SCENARIO_BYTES} bytes (stopped reading after ${MAX_SCENARIO_BYTES + 1} bytes)\n`);
  });

  it("run reads its scenario the same way", async () => {
    const r = await runCli([registerCompare], ["run", "/dev/zero", "--workers", "1"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("/dev/zero: the scenario file is larger than the limit");
  });
});

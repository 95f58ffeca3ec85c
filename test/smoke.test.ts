import { describe, expect, it } from "vitest";
import { InputError, UsageError } from "../src/index.js";

describe("errors", () => {
  it("bad usage exits with 2 and bad input with 1", () => {
    expect(new UsageError("x").exitCode).toBe(2);
    expect(new InputError("x").exitCode).toBe(1);
  });
});

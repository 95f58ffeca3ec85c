import { describe, expect, it } from "vitest";
import { fuzzHttpApi } from "../fuzz/http.js";

describe("the HTTP API under malformed requests", () => {
  it("never answers 5xx nor shows a stack trace (fast-check, fixed seed)", async () => {
    const counts = await fuzzHttpApi(300, 20251);
    expect(counts.failures).toEqual([]);
    expect(counts.crashed + counts.hung).toBe(0);
    expect(counts.tried).toBe(300);
    // the property reached both sides: some requests were accepted, most refused
    expect(counts.refused).toBeGreaterThan(0);
    expect(counts.accepted).toBeGreaterThan(0);
  });
});

/** Helpers for loader tests: mutate the bundled scenario and locate the mutation in the text. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { loadScenarioText, ScenarioError, type ScenarioIssue } from "../../src/index.js";

export const BUNDLED_PATH = fileURLToPath(new URL("../../scenarios/ukraine-2025.yaml", import.meta.url));
export const BUNDLED = readFileSync(BUNDLED_PATH, "utf8");

/** Replace the first occurrence of `find` (which must exist) in the bundled scenario. */
export function mutate(find: string, replace: string, text = BUNDLED): string {
  const at = text.indexOf(find);
  if (at < 0) throw new Error(`test setup: "${find}" not found in the scenario`);
  return text.slice(0, at) + replace + text.slice(at + find.length);
}

/** 1-based line and column of the first occurrence of `needle` in `text` (after `after`, if given). */
export function locate(text: string, needle: string, after = ""): { line: number; column: number } {
  const start = after ? text.indexOf(after) : 0;
  const at = text.indexOf(needle, start < 0 ? 0 : start);
  if (at < 0) throw new Error(`test setup: "${needle}" not in text`);
  const before = text.slice(0, at);
  const line = before.split("\n").length;
  return { line, column: at - before.lastIndexOf("\n") };
}

/** Load text that must fail; return its issues. */
export function issuesOf(text: string, file = "test.yaml"): ScenarioIssue[] {
  try {
    loadScenarioText(text, file);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).issues;
  }
  throw new Error("expected the scenario to be rejected");
}

/** The single issue of a text that must fail with exactly one problem. */
export function onlyIssue(text: string): ScenarioIssue {
  const issues = issuesOf(text);
  expect(issues, JSON.stringify(issues, null, 1)).toHaveLength(1);
  return issues[0];
}

/**
 * The scenario in the editor, shared with the other pages of the app through the browser's local
 * storage, so that sensitivity and cruxes work on what the user is editing, not only the bundled file.
 */
const KEY = "guarantor.editor-scenario";

export interface SharedScenario {
  text: string;
  name: string;
  savedAt: string;
}

/** Called with each valid scenario the editor holds. */
export function rememberScenario(text: string, name: string): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ text, name, savedAt: new Date().toISOString() } satisfies SharedScenario));
  } catch {
    // storage full or disabled: the other pages fall back to the bundled scenario
  }
}

export function sharedScenario(): SharedScenario | null {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? "null") as SharedScenario | null;
    return value && typeof value.text === "string" && typeof value.name === "string" ? value : null;
  } catch {
    return null;
  }
}

/**
 * A linear scan of YAML text for its nesting depth, run before parsing: the YAML parser recurses
 * once per level, so a file of a million `[` would take seconds to fail deep in its stack. The
 * scan follows indentation, `- ` markers and flow brackets outside quotes, comments and block
 * scalars; it can only overestimate a real file's depth by brackets inside plain text.
 */

export interface DeepPoint {
  line: number;
  column: number;
  depth: number;
}

const QUOTE_OPENERS = new Set([" ", "\t", "[", "{", ",", ":", "-", "?"]);

/** The first place where the nesting depth exceeds `max`, or undefined if it never does. */
export function deeperThan(text: string, max: number): DeepPoint | undefined {
  const lines = text.split("\n");
  const indents: number[] = [];
  let flow = 0;
  let quote: "'" | '"' | undefined;
  let blockScalarParent = -1; // indentation of the key that opened a block scalar (| or >)
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    let at = 0;
    while (line[at] === " ") at++;
    const blank = at === line.length || line[at] === "#" || line[at] === "\r";
    if (blockScalarParent >= 0) {
      if (blank || at > blockScalarParent) continue;
      blockScalarParent = -1;
    }
    if (blank && quote === undefined) continue;
    let block = indents.length;
    if (quote === undefined && flow === 0) {
      while (indents.length > 0 && indents[indents.length - 1] >= at) indents.pop();
      indents.push(at);
      block = indents.length;
      // compact nested sequences: "- - - x" opens one level per marker
      if (block > max) return { line: li + 1, column: at + 1, depth: block };
      while (line[at] === "-" && (line[at + 1] === " " || at + 1 === line.length)) {
        if (++block > max) return { line: li + 1, column: at + 1, depth: block };
        at += 2;
        while (line[at] === " ") at++;
      }
    }
    for (let i = at; i < line.length; i++) {
      const c = line[i];
      if (quote !== undefined) {
        if (c === "\\" && quote === '"') i++;
        else if (c === quote) {
          if (quote === "'" && line[i + 1] === "'") i++;
          else quote = undefined;
        }
        continue;
      }
      const before = i === 0 ? " " : line[i - 1];
      if (c === "#" && (before === " " || before === "\t")) break;
      if ((c === '"' || c === "'") && (i === 0 || QUOTE_OPENERS.has(before))) quote = c;
      else if (c === "[" || c === "{") {
        flow++;
        if (block + flow > max) return { line: li + 1, column: i + 1, depth: block + flow };
      } else if ((c === "]" || c === "}") && flow > 0) flow--;
    }
    if (quote === undefined && flow === 0 && /(?::|^\s*-)\s*[|>][-+0-9]*\s*(?:#.*)?\r?$/.test(line)) blockScalarParent = indents[indents.length - 1] ?? 0;
  }
  return undefined;
}

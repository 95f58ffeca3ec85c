/**
 * Tokens of Gambit's text formats (.nfg, .efg): quoted strings, numbers (integers, decimals,
 * rationals such as 1/3), words and braces, each with its line and column so a malformed file
 * gets a `file:line:column` message saying what was expected and what was found.
 */
import { InputError } from "../errors.js";
import { Rational } from "./rational.js";

export interface Token {
  type: "string" | "number" | "word" | "{" | "}" | "," | "end";
  text: string;
  line: number;
  column: number;
}

const NUMBER = /[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?(?:\/\d+)?/y;
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;

export function tokenize(text: string, file: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const fail = (what: string): never => {
    throw new InputError(`${file}:${line}:${i - lineStart + 1}: ${what}`);
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === "\n") {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (ch === " " || ch === "\t" || ch === "\r") {
      i++;
      continue;
    }
    const column = i - lineStart + 1;
    if (ch === "{" || ch === "}" || ch === ",") {
      tokens.push({ type: ch, text: ch, line, column });
      i++;
    } else if (ch === '"') {
      const startLine = line;
      let value = "";
      i++;
      while (true) {
        if (i >= text.length) {
          line = startLine;
          i = lineStart + column - 1;
          fail("unterminated string (missing closing quote)");
        }
        const c = text[i];
        if (c === "\\" && i + 1 < text.length) {
          value += text[i + 1];
          i += 2;
        } else if (c === '"') {
          i++;
          break;
        } else {
          if (c === "\n") {
            line++;
            lineStart = i + 1;
          }
          value += c;
          i++;
        }
      }
      tokens.push({ type: "string", text: value, line: startLine, column });
    } else {
      NUMBER.lastIndex = i;
      WORD.lastIndex = i;
      const num = NUMBER.exec(text);
      const word = num ? null : WORD.exec(text);
      const match = num ?? word;
      if (!match) fail(`unexpected character ${JSON.stringify(ch)}`);
      tokens.push({ type: num ? "number" : "word", text: match![0], line, column });
      i += match![0].length;
    }
  }
  tokens.push({ type: "end", text: "end of file", line, column: i - lineStart + 1 });
  return tokens;
}

function describe(t: Token): string {
  if (t.type === "end") return "end of file";
  if (t.type === "string") return `the string "${t.text}"`;
  return `"${t.text}"`;
}

/** A cursor over tokens with the expectations a reader states. */
export class TokenReader {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    readonly file: string,
  ) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)];
  }

  next(): Token {
    const t = this.peek();
    if (t.type !== "end") this.pos++;
    return t;
  }

  error(at: Token, expected: string): InputError {
    return new InputError(`${this.file}:${at.line}:${at.column}: expected ${expected}, found ${describe(at)}`);
  }

  errorAt(at: Token, message: string): InputError {
    return new InputError(`${this.file}:${at.line}:${at.column}: ${message}`);
  }

  expect(type: Token["type"], expected: string): Token {
    const t = this.peek();
    if (t.type !== type) throw this.error(t, expected);
    return this.next();
  }

  expectWord(word: string): Token {
    const t = this.peek();
    if (t.type !== "word" || t.text !== word) throw this.error(t, `"${word}"`);
    return this.next();
  }

  string(expected: string): string {
    return this.expect("string", expected).text;
  }

  rational(expected: string): Rational {
    const t = this.expect("number", expected);
    const r = Rational.parse(t.text);
    if (!r) throw this.errorAt(t, `${t.text} is not a valid number (zero denominator?)`);
    return r;
  }

  /** A non-negative integer, e.g. an outcome or information-set number. */
  integer(expected: string): number {
    const t = this.peek();
    if (t.type !== "number" || !/^\d+$/.test(t.text) || !Number.isSafeInteger(Number(t.text))) {
      throw this.error(t, expected);
    }
    this.next();
    return Number(t.text);
  }

  /** `{ x, y, … }` with optional commas, read by `item` until the closing brace. */
  list<T>(expected: string, item: () => T): T[] {
    this.expect("{", `"{" opening ${expected}`);
    const out: T[] = [];
    while (this.peek().type !== "}") {
      if (this.peek().type === "end") throw this.error(this.peek(), `"}" closing ${expected}`);
      out.push(item());
      if (this.peek().type === ",") this.next();
    }
    this.next();
    return out;
  }

  skipCommas(): void {
    while (this.peek().type === ",") this.next();
  }
}

/** Gambit's quoting: backslash before quotes and backslashes. */
export function quote(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

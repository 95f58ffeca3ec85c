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
/** Longest number literal read (exponents are limited alike, in Rational.parse). */
export const MAX_NUMBER_CHARS = 10_000;
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;

/**
 * Reads tokens one at a time, so a large file never becomes a large array of token objects.
 * Invariant: `i` is the position after the last token read, `line`/`lineStart` describe it.
 */
class Tokenizer {
  private i = 0;
  private line = 1;
  private lineStart = 0;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}

  private fail(what: string): never {
    throw new InputError(`${this.file}:${this.line}:${this.i - this.lineStart + 1}: ${what}`);
  }

  next(): Token {
    const text = this.text;
    while (this.i < text.length) {
      const ch = text[this.i];
      if (ch === "\n") {
        this.i++;
        this.line++;
        this.lineStart = this.i;
      } else if (ch === " " || ch === "\t" || ch === "\r") {
        this.i++;
      } else break;
    }
    const line = this.line;
    const column = this.i - this.lineStart + 1;
    if (this.i >= text.length) return { type: "end", text: "end of file", line, column };
    const ch = text[this.i];
    if (ch === "{" || ch === "}" || ch === ",") {
      this.i++;
      return { type: ch, text: ch, line, column };
    }
    if (ch === '"') return this.string(line, column);
    NUMBER.lastIndex = this.i;
    WORD.lastIndex = this.i;
    const num = NUMBER.exec(text);
    const match = num ?? WORD.exec(text);
    if (!match) this.fail(`unexpected character ${JSON.stringify(ch)}`);
    this.i += match[0].length;
    return { type: num ? "number" : "word", text: match[0], line, column };
  }

  private string(startLine: number, column: number): Token {
    const text = this.text;
    const startLineStart = this.lineStart;
    const parts: string[] = [];
    let from = ++this.i;
    while (true) {
      if (this.i >= text.length) {
        this.line = startLine;
        this.lineStart = startLineStart;
        this.i = startLineStart + column - 1;
        this.fail("unterminated string (missing closing quote)");
      }
      const c = text[this.i];
      if (c === "\\" && this.i + 1 < text.length) {
        parts.push(text.slice(from, this.i), text[this.i + 1]);
        if (text[this.i + 1] === "\n") {
          this.line++;
          this.lineStart = this.i + 2;
        }
        this.i += 2;
        from = this.i;
      } else if (c === '"') {
        parts.push(text.slice(from, this.i));
        this.i++;
        break;
      } else {
        if (c === "\n") {
          this.line++;
          this.lineStart = this.i + 1;
        }
        this.i++;
      }
    }
    return { type: "string", text: parts.join(""), line: startLine, column };
  }
}

/** All tokens of a text, ending with an "end" token (for tests and small inputs). */
export function tokenize(text: string, file: string): Token[] {
  const tokenizer = new Tokenizer(text, file);
  const tokens: Token[] = [];
  for (let t = tokenizer.next(); ; t = tokenizer.next()) {
    tokens.push(t);
    if (t.type === "end") return tokens;
  }
}

function describe(t: Token): string {
  if (t.type === "end") return "end of file";
  if (t.type === "string") return `the string "${t.text}"`;
  return `"${t.text}"`;
}

/** A cursor over tokens with the expectations a reader states. */
export class TokenReader {
  private readonly tokenizer: Tokenizer;
  private current: Token;

  constructor(
    text: string,
    readonly file: string,
  ) {
    this.tokenizer = new Tokenizer(text, file);
    this.current = this.tokenizer.next();
  }

  peek(): Token {
    return this.current;
  }

  next(): Token {
    const t = this.current;
    if (t.type !== "end") this.current = this.tokenizer.next();
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
    if (t.text.length > MAX_NUMBER_CHARS) {
      throw this.errorAt(t, `a number of ${t.text.length} characters; at most ${MAX_NUMBER_CHARS} are supported`);
    }
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

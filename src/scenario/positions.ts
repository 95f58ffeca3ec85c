/**
 * Maps a key path in a parsed YAML document to a line and column, so every problem can point
 * at the text the user wrote. Missing keys point at the mapping that should hold them.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node } from "yaml";

export interface Position {
  line: number;
  column: number;
}

export class PositionFinder {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  private at(offset: number | undefined): Position {
    if (offset === undefined) return { line: 1, column: 1 };
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  /** Position of the value at `path`, or of its nearest existing ancestor. */
  value(path: readonly PropertyKey[]): Position {
    return this.at(this.walk(path).node?.range?.[0]);
  }

  /** Position of the key `key` in the mapping at `path` (for unknown-key errors). */
  key(path: readonly PropertyKey[], key: string): Position {
    const { node, complete } = this.walk(path);
    if (complete && isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
      if (pair && isScalar(pair.key)) return this.at(pair.key.range?.[0]);
    }
    return this.at(node?.range?.[0]);
  }

  private walk(path: readonly PropertyKey[]): { node: Node | null | undefined; complete: boolean } {
    let node = this.doc.contents as Node | null;
    for (const seg of path) {
      let next: Node | null | undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        next = pair?.value as Node | null | undefined;
        if (pair && next == null) return { node: pair.key as Node, complete: false };
      } else if (isSeq(node) && typeof seg === "number") {
        next = node.items[seg] as Node | undefined;
      }
      if (next == null) return { node, complete: false };
      node = next;
    }
    return { node, complete: true };
  }
}

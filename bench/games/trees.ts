/**
 * Game generators for the benchmarks: random bimatrix games, poker-like trees (private types
 * dealt by chance, then a public betting tree) whose node count grows much faster than the
 * number of sequences, and complete binary perfect-information trees of a million nodes.
 */
import { CHANCE, DECISION, ExtensiveFormGame, type Infoset, type RawNode, TERMINAL } from "../../src/games/extensive-form.js";
import { bimatrixGame, type NormalFormGame } from "../../src/games/normal-form.js";
import { Rational } from "../../src/games/rational.js";

/** Deterministic generator (mulberry32) so every run measures the same games. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomBimatrix(n: number, seed: number): NormalFormGame {
  const rand = seeded(seed);
  const matrix = () => Array.from({ length: n }, () => Array.from({ length: n }, () => Math.floor(rand() * 100)));
  return bimatrixGame(matrix(), matrix(), `random ${n}x${n}`);
}

/**
 * Chance deals one of `types` private types to each player, then `depth` alternating binary
 * moves that both players see; each player knows her own type only.
 */
export function pokerLikeTree(types: number, depth: number, seed: number): ExtensiveFormGame {
  const rand = seeded(seed);
  const nodes: RawNode[] = [];
  const infosets: Infoset[] = [];
  const outcomes: { name: string; payoffs: Rational[] }[] = [];
  const infosetByKey = new Map<string, number>();
  const counts = [0, 0, 0];
  const infoset = (player: number, key: string, actions: string[], probs: Rational[] | null): number => {
    const full = `${player}|${key}`;
    let h = infosetByKey.get(full);
    if (h === undefined) {
      h = infosets.length;
      infosets.push({ index: h, player, number: ++counts[player], name: "", actions, probs, nodes: [] });
      infosetByKey.set(full, h);
    }
    return h;
  };
  const add = (kind: RawNode["kind"], h: number): void => {
    if (h >= 0) infosets[h].nodes.push(nodes.length);
    nodes.push({ kind, name: "", infoset: h, outcome: -1 });
  };
  const typeNames = Array.from({ length: types }, (_, t) => `t${t}`);
  const uniform = Array.from({ length: types }, () => Rational.of(1, types));
  const deal1 = infoset(0, "deal1", typeNames, uniform);
  add(CHANCE, deal1);
  for (let t1 = 0; t1 < types; t1++) {
    add(CHANCE, infoset(0, `deal2-${t1}`, typeNames, uniform));
    for (let t2 = 0; t2 < types; t2++) {
      const walk = (d: number, history: string): void => {
        if (d === depth) {
          const u = Math.floor(rand() * 21) - 10 + (t1 - t2);
          outcomes.push({ name: "", payoffs: [Rational.of(u), Rational.of(-u)] });
          nodes.push({ kind: TERMINAL, name: "", infoset: -1, outcome: outcomes.length - 1 });
          return;
        }
        const player = (d % 2) + 1;
        add(DECISION, infoset(player, `${player === 1 ? t1 : t2}/${history}`, ["a", "b"], null));
        walk(d + 1, `${history}a`);
        walk(d + 1, `${history}b`);
      };
      walk(0, "");
    }
  }
  return new ExtensiveFormGame(`poker-like ${types} types, depth ${depth}`, ["One", "Two"], nodes, infosets, outcomes);
}

/** Complete binary tree of the given depth: players alternate, every fourth level is a fair coin. */
export function binaryPerfectInformationTree(depth: number, seed: number): ExtensiveFormGame {
  const rand = seeded(seed);
  const nodes: RawNode[] = [];
  const infosets: Infoset[] = [];
  const outcomes: { name: string; payoffs: Rational[] }[] = [];
  const counts = [0, 0, 0];
  const half = [Rational.of(1, 2), Rational.of(1, 2)];
  const stack: number[] = [0];
  while (stack.length > 0) {
    const d = stack.pop()!;
    if (d === depth) {
      outcomes.push({ name: "", payoffs: [Rational.of(Math.floor(rand() * 100)), Rational.of(Math.floor(rand() * 100))] });
      nodes.push({ kind: TERMINAL, name: "", infoset: -1, outcome: outcomes.length - 1 });
      continue;
    }
    const player = d % 4 === 3 ? 0 : (d % 2) + 1;
    const h = infosets.length;
    infosets.push({ index: h, player, number: ++counts[player], name: "", actions: ["l", "r"], probs: player === 0 ? half : null, nodes: [nodes.length] });
    nodes.push({ kind: player === 0 ? CHANCE : DECISION, name: "", infoset: h, outcome: -1 });
    stack.push(d + 1, d + 1);
  }
  return new ExtensiveFormGame(`binary tree, depth ${depth}`, ["One", "Two"], nodes, infosets, outcomes);
}

/**
 * Building extensive-form games in code: describe the tree with `leaf`, `chance` and `decide`,
 * then `extensiveGame` numbers nodes, information sets and outcomes. Nodes that share a player
 * and an information-set label form one information set (the player cannot tell them apart).
 *
 *   extensiveGame({ players: ["Challenger", "Defender"], root:
 *     chance({ resolved: ["1/3", decide("Defender", "d", { fight: leaf([-1, 1]), yield: leaf([1, 0]) })],
 *              irresolute: ["2/3", decide("Defender", "d", { fight: leaf([-1, -1]), yield: leaf([1, 0]) })] }) })
 */
import { InputError } from "../errors.js";
import {
  CHANCE,
  DECISION,
  type EfgOutcome,
  ExtensiveFormGame,
  type Infoset,
  type RawNode,
  TERMINAL,
} from "./extensive-form.js";
import { Rational } from "./rational.js";

export type Value = number | string | Rational;

export interface LeafSpec {
  kind: "leaf";
  payoffs: Value[];
  name?: string;
}
export interface ChanceSpec {
  kind: "chance";
  branches: { action: string; prob: Value; next: TreeSpec }[];
  /** chance nodes with the same label share one chance information set */
  infoset?: string;
  name?: string;
}
export interface DecisionSpec {
  kind: "decision";
  /** player name, or 1-based player number */
  player: string | number;
  /** information-set label; omitted: the node is alone in its information set */
  infoset?: string;
  moves: { action: string; next: TreeSpec }[];
  name?: string;
}
export type TreeSpec = LeafSpec | ChanceSpec | DecisionSpec;

export function leaf(payoffs: Value[], name?: string): LeafSpec {
  return { kind: "leaf", payoffs, name };
}

/** Chance move: `{ action: [probability, subtree] }` or a list of `[action, probability, subtree]`. */
export function chance(
  branches: Record<string, [Value, TreeSpec]> | [string, Value, TreeSpec][],
  options: { infoset?: string; name?: string } = {},
): ChanceSpec {
  const list = Array.isArray(branches)
    ? branches.map(([action, prob, next]) => ({ action, prob, next }))
    : Object.entries(branches).map(([action, [prob, next]]) => ({ action, prob, next }));
  return { kind: "chance", branches: list, ...options };
}

/** A player's move: `{ action: subtree }` or a list of `[action, subtree]`. */
export function decide(
  player: string | number,
  infoset: string | undefined,
  moves: Record<string, TreeSpec> | [string, TreeSpec][],
  name?: string,
): DecisionSpec {
  const list = Array.isArray(moves)
    ? moves.map(([action, next]) => ({ action, next }))
    : Object.entries(moves).map(([action, next]) => ({ action, next }));
  return { kind: "decision", player, infoset, moves: list, name };
}

class TreeCompiler {
  readonly nodes: RawNode[] = [];
  readonly infosets: Infoset[] = [];
  readonly outcomes: EfgOutcome[] = [];
  private readonly labelled = new Map<string, number>();
  private readonly countPerPlayer: number[];

  constructor(readonly players: string[]) {
    this.countPerPlayer = new Array<number>(players.length + 1).fill(0);
  }

  playerNumber(player: string | number): number {
    if (typeof player === "number") {
      if (Number.isInteger(player) && player >= 1 && player <= this.players.length) return player;
    } else {
      const i = this.players.indexOf(player);
      if (i >= 0) return i + 1;
    }
    throw new InputError(`unknown player ${JSON.stringify(player)}; players are ${this.players.join(", ")}`);
  }

  infosetFor(player: number, label: string | undefined, actions: string[], probs: Rational[] | null): number {
    const key = label === undefined ? undefined : `${player}\u0000${label}`;
    const known = key === undefined ? undefined : this.labelled.get(key);
    if (known !== undefined) {
      const h = this.infosets[known];
      const same = h.actions.length === actions.length && h.actions.every((a, i) => a === actions[i]);
      if (!same) {
        throw new InputError(
          `information set "${label}" is used with actions [${h.actions.join(", ")}] and [${actions.join(", ")}]`,
        );
      }
      if (probs && h.probs && !probs.every((p, i) => p.equals(h.probs![i]))) {
        throw new InputError(`chance information set "${label}" is used with different probabilities`);
      }
      return known;
    }
    const index = this.infosets.length;
    const number = ++this.countPerPlayer[player];
    this.infosets.push({ index, player, number, name: label ?? "", actions, probs, nodes: [] });
    if (key !== undefined) this.labelled.set(key, index);
    return index;
  }

  /** Preorder walk with an explicit stack, so deep trees do not overflow the call stack. */
  compile(root: TreeSpec): void {
    const stack: TreeSpec[] = [root];
    while (stack.length > 0) {
      const spec = stack.pop()!;
      const index = this.nodes.length;
      if (spec.kind === "leaf") {
        if (spec.payoffs.length !== this.players.length) {
          throw new InputError(`a leaf has ${spec.payoffs.length} payoffs; the game has ${this.players.length} players`);
        }
        this.outcomes.push({ name: spec.name ?? "", payoffs: spec.payoffs.map(toRational) });
        this.nodes.push({ kind: TERMINAL, name: spec.name ?? "", infoset: -1, outcome: this.outcomes.length - 1 });
        continue;
      }
      const isChance = spec.kind === "chance";
      const entries = isChance ? spec.branches : spec.moves;
      if (entries.length === 0) throw new InputError("a chance or decision node needs at least one branch");
      const actions = entries.map((e) => e.action);
      const probs = isChance ? spec.branches.map((b) => checkedProbability(b.prob)) : null;
      if (probs && !probs.reduce((a, b) => a.add(b), Rational.ZERO).equals(Rational.ONE)) {
        throw new InputError(`chance probabilities ${probs.join(", ")} do not sum to 1`);
      }
      const player = isChance ? 0 : this.playerNumber(spec.player);
      const h = this.infosetFor(player, spec.infoset, actions, probs);
      this.infosets[h].nodes.push(index);
      this.nodes.push({ kind: isChance ? CHANCE : DECISION, name: spec.name ?? "", infoset: h, outcome: -1 });
      for (let i = entries.length - 1; i >= 0; i--) stack.push(entries[i].next);
    }
  }
}

function toRational(v: Value): Rational {
  try {
    return Rational.from(v);
  } catch {
    throw new InputError(`not a number: ${JSON.stringify(String(v))}`);
  }
}

function checkedProbability(v: Value): Rational {
  const p = toRational(v);
  if (p.sign() < 0 || p.cmp(Rational.ONE) > 0) throw new InputError(`chance probability ${p} is not in [0, 1]`);
  return p;
}

/** Compiles a tree description into a game; numbers, strings ("1/3") and Rationals are all exact. */
export function extensiveGame(spec: { title?: string; comment?: string; players: string[]; root: TreeSpec }): ExtensiveFormGame {
  if (spec.players.length === 0) throw new InputError("a game needs at least one player");
  const compiler = new TreeCompiler(spec.players);
  compiler.compile(spec.root);
  return new ExtensiveFormGame(
    spec.title ?? "",
    spec.players,
    compiler.nodes,
    compiler.infosets,
    compiler.outcomes,
    spec.comment ?? "",
  );
}

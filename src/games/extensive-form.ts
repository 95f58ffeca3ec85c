/**
 * Extensive-form games: a tree with chance and decision nodes, information sets, and outcomes
 * (payoff vectors that may sit on any node and add up along a play). Stored as flat arrays in
 * preorder (a parent's index is below its children's) so a million-node tree is cheap to walk.
 */
import { InputError } from "../errors.js";
import type { Field } from "./field.js";
import { Rational } from "./rational.js";

export const TERMINAL = 0;
export const CHANCE = 1;
export const DECISION = 2;

export interface Infoset {
  /** index in `game.infosets` */
  index: number;
  /** 0 for chance, 1..n for players */
  player: number;
  /** the number of this information set among its player's, as in Gambit files (1-based) */
  number: number;
  name: string;
  actions: string[];
  /** chance probabilities, `null` for a player's information set */
  probs: Rational[] | null;
  /** member nodes in preorder */
  nodes: number[];
}

export interface EfgOutcome {
  name: string;
  payoffs: Rational[];
}

/** One node as a reader or builder produces it, in preorder. */
export interface RawNode {
  kind: typeof TERMINAL | typeof CHANCE | typeof DECISION;
  name: string;
  /** index into the infoset list (ignored for terminal nodes) */
  infoset: number;
  /** index into the outcome list, −1 for none */
  outcome: number;
}

export class ExtensiveFormGame {
  readonly kind = "efg" as const;
  readonly nodeCount: number;
  readonly nodeKind: Uint8Array;
  readonly nodeName: string[];
  readonly nodeInfoset: Int32Array;
  readonly nodeOutcome: Int32Array;
  readonly parent: Int32Array;
  /** index of the action at the parent that leads here */
  readonly parentAction: Int32Array;
  /** children of v are childList[childStart[v] … childStart[v+1]−1], in action order */
  readonly childStart: Int32Array;
  readonly childList: Int32Array;
  /** playerInfosets[p]: infoset indices of player p (0 = chance) sorted by their number */
  readonly playerInfosets: number[][];

  constructor(
    readonly title: string,
    readonly players: string[],
    nodes: RawNode[],
    readonly infosets: Infoset[],
    readonly outcomes: EfgOutcome[],
    readonly comment = "",
  ) {
    const count = nodes.length;
    this.nodeCount = count;
    this.nodeKind = Uint8Array.from(nodes, (n) => n.kind);
    this.nodeName = nodes.map((n) => n.name);
    this.nodeInfoset = Int32Array.from(nodes, (n) => (n.kind === TERMINAL ? -1 : n.infoset));
    this.nodeOutcome = Int32Array.from(nodes, (n) => n.outcome);
    this.parent = new Int32Array(count).fill(-1);
    this.parentAction = new Int32Array(count).fill(-1);
    this.childStart = new Int32Array(count + 1);
    for (let v = 0; v < count; v++) {
      const h = this.nodeInfoset[v];
      this.childStart[v + 1] = this.childStart[v] + (h < 0 ? 0 : infosets[h].actions.length);
    }
    this.childList = new Int32Array(this.childStart[count]);
    // preorder: children follow their parent, each subtree contiguous
    const stack: number[] = [];
    const slotsFilled = new Int32Array(count);
    for (let v = 0; v < count; v++) {
      if (v > 0) {
        if (stack.length === 0) throw new RangeError("node list is not one tree in preorder");
        const p = stack[stack.length - 1];
        const a = slotsFilled[p]++;
        this.childList[this.childStart[p] + a] = v;
        this.parent[v] = p;
        this.parentAction[v] = a;
        if (a + 1 === this.childStart[p + 1] - this.childStart[p]) stack.pop();
      }
      if (this.childStart[v + 1] > this.childStart[v]) stack.push(v);
    }
    if (stack.length > 0) throw new RangeError("node list ends before the tree is complete");
    this.playerInfosets = players.map(() => []);
    this.playerInfosets.unshift([]);
    for (const h of infosets) this.playerInfosets[h.player].push(h.index);
    for (const list of this.playerInfosets) list.sort((a, b) => infosets[a].number - infosets[b].number);
  }

  get playerCount(): number {
    return this.players.length;
  }

  child(node: number, action: number): number {
    return this.childList[this.childStart[node] + action];
  }

  childCount(node: number): number {
    return this.childStart[node + 1] - this.childStart[node];
  }

  /** True when every information set holds one node (backward induction applies). */
  isPerfectInformation(): boolean {
    return this.infosets.every((h) => h.player === 0 || h.nodes.length === 1);
  }

  /**
   * Payoff vector accumulated from the root to each terminal node (outcomes on inner nodes add
   * up along the play); entry v·n + p, zero for inner nodes.
   */
  terminalPayoffs<T>(field: Field<T>): T[] {
    const n = this.playerCount;
    const acc = new Array<T>(this.nodeCount * n);
    const outcomeValues = this.outcomes.map((o) => o.payoffs.map((x) => field.fromRational(x)));
    for (let v = 0; v < this.nodeCount; v++) {
      const p = this.parent[v];
      const o = this.nodeOutcome[v];
      for (let i = 0; i < n; i++) {
        let x = p < 0 ? field.zero : acc[p * n + i];
        if (o >= 0) x = field.add(x, outcomeValues[o][i]);
        acc[v * n + i] = x;
      }
    }
    for (let v = 0; v < this.nodeCount; v++) {
      if (this.nodeKind[v] !== TERMINAL) for (let i = 0; i < n; i++) acc[v * n + i] = field.zero;
    }
    return acc;
  }
}

/** Where a player's sequences start: sequence 0 is empty, then one per (infoset, action). */
export interface SequenceIndex {
  /** per infoset: id of its first action's sequence (sequence of action a is base + a) */
  sequenceBase: Int32Array;
  /** per infoset: the sequence of its player that leads to it (perfect recall) */
  parentSequence: Int32Array;
  /** per player 1..n (index 0 unused): number of sequences including the empty one */
  sequenceCount: number[];
  /** per node and player: own sequence of that player on the path to the node, v·(n+1) + p */
  nodeSequence: Int32Array;
}

/**
 * Numbers every player's sequences and checks perfect recall: all nodes of an information set
 * must share their player's own history. Throws InputError naming the offending set otherwise.
 */
export function sequenceIndex(game: ExtensiveFormGame): SequenceIndex {
  const n = game.playerCount;
  const sequenceBase = new Int32Array(game.infosets.length);
  const sequenceCount = new Array<number>(n + 1).fill(1);
  for (let p = 1; p <= n; p++) {
    for (const h of game.playerInfosets[p]) {
      sequenceBase[h] = sequenceCount[p];
      sequenceCount[p] += game.infosets[h].actions.length;
    }
  }
  const stride = n + 1;
  const nodeSequence = new Int32Array(game.nodeCount * stride);
  const parentSequence = new Int32Array(game.infosets.length).fill(-1);
  for (let v = 0; v < game.nodeCount; v++) {
    const p = game.parent[v];
    if (p >= 0) {
      for (let i = 0; i <= n; i++) nodeSequence[v * stride + i] = nodeSequence[p * stride + i];
      const h = game.nodeInfoset[p];
      const mover = game.infosets[h].player;
      if (mover > 0) nodeSequence[v * stride + mover] = sequenceBase[h] + game.parentAction[v];
    }
    const h = game.nodeInfoset[v];
    if (h < 0) continue;
    const mover = game.infosets[h].player;
    if (mover === 0) continue;
    const own = nodeSequence[v * stride + mover];
    if (parentSequence[h] === -1) parentSequence[h] = own;
    else if (parentSequence[h] !== own) throw imperfectRecall(game, h);
  }
  return { sequenceBase, parentSequence, sequenceCount, nodeSequence };
}

function imperfectRecall(game: ExtensiveFormGame, h: number): InputError {
  const set = game.infosets[h];
  const label = set.name ? ` "${set.name}"` : "";
  return new InputError(
    `the game does not have perfect recall: information set ${set.number}${label} of ` +
      `${game.players[set.player - 1]} contains nodes reached through different own earlier moves`,
  );
}

/** Throws InputError unless the game has perfect recall. */
export function assertPerfectRecall(game: ExtensiveFormGame): void {
  sequenceIndex(game);
}

export function hasPerfectRecall(game: ExtensiveFormGame): boolean {
  try {
    sequenceIndex(game);
    return true;
  } catch (e) {
    if (e instanceof InputError) return false;
    throw e;
  }
}

/**
 * Gambit's extensive-game format (.efg, "EFG 2 R"): one line per node in preorder, `c` chance,
 * `p` player and `t` terminal nodes, with information sets and outcomes referred to by number.
 * Numbers stay exact; writing what was read gives the same game back.
 */
import {
  CHANCE,
  DECISION,
  type EfgOutcome,
  ExtensiveFormGame,
  type Infoset,
  type RawNode,
  TERMINAL,
} from "./extensive-form.js";
import { MAX_TABLE_ENTRIES, MAX_TREE_NODES } from "./limits.js";
import { readPlayers } from "./nfg-format.js";
import { Rational } from "./rational.js";
import { type Token, TokenReader, quote } from "./gambit-tokens.js";

const DECIMAL_SLACK = Rational.of(1n, 1_000_000n);

class EfgReader {
  readonly nodes: RawNode[] = [];
  readonly infosets: Infoset[] = [];
  private readonly infosetByKey = new Map<string, number>();
  private readonly outcomeByNumber = new Map<number, EfgOutcome>();

  constructor(
    readonly r: TokenReader,
    readonly players: string[],
    readonly exact: boolean,
  ) {}

  readTree(): void {
    let pending = 1;
    const maxNodes = Math.min(MAX_TREE_NODES, Math.floor(MAX_TABLE_ENTRIES / (this.players.length + 1)));
    while (pending > 0) {
      const t = this.r.peek();
      if (t.type === "end") throw this.r.error(t, `${pending} more node${pending === 1 ? "" : "s"} (the tree is incomplete)`);
      pending += this.readNode() - 1;
      if (this.nodes.length + pending > maxNodes) {
        throw this.r.errorAt(
          t,
          `the tree has more than ${maxNodes} nodes (at most ${MAX_TREE_NODES}, and nodes × (players + 1) at most ${MAX_TABLE_ENTRIES}); ` +
            "larger trees are not supported",
        );
      }
    }
    if (this.r.peek().type !== "end") throw this.r.error(this.r.peek(), "end of file after the last node of the tree");
  }

  /** Reads one node line; returns its number of children. */
  private readNode(): number {
    const r = this.r;
    const kindToken = r.expect("word", 'a node type "c", "p" or "t"');
    const name = r.string("the node name in quotes");
    if (kindToken.text === "t") {
      const outcome = this.readOutcome();
      this.nodes.push({ kind: TERMINAL, name, infoset: -1, outcome });
      return 0;
    }
    if (kindToken.text !== "c" && kindToken.text !== "p") throw r.error(kindToken, 'a node type "c", "p" or "t"');
    const isChance = kindToken.text === "c";
    let player = 0;
    if (!isChance) {
      const at = r.peek();
      player = r.integer("the player number");
      if (player < 1 || player > this.players.length) {
        throw r.errorAt(at, `player ${player} does not exist (the game has ${this.players.length})`);
      }
    }
    const infoset = this.readInfoset(player, isChance);
    const outcome = this.readOutcome();
    this.nodes.push({ kind: isChance ? CHANCE : DECISION, name, infoset, outcome });
    this.infosets[infoset].nodes.push(this.nodes.length - 1);
    return this.infosets[infoset].actions.length;
  }

  private readInfoset(player: number, isChance: boolean): number {
    const r = this.r;
    const at = r.peek();
    const number = r.integer("the information set number");
    const key = `${player}:${number}`;
    const known = this.infosetByKey.get(key);
    let name: string | undefined;
    let actions: string[] | undefined;
    let probs: Rational[] | undefined;
    if (r.peek().type === "string") name = r.next().text;
    if (r.peek().type === "{") {
      const listStart = r.peek();
      probs = [];
      actions = r.list("the list of actions", () => {
        const action = r.string("an action name in quotes");
        if (isChance) {
          const t = r.peek();
          const p = r.rational(`the probability of chance action "${action}"`);
          if (p.sign() < 0 || p.cmp(Rational.ONE) > 0) throw r.errorAt(t, `probability ${p} is not in [0, 1]`);
          probs!.push(p);
        }
        return action;
      });
      if (actions.length === 0) throw r.errorAt(listStart, "an information set needs at least one action");
      if (isChance) this.checkSum(probs, listStart);
    }
    if (known !== undefined) {
      const h = this.infosets[known];
      if (actions && (actions.length !== h.actions.length || actions.some((a, i) => a !== h.actions[i]))) {
        throw r.errorAt(at, `information set ${number} was defined with actions [${h.actions.join(", ")}]`);
      }
      if (isChance && probs && !probs.every((p, i) => p.equals(h.probs![i]))) {
        throw r.errorAt(at, `chance information set ${number} was defined with other probabilities`);
      }
      return known;
    }
    if (!actions) throw r.error(r.peek(), `the actions of information set ${number}, which appears here first`);
    const index = this.infosets.length;
    this.infosets.push({ index, player, number, name: name ?? "", actions, probs: isChance ? probs! : null, nodes: [] });
    this.infosetByKey.set(key, index);
    return index;
  }

  private checkSum(probs: Rational[], at: Token): void {
    const sum = probs.reduce((a, b) => a.add(b), Rational.ZERO);
    const off = sum.sub(Rational.ONE);
    const distance = off.sign() < 0 ? off.neg() : off;
    // decimal files ("D") write 1/3 as 0.333333, so their sums may miss 1 by rounding
    const ok = this.exact ? off.isZero() : distance.cmp(DECIMAL_SLACK) <= 0;
    if (!ok) throw this.r.errorAt(at, `chance probabilities sum to ${sum}, not 1`);
  }

  /** `0`, or an outcome number optionally followed by its name and payoffs. */
  private readOutcome(): number {
    const r = this.r;
    const at = r.peek();
    const number = r.integer("the outcome number (0 for none)");
    const hasDefinition = r.peek().type === "string";
    if (number === 0) {
      if (hasDefinition) throw r.errorAt(r.peek(), "outcome 0 means no outcome and cannot have payoffs");
      return -1;
    }
    if (hasDefinition) {
      const name = r.next().text;
      const payoffs = r.list("the payoffs of the outcome", () => r.rational("a payoff"));
      if (payoffs.length !== this.players.length) {
        throw r.errorAt(at, `outcome ${number} has ${payoffs.length} payoffs; the game has ${this.players.length} players`);
      }
      const known = this.outcomeByNumber.get(number);
      if (known && (known.name !== name || !known.payoffs.every((p, i) => p.equals(payoffs[i])))) {
        throw r.errorAt(at, `outcome ${number} was defined before with other payoffs`);
      }
      if (!known) this.outcomeByNumber.set(number, { name, payoffs });
    } else if (!this.outcomeByNumber.has(number)) {
      throw r.error(r.peek(), `the name and payoffs of outcome ${number}, which appears here first`);
    }
    return number;
  }

  /** Outcomes renumbered 1..k in the order of their file numbers; node references follow. */
  finishOutcomes(): EfgOutcome[] {
    const numbers = [...this.outcomeByNumber.keys()].sort((a, b) => a - b);
    const index = new Map(numbers.map((num, i) => [num, i]));
    for (const node of this.nodes) if (node.outcome > 0) node.outcome = index.get(node.outcome)!;
    return numbers.map((num) => this.outcomeByNumber.get(num)!);
  }
}

export function readEfg(text: string, file = "<efg>"): ExtensiveFormGame {
  const r = new TokenReader(text, file);
  r.expectWord("EFG");
  const version = r.expect("number", "format version 2");
  if (version.text !== "2") throw r.errorAt(version, `unsupported EFG version ${version.text} (expected 2)`);
  const type = r.expect("word", '"R" or "D"');
  if (type.text !== "R" && type.text !== "D") throw r.error(type, '"R" or "D"');
  const title = r.string("the game title in quotes");
  const players = readPlayers(r);
  const comment = r.peek().type === "string" ? r.next().text : "";
  const reader = new EfgReader(r, players, type.text === "R");
  reader.readTree();
  const outcomes = reader.finishOutcomes();
  return new ExtensiveFormGame(title, players, reader.nodes, reader.infosets, outcomes, comment);
}

/** The game as Gambit writes it: every node with its information set and outcome in full. */
export function writeEfg(game: ExtensiveFormGame): string {
  const lines: string[] = [];
  lines.push(`EFG 2 R ${quote(game.title)} { ${game.players.map(quote).join(" ")} }`);
  lines.push(quote(game.comment), "");
  const outcomeText = (o: number): string => {
    if (o < 0) return "0";
    const out = game.outcomes[o];
    return `${o + 1} ${quote(out.name)} { ${out.payoffs.join(", ")} }`;
  };
  for (let v = 0; v < game.nodeCount; v++) {
    const name = quote(game.nodeName[v]);
    const o = outcomeText(game.nodeOutcome[v]);
    const kind = game.nodeKind[v];
    if (kind === TERMINAL) {
      lines.push(`t ${name} ${o}`);
      continue;
    }
    const h = game.infosets[game.nodeInfoset[v]];
    const actions = h.actions.map((a, i) => (h.probs ? `${quote(a)} ${h.probs[i]}` : quote(a))).join(" ");
    const who = kind === CHANCE ? "c" : `p`;
    const player = kind === CHANCE ? "" : ` ${h.player}`;
    lines.push(`${who} ${name}${player} ${h.number} ${quote(h.name)} { ${actions} } ${o}`);
  }
  return `${lines.join("\n")}\n`;
}

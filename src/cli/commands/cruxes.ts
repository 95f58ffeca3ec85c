/**
 * `guarantor cruxes FILE`: the parameters whose value flips which of two options comes out
 * lower, with thresholds, bands and each perspective's prior mass on each side; optionally a
 * two-parameter map of the best option, and a search of pairs of parameters for flips no single one shows.
 */
import type { Command } from "commander";
import { InputError, UsageError } from "../../errors.js";
import { bestOptionMap, type BestOptionMap } from "../../analysis/crux-maps.js";
import { findCruxes, type Crux, type CruxReport } from "../../analysis/cruxes.js";
import { findPairCruxes, type PairCruxReport } from "../../analysis/pair-cruxes.js";
import { cellMap, formatNumber } from "../../analysis/text-charts.js";
import { loadScenarioFile } from "../../scenario/load.js";
import { parsePositiveInt, runAction } from "../action.js";
import { splitList } from "../evaluate-options.js";
import { progressBar } from "../progress.js";
import { addAnalysisFlags, parseOutcome, probeFromFlags, writeJson, type AnalysisFlags } from "./sensitivity.js";

interface Flags extends AnalysisFlags {
  options?: string;
  outcome?: string;
  perspective?: string;
  parameters?: string;
  grid?: string;
  map?: string | boolean;
  mapResolution?: string;
  all?: boolean;
  pairs?: string;
}

const percent = (x: number) => `${Math.round(100 * x)}%`;

function formatCrux(crux: Crux): string[] {
  const [a, b] = crux.options;
  const lines = [`${crux.parameter}${crux.clear ? "" : "  (not clear: the difference is within its noise on one side)"}`];
  for (const t of crux.thresholds) {
    lines.push(`  threshold ${formatNumber(t.value)}  (band ${formatNumber(t.band[0])} – ${formatNumber(t.band[1])})`);
  }
  for (const region of crux.regions) {
    const from = region.from === -Infinity ? "below" : `from ${formatNumber(region.from)}`;
    const to = region.to === Infinity ? "" : `${region.from === -Infinity ? "" : " "}to ${formatNumber(region.to)}`;
    const where = region.from === -Infinity ? `below ${formatNumber(region.to)}` : region.to === Infinity ? `above ${formatNumber(region.from)}` : `${from}${to}`;
    const shares = Object.entries(region.shares).map(([p, s]) => `${p} ${percent(s)}`).join(", ");
    lines.push(`  ${where}: ${region.lower} lower than ${region.lower === a ? b : a}   prior mass: ${shares}`);
  }
  return lines;
}

export function formatCruxes(report: CruxReport, all = false): string {
  const lines = [
    `Cruxes under "${report.perspective}" (${report.settingsEvaluated} settings × ${report.trajectoriesPerSetting} trajectories in ${report.batches} batches; ${report.parametersScanned.length} parameter${report.parametersScanned.length === 1 ? "" : "s"} scanned)`,
  ];
  for (const outcome of report.outcomes) {
    for (let i = 0; i < report.options.length; i++) {
      for (let j = i + 1; j < report.options.length; j++) {
        const [a, b] = [report.options[i], report.options[j]];
        const found = report.cruxes.filter((c) => c.outcome === outcome && c.options[0] === a && c.options[1] === b);
        lines.push("", `${a} vs ${b} on ${outcome}:`);
        if (found.length === 0) lines.push("  no single parameter flips their order over the scanned range of any parameter");
        const shown = all ? found : found.filter((c) => c.clear);
        for (const crux of shown) lines.push(...formatCrux(crux).map((l) => `  ${l}`));
        const hidden = found.filter((c) => !shown.includes(c));
        if (hidden.length > 0) {
          lines.push(`    also flipping, but within the noise on one side (--all to show; more --trajectories to settle): ${hidden.map((c) => c.parameter).join(", ")}`);
        }
      }
    }
  }
  return lines.join("\n");
}

export function formatMap(map: BestOptionMap): string {
  const symbols = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const symbolOf = (option: string) => symbols[map.options.indexOf(option)] ?? "?";
  const legend = map.options.map((o) => `${symbolOf(o)} = ${o}`).join(", ");
  return [
    `Best option by ${map.outcome} under "${map.perspective}": y = ${map.y.parameter}, x = ${map.x.parameter}`,
    `${legend}; lower case = not clearly better than the runner-up`,
    ...cellMap(map.x.values, map.y.values, (xi, yi) => {
      const cell = map.cells[yi][xi];
      const s = symbolOf(cell.best);
      return cell.clear ? s : s.toLowerCase();
    }),
  ].join("\n");
}

/** The two parameters of the leading cruxes (clear ones first), for a map without named axes. */
function leadingParameters(report: CruxReport): [string, string] {
  const names = [...new Set(report.cruxes.map((c) => c.parameter))];
  if (names.length < 2) {
    throw new InputError(`--map needs two crux parameters but found ${names.length === 0 ? "none" : `only ${names[0]}`}; name the axes with --map x,y`);
  }
  return [names[0], names[1]];
}

export function register(program: Command): void {
  addAnalysisFlags(
    program
      .command("cruxes")
      .description("the parameters whose value flips which of two options comes out lower, with thresholds and where each perspective stands")
      .argument("<file>", "scenario YAML file")
      .option("--options <ids>", "options to compare pairwise, comma-separated (default: all)")
      .option("--outcome <names>", "outcome(s) whose order is examined, comma-separated (default: loss)")
      .option("--perspective <id>", 'priors of the other parameters during the scan (default: "baseline")')
      .option("--parameters <names>", "parameters to scan, comma-separated (default: all uncertain ones)")
      .option("--grid <n>", "grid points per parameter (default 5)")
      .option("--map [x,y]", "also print a map of the best option over two parameters (alone: the two leading cruxes)")
      .option("--map-resolution <n>", "grid points per axis of the map (default 7)")
      .option("--all", "print every crux in full, also those not clear of the simulation noise")
      .option("--pairs <n>", "also pair the n parameters closest to a flip that do not flip alone, and report flips that need two of them (exactly two --options)"),
    800,
    4,
  ).action(
    runAction(async (file: string, flags: Flags) => {
      const scenario = loadScenarioFile(file);
      const probe = probeFromFlags(scenario, flags, { trajectories: 800, batches: 4 });
      const outcomes = (splitList(flags.outcome) ?? ["loss"]).map((o) => parseOutcome(o, "loss"));
      const named = typeof flags.map === "string" ? splitList(flags.map) : undefined;
      if (named && named.length !== 2) throw new UsageError(`--map takes two parameter names, x,y; got "${flags.map}"`);
      const listed = splitList(flags.options);
      if (flags.pairs !== undefined && listed?.length !== 2) throw new UsageError("--pairs compares exactly two options: give them with --options a,b");
      const pairOptions = flags.pairs !== undefined && listed ? ([listed[0], listed[1]] as [string, string]) : undefined;
      const bar = progressBar("cruxes");
      const report = await findCruxes(probe, {
        options: splitList(flags.options),
        outcomes,
        perspective: flags.perspective,
        parameters: splitList(flags.parameters),
        gridPoints: parsePositiveInt("--grid", flags.grid, 5),
        onProgress: (done, total) => bar.update({ done, total }),
      });
      const mapAxes = named ?? (flags.map === true ? leadingParameters(report) : undefined);
      let map: BestOptionMap | undefined;
      if (mapAxes) {
        map = await bestOptionMap(probe, {
          x: mapAxes[0],
          y: mapAxes[1],
          outcome: outcomes[0],
          options: splitList(flags.options),
          perspective: flags.perspective,
          resolution: parsePositiveInt("--map-resolution", flags.mapResolution, 7),
          onProgress: (done, total) => bar.update({ done, total }),
        });
      }
      let pairs: PairCruxReport | undefined;
      if (pairOptions) {
        pairs = await findPairCruxes(probe, {
          options: pairOptions,
          outcome: outcomes[0],
          perspective: flags.perspective,
          parameters: splitList(flags.parameters),
          candidates: parsePositiveInt("--pairs", flags.pairs, 6),
          gridPoints: parsePositiveInt("--grid", flags.grid, 5),
          onProgress: (done, total) => bar.update({ done, total }),
        });
      }
      bar.done();
      if (flags.json) writeJson({ ...report, ...(map ? { map } : {}), ...(pairs ? { pairs } : {}) });
      else process.stdout.write(formatCruxes(report, flags.all === true) + (map ? `\n\n${formatMap(map)}` : "") + (pairs ? `\n\n${formatPairs(pairs)}` : "") + "\n");
    }),
  );
}

export function formatPairs(report: PairCruxReport): string {
  const [a, b] = report.options;
  const lines = [
    `Pairs of parameters under "${report.perspective}" (${report.settingsEvaluated} settings): ${a} vs ${b} on ${report.outcome}, pairing ${report.candidates.join(", ")}`,
  ];
  if (report.singleFlips.length > 0) lines.push(`  alone, these flip the order: ${report.singleFlips.join(", ")}`);
  if (report.cruxes.length === 0) lines.push("  no pair of them flips the order on its grid");
  for (const crux of report.cruxes) {
    const shares = (option: string) => Object.entries(crux.shares).map(([p, s]) => `${p} ${percent(s[option])}`).join(", ");
    lines.push(`  ${crux.parameters[0]} × ${crux.parameters[1]}${crux.clear ? "" : "  (not clear of the noise)"}`);
    lines.push(`    ${a} lower: prior mass ${shares(a)}`, `    ${b} lower: prior mass ${shares(b)}`);
  }
  return lines.join("\n");
}

/**
 * How results are shown: outcome estimates with their standard errors, tables per perspective,
 * the ranking, and CSV. Every number carries its uncertainty.
 */
import { lossTerms, lossWeightsOf, sameLossWeights } from "../contract/loss.js";
import type { Estimate, EvaluationResult, OutcomeName } from "../contract/result.js";
import { OUTCOMES } from "../contract/outcomes.js";
import { renderTable } from "./table.js";

export function formatEstimate(e: Estimate, kind: "probability" | "months" | "count" | "index"): string {
  if (!Number.isFinite(e.mean)) return "—";
  const digits = kind === "probability" || kind === "index" ? 3 : kind === "months" ? 1 : 2;
  const se = Number.isFinite(e.se) ? e.se.toFixed(digits === 1 ? 1 : 3) : "?";
  return `${e.mean.toFixed(digits)}±${se}`;
}

const TABLE_COLUMNS: { name: OutcomeName; head: string }[] = [
  { name: "p_accept", head: "accept" },
  { name: "p_war_resumes_2y", head: "war≤2y*" },
  { name: "p_war_resumes_5y", head: "war≤5y*" },
  { name: "p_war_resumes_horizon", head: "war≤H*" },
  { name: "expected_war_months", head: "war months" },
  { name: "p_direct_guarantor_war", head: "direct war" },
  { name: "p_nuclear_use", head: "nuclear" },
  { name: "p_sphere_at_horizon", head: "sphere" },
  { name: "expected_crises", head: "crises" },
  { name: "p_guarantor_backs_down", head: "backs down" },
  { name: "loss", head: "loss" },
];

/** One table per perspective, options ranked by expected loss. */
export function formatComparison(r: EvaluationResult): string {
  const kindOf = new Map(OUTCOMES.map((o) => [o.name, o.kind]));
  const parts: string[] = [];
  parts.push(
    `${r.scenario} — ${r.trajectories.toLocaleString("en-US")} trajectories per option and perspective, horizon ${r.horizon_years} years, seed ${r.seed}`,
  );
  parts.push("mean ± standard error; * = among accepted settlements, clock from the settlement; other columns over all trajectories");
  parts.push(`loss = ${lossTerms(r.loss_weights)} (lower is better)`);
  for (const p of r.perspectives) {
    const ranking = r.ranking.find((x) => x.perspective === p.id)!;
    const rows = ranking.order.map((entry) => {
      const res = r.results.find((x) => x.perspective === p.id && x.option === entry.option)!;
      return [String(entry.rank), entry.option, ...TABLE_COLUMNS.map((c) => formatEstimate(res.outcomes[c.name], kindOf.get(c.name)!))];
    });
    parts.push("");
    parts.push(`▍${p.label} (${p.id}) — ${p.source}`);
    const own = lossWeightsOf(r, p.id);
    if (!sameLossWeights(own, r.loss_weights)) parts.push(`this perspective's own loss = ${lossTerms(own)}`);
    parts.push(renderTable(["#", "option", ...TABLE_COLUMNS.map((c) => c.head)], rows, [1]));
  }
  if (r.perspectives.length > 1) {
    parts.push("");
    parts.push("▍Rank of each option under each perspective (1 = lowest expected loss)");
    const rows = r.options.map((o) => [
      o.id,
      ...r.perspectives.map((p) => {
        const e = r.ranking.find((x) => x.perspective === p.id)!.order.find((x) => x.option === o.id)!;
        return `${e.rank} (${e.loss.mean.toFixed(2)}±${e.loss.se.toFixed(2)})`;
      }),
    ]);
    parts.push(renderTable(["option", ...r.perspectives.map((p) => p.id)], rows));
  }
  return parts.join("\n");
}

/** Every outcome of each option under one perspective, one row per outcome. */
export function formatRun(r: EvaluationResult): string {
  const parts = [`${r.scenario} — ${r.trajectories.toLocaleString("en-US")} trajectories, horizon ${r.horizon_years} years, seed ${r.seed}`];
  for (const p of r.perspectives) {
    const res = r.results.filter((x) => x.perspective === p.id);
    parts.push("");
    parts.push(`▍${p.label} (${p.id}) — ${p.source}`);
    const rows = OUTCOMES.map((o) => [
      `${o.label}${o.conditionalOnAcceptance ? " *" : ""}`,
      ...res.map((x) => formatEstimate(x.outcomes[o.name], o.kind)),
    ]);
    parts.push(renderTable(["outcome", ...res.map((x) => x.option)], rows));
  }
  parts.push("");
  parts.push("mean ± standard error; * = among accepted settlements, clock from the settlement");
  return parts.join("\n");
}

export function toCsv(r: EvaluationResult): string {
  const lines = ["option,perspective,outcome,mean,se"];
  for (const x of r.results)
    for (const o of OUTCOMES) {
      const e = x.outcomes[o.name];
      lines.push(`${x.option},${x.perspective},${o.name},${e.mean},${e.se}`);
    }
  return lines.join("\n") + "\n";
}

/** JSON with non-finite numbers as null (JSON has no NaN). */
export function toJson(r: EvaluationResult | (EvaluationResult & { audit: unknown })): string {
  return JSON.stringify(r, (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2);
}

/**
 * `guarantor cases`: runs every case of the library (scenarios/cases/) through the model under each
 * perspective of the bundled scenario and scores each perspective's retrodictions against what
 * happened (Brier, log score, reliability). A thin adapter over src/evidence/cases/.
 */
import type { Command } from "commander";
import type { CasesAnswer, PerspectiveScore } from "../../contract/cases.js";
import { UsageError } from "../../errors.js";
import { loadCaseLibrary } from "../../evidence/cases/library.js";
import { retrodictCases } from "../../evidence/cases/retrodict.js";
import { loadBaseModel, runCaseJob } from "../../evidence/cases/run.js";
import { parsePositiveInt, runAction } from "../action.js";
import { progressBar } from "../progress.js";
import { queueFromFlag, REDIS_HELP } from "../queue-option.js";
import { fmt, table } from "./evidence.js";

interface CasesFlags {
  perspectives?: string;
  only?: string;
  seed: string;
  trajectories: string;
  workers?: string;
  redis?: string;
  json?: boolean;
}

export const CASES_DEFAULTS = { seed: 20251, trajectories: 1000 } as const;

export function register(program: Command): void {
  program
    .command("cases")
    .description("run the case library through the model under each perspective and score the retrodictions against what happened")
    .option("--perspectives <ids>", "comma-separated perspectives of the bundled scenario (default: all, with baseline)")
    .option("--only <ids>", "comma-separated case ids (default: every case of scenarios/cases/)")
    .option("--seed <n>", "simulator seed", String(CASES_DEFAULTS.seed))
    .option("--trajectories <n>", "trajectories per case and perspective", String(CASES_DEFAULTS.trajectories))
    .option("--workers <n>", "worker threads per simulation (the numbers do not depend on it)", "1")
    .option("--redis <url>", REDIS_HELP)
    .option("--json", "print JSON")
    .action(runAction(async (flags: CasesFlags) => {
      const seed = Number(flags.seed);
      if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed expects a non-negative integer, got "${flags.seed}"`);
      const trajectories = parsePositiveInt("--trajectories", flags.trajectories, CASES_DEFAULTS.trajectories);
      const workers = parsePositiveInt("--workers", flags.workers, 1);
      const executor = queueFromFlag(flags.redis)?.executor;
      const base = loadBaseModel();
      let cases = loadCaseLibrary();
      if (flags.only) {
        const wanted = flags.only.split(",").map((s) => s.trim());
        const unknown = wanted.filter((id) => !cases.some((c) => c.id === id));
        if (unknown.length > 0) throw new UsageError(`--only: unknown case ${unknown.map((u) => `"${u}"`).join(", ")}; the library has ${cases.map((c) => c.id).join(", ")}`);
        cases = cases.filter((c) => wanted.includes(c.id));
      }
      const perspectives = flags.perspectives?.split(",").map((s) => s.trim()).filter((s) => s !== "");
      const bar = progressBar("cases");
      const answer = await retrodictCases({
        cases, base, perspectives, seed, trajectories,
        runJob: (job) => runCaseJob(job, base, { workers, executor }),
        onProgress: (done, total) => bar.update({ done, total }),
      });
      bar.done();
      process.stdout.write(flags.json ? `${JSON.stringify(answer, null, 2)}\n` : `${renderCases(answer)}\n`);
    }));
}

const est = (e: { mean: number; stdErr: number }, d = 3) => `${fmt(e.mean, d)} ± ${fmt(e.stdErr, d)}`;

export function renderCases(answer: CasesAnswer): string {
  const out = [`Case library: ${answer.cases.length} cases × ${answer.perspectives.length} perspectives`, answer.note, ""];
  out.push("Scores per perspective (lower is better; mean over cases ± SE over cases):");
  out.push(table(["perspective", "cases", "forecasts", "Brier ± SE", "log score ± SE", `Δ Brier vs ${answer.reference.perspective} ± SE (paired)`],
    [...answer.scores, answer.reference].map((s) => [s.perspective, String(s.cases), String(s.forecasts), est(s.brier), est(s.logScore), s.brierVersusReference ? est(s.brierVersusReference) : "—"])));
  out.push(`(${answer.reference.perspective}: ${answer.reference.label}, a reference without the model)`);
  out.push("", "By question (Brier ± SE over the cases that coded it):");
  const questions = answer.questions.filter((q) => answer.scores.some((s) => s.byQuestion.some((b) => b.question === q.id)));
  const withReference = [...answer.scores, answer.reference];
  out.push(table(["question", "n (yes)", ...withReference.map((s) => s.perspective)], questions.map((q) => {
    const first = answer.scores.map((s) => s.byQuestion.find((b) => b.question === q.id)).find((b) => b !== undefined);
    return [q.label, first ? `${first.n} (${first.events})` : "—", ...withReference.map((s) => {
      const b = s.byQuestion.find((x) => x.question === q.id);
      return b ? est(b.brier) : "—";
    })];
  })));
  out.push("", "Per case (Brier over the case's questions; outcome: renewed war date or none):");
  out.push(table(["case", "outcome", ...answer.scores.map((s) => s.perspective)], answer.cases.map((c) => [
    c.id, c.renewedWar ?? "none",
    ...answer.scores.map((s) => fmt(s.perCase.find((p) => p.case === c.id)?.brier ?? Number.NaN, 3)),
  ])));
  out.push("", "Forecasts of renewed war within the observed window (war?: what happened, 1 = renewed war):");
  out.push(table(["case", "war?", ...answer.scores.map((s) => s.perspective)], answer.cases.map((c) => [
    c.id, c.renewedWar ? "1" : "0",
    ...answer.scores.map((s) => {
      const f = answer.runs.find((r) => r.case === c.id && r.perspective === s.perspective)?.forecasts.find((x) => x.question === "war_in_window");
      return f ? fmt(f.forecast, 2) : "—";
    }),
  ])));
  for (const s of answer.scores) out.push("", `reliability diagram, ${s.perspective} (all forecasts):`, reliability(s));
  return out.join("\n");
}

function reliability(s: PerspectiveScore): string {
  const width = 40;
  return s.reliability.map((b) => {
    const bar = Array<string>(width + 1).fill("·");
    bar[Math.round(b.meanForecast * width)] = "│";
    bar[Math.round(b.observedFrequency * width)] = "●";
    return `  ${b.lower.toFixed(1)}–${b.upper.toFixed(1)}  n=${String(b.count).padStart(3)}  ${bar.join("")}  forecast ${fmt(b.meanForecast, 2)}, observed ${fmt(b.observedFrequency, 2)} ± ${fmt(b.observedStdErr, 2)}`;
  }).join("\n");
}

/**
 * `guarantor cases` as a library call: every case of the library under every chosen perspective
 * (one job each, in a fixed order), then the scores (docs/EVIDENCE.md §8). Jobs are handed to a
 * runner, inline by default, so they can be dispatched elsewhere; results are put back in job
 * order, so the answer depends only on the seed and the trajectory count.
 */
import { CASE_QUESTIONS, type CaseRun, type CasesAnswer, type CaseSummary } from "../../contract/cases.js";
import { InputError } from "../../errors.js";
import { describeCommitment } from "./design.js";
import type { GuaranteeCase } from "./library.js";
import { runCaseJob, type BaseModel, type CaseJob } from "./run.js";
import { REFERENCE_ID, referenceRuns, scorePerspective, withPairedDifferences } from "./score.js";

export interface RetrodictOptions {
  cases: readonly GuaranteeCase[];
  base: BaseModel;
  /** perspective ids (default: all of the bundled scenario's, the baseline first) */
  perspectives?: readonly string[];
  seed: number;
  trajectories: number;
  /** runs one job; default: inline in this process */
  runJob?: (job: CaseJob) => Promise<CaseRun>;
  /** at most this many jobs at once (default 1) */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

export function summariseCase(c: GuaranteeCase): CaseSummary {
  const option = c.scenario.options.find((o) => o.id === c.case.settlement.option);
  const war = c.case.outcome.renewed_war;
  return {
    id: c.id,
    title: c.title,
    settlementDate: c.case.settlement.date,
    instrument: c.case.settlement.instrument,
    option: option?.label ?? c.case.settlement.option,
    design: (option?.commitments ?? []).map(describeCommitment),
    observedTo: c.case.observed_to,
    renewedWar: war.occurred ? war.date : null,
    monthsToWar: war.occurred ? war.months_after_settlement : null,
    intervention: c.case.outcome.guarantor_intervention,
    alignmentAt5Years: c.case.outcome.alignment.at_5_years,
  };
}

export async function retrodictCases(options: RetrodictOptions): Promise<CasesAnswer> {
  const { cases, base, seed, trajectories } = options;
  if (cases.length === 0) throw new InputError("cases: the case library is empty");
  const chosen = options.perspectives ?? base.perspectives.map((p) => p.id);
  const perspectives = chosen.map((id) => {
    const p = base.perspectives.find((x) => x.id === id);
    if (!p) throw new InputError(`unknown perspective "${id}"; the bundled scenario has ${base.perspectives.map((x) => x.id).join(", ")}`);
    return p;
  });
  const jobs: CaseJob[] = perspectives.flatMap((p) => cases.map((c) => ({ case: c, perspective: p.id, seed, trajectories })));
  const runJob = options.runJob ?? ((job: CaseJob) => runCaseJob(job, base));
  const runs: CaseRun[] = new Array<CaseRun>(jobs.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      runs[index] = await runJob(jobs[index]);
      options.onProgress?.(++done, jobs.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 1, jobs.length)) }, worker));
  const reference = scorePerspective({ id: REFERENCE_ID, label: "each question's frequency among the other cases" }, referenceRuns(runs));
  return {
    seed,
    trajectories,
    questions: CASE_QUESTIONS.map((q) => ({ id: q.id, label: q.label })),
    perspectives,
    cases: cases.map(summariseCase),
    runs,
    scores: withPairedDifferences(perspectives.map((p) => scorePerspective(p, runs)), reference),
    reference,
    note:
      `Each case's actors and agreed design with the bundled scenario's priors and mechanisms, under each perspective's overrides; ` +
      `${trajectories.toLocaleString("en-US")} trajectories per case and perspective (seed ${seed}); forecasts given the settlement was accepted. ` +
      `Overall scores are means over cases of each case's mean over its questions, with SEs over cases; the reference forecasts each question's frequency among the other cases (docs/EVIDENCE.md §8).`,
  };
}

/**
 * GET /api/evidence/cases: the case library run through the model under every perspective of the
 * bundled scenario and scored against what happened (docs/EVIDENCE.md §8). A thin adapter over
 * src/evidence/cases/; each answer is computed once per trajectory count and kept, and the
 * server yields between jobs so that other requests are answered meanwhile.
 */
import type { Hono } from "hono";
import type { CasesAnswer } from "../contract/cases.js";
import { loadCaseLibrary } from "../evidence/cases/library.js";
import { retrodictCases } from "../evidence/cases/retrodict.js";
import { loadBaseModel, runCaseJob } from "../evidence/cases/run.js";
import { choiceParam, readQuery } from "./query.js";

/** The page's settings (`guarantor cases --seed 20251 --trajectories N` gives the same numbers). */
export const CASES_SEED = 20251;
export const CASES_TRAJECTORIES = ["300", "100", "1000"] as const;

export function registerCasesApi(app: Hono): void {
  const answers = new Map<string, Promise<CasesAnswer>>();
  app.get("/api/evidence/cases", async (c) => {
    const query = readQuery(c, ["trajectories"]);
    const trajectories = choiceParam(query, "trajectories", CASES_TRAJECTORIES, CASES_TRAJECTORIES[0]);
    let answer = answers.get(trajectories);
    if (!answer) {
      const base = loadBaseModel();
      answer = retrodictCases({
        cases: loadCaseLibrary(), base, seed: CASES_SEED, trajectories: Number(trajectories),
        runJob: async (job) => {
          await new Promise((resolve) => setImmediate(resolve));
          return runCaseJob(job, base);
        },
      });
      // a failed computation is not kept: the next request tries again
      answer.catch(() => answers.delete(trajectories));
      answers.set(trajectories, answer);
    }
    return c.json(await answer);
  });
}

/**
 * A fuzz property over the HTTP API: malformed bodies, wrong types, huge and non-finite numbers,
 * unknown keys, odd content types and ids, sent to every route. The property: no answer is a 5xx
 * and none carries a stack trace. The simulator is the fake engine (fast), so the property tests
 * the HTTP layer, the schemas and the job queues, not the scenario loader.
 * `fuzzHttpApi(runs)` returns counts for a long run (`npm run fuzz`); the test runs it small.
 */
import fc from "fast-check";
import type { FuzzTarget } from "./target.js";
import { AnalysisJobs } from "../../src/server/analysis-jobs.js";
import { createApp } from "../../src/server/app.js";
import { RunManager } from "../../src/server/run-manager.js";
import { RunStore } from "../../src/store/run-store.js";
import { FAKE_SCENARIO, fakeEngine, fakeValidate } from "../server/fake-engine.js";

export interface HttpFuzzCounts {
  tried: number;
  /** 2xx and 3xx answers */
  accepted: number;
  /** 4xx answers: refused with a message */
  refused: number;
  /** 5xx answers or stack traces: each is a bug */
  crashed: number;
  /** requests that did not answer within the time allowed */
  hung: number;
  /** the first few failures, for the report */
  failures: string[];
}

const ID = "00000000-0000-4000-8000-000000000000";
const ROUTES: [string, string][] = [
  ["POST", "/api/validate"],
  ["POST", "/api/runs"],
  ["GET", "/api/runs"],
  ["GET", `/api/runs/${ID}`],
  ["DELETE", `/api/runs/${ID}`],
  ["POST", `/api/runs/${ID}/cancel`],
  ["POST", `/api/runs/${ID}/rerun`],
  ["GET", `/api/runs/${ID}/events`],
  ["GET", `/api/runs/${ID}/export.csv`],
  ["POST", "/api/analyses/sensitivity"],
  ["POST", "/api/analyses/cruxes"],
  ["GET", `/api/analyses/${ID}`],
  ["DELETE", `/api/analyses/${ID}`],
  ["POST", `/api/analyses/${ID}/cancel`],
  ["GET", "/api/evidence/survival"],
  ["POST", "/api/evidence/backtest"],
  ["GET", "/api/info"],
];

const KEYS = ["scenario", "seed", "trajectories", "options", "perspectives", "method", "option", "versus", "outcome", "perspective", "parameters", "map", "mapResolution", "gridPoints", "baseSamples", "morrisTrajectories", "bootstrap", "__proto__", "constructor", "toString"];

const weirdNumber = fc.oneof(
  fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 32, 2 ** 53, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2),
  fc.double(),
  fc.integer(),
);
const weirdValue = fc.oneof(
  weirdNumber,
  fc.string({ maxLength: 40 }),
  fc.constantFrom(FAKE_SCENARIO, "bad\n", "", "morris", "sobol", "loss", "a", "b", "p", "moral_hazard", null, true),
  fc.array(fc.oneof(fc.string({ maxLength: 10 }), weirdNumber, fc.constantFrom("a", "b", "p")), { maxLength: 5 }),
  fc.jsonValue({ maxDepth: 2 }),
);
const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...KEYS), weirdValue, { maxKeys: 8 }).map((o) => JSON.stringify(o)),
  fc.record({ scenario: fc.constant(FAKE_SCENARIO) }, { requiredKeys: [] }).chain((base) => fc.dictionary(fc.constantFrom(...KEYS), weirdValue, { maxKeys: 4 }).map((extra) => JSON.stringify({ ...base, ...extra }))),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 60 }),
  fc.constantFrom("", "{", "null", "[]", '{"scenario":', "\u0000", '{"seed":1e999}', '{"__proto__":{"x":1}}'),
);
const contentType = fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain", "", "application/x-www-form-urlencoded", "APPLICATION/JSON");
const pathTail = fc.oneof(fc.constant(""), fc.constantFrom("?x=1", "?data=nope", "?by=__proto__", "/..%2F..", "%00", "?where=a=1&where=b=0"));

const request = fc.record({
  route: fc.constantFrom(...ROUTES),
  body,
  contentType,
  tail: pathTail,
});

const STACK = /\bat .*\.(ts|js):\d+|internal error/;

type FuzzRequest = typeof request extends fc.Arbitrary<infer R> ? R : never;

/** The app under test, with an in-memory store and a fake engine (the HTTP layer, not the model). */
function makeApp() {
  const store = new RunStore(":memory:");
  const engine = fakeEngine({ msPerStep: 0, steps: 1 });
  const manager = new RunManager(store, engine, { programVersion: "fuzz", maxPending: 1_000_000, timeLimitSeconds: 5 });
  const analyses = new AnalysisJobs(async () => ({ kind: "cruxes", report: {} as never, map: null, mapNote: null }), { pending: 1_000_000, kept: 16, validate: fakeValidate });
  const app = createApp({ engine, store, runs: manager, staticFiles: new Map(), defaultScenario: { name: "fake", text: FAKE_SCENARIO }, programVersion: "fuzz", analyses });
  return { app, store, manager, analyses };
}

/** Sends one request: its status and body, or null when no answer came within 10 s. */
async function send(app: ReturnType<typeof makeApp>["app"], { route: [method, path], body: text, contentType: type, tail }: FuzzRequest) {
  const init: RequestInit = { method, headers: type ? { "content-type": type } : {} };
  if (method !== "GET") init.body = text;
  return Promise.race([
    Promise.resolve(app.request(`http://127.0.0.1${path}${tail}`, init)).then(async (res) => ({ status: res.status, text: path.endsWith("/events") ? "" : await res.text() })),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000).unref()),
  ]);
}

export async function fuzzHttpApi(runs: number, seed?: number): Promise<HttpFuzzCounts> {
  const { app, store, manager, analyses } = makeApp();
  const counts: HttpFuzzCounts = { tried: 0, accepted: 0, refused: 0, crashed: 0, hung: 0, failures: [] };
  const stderr = process.stderr.write;
  // a 500 logs its cause to stderr: counted here, not printed
  process.stderr.write = () => true;
  try {
    await fc.assert(
      fc.asyncProperty(request, async (req) => {
        const { route: [method, path], body: text, contentType: type, tail } = req;
        counts.tried++;
        const answer = await send(app, req);
        if (answer === null) {
          counts.hung++;
          counts.failures.push(`hung: ${method} ${path}${tail} ${text.slice(0, 200)}`);
          return false;
        }
        if (answer.status >= 500 || STACK.test(answer.text)) {
          counts.crashed++;
          if (counts.failures.length < 5) counts.failures.push(`${answer.status}: ${method} ${path}${tail} ${type} ${text.slice(0, 200)} → ${answer.text.slice(0, 200)}`);
          return false;
        }
        if (answer.status >= 400) counts.refused++;
        else counts.accepted++;
        return true;
      }),
      { numRuns: runs, endOnFailure: true, ...(seed !== undefined ? { seed } : {}) },
    ).catch(() => {
      // the counts and failures say what went wrong
    });
    await manager.idle();
    await analyses.idle();
  } finally {
    process.stderr.write = stderr;
    store.close();
  }
  return counts;
}

let shared: ReturnType<typeof makeApp> | undefined;

/** The HTTP target of `npm run fuzz`: a case is one request; a 5xx, a stack trace or no answer throws. */
export const target: FuzzTarget<FuzzRequest> = {
  cases: request,
  async check(req) {
    shared ??= makeApp();
    const answer = await send(shared.app, req);
    if (answer === null) throw new Error(`no answer within 10 s to ${req.route.join(" ")}${req.tail}`);
    if (answer.status >= 500 || STACK.test(answer.text)) throw new Error(`${answer.status} → ${answer.text.slice(0, 200)}`);
    return answer.status >= 400 ? "refused" : "accepted";
  },
};

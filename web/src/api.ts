/**
 * The browser's client of the local HTTP API: typed calls, errors as ApiFailure with the server's
 * message (and scenario problems), and run progress from server-sent events. The request and
 * answer types are the shared contract's (src/contract/api.ts).
 */
import type { Progress, RunRecord, RunRequest, RunSummary, ScenarioProblem, ValidationOutcome } from "../../src/contract/api.js";

export type { ScenarioProblem, ValidationOutcome, RunSummary, RunRecord, RunRequest };

export class ApiFailure extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly problems: ScenarioProblem[] = [],
  ) {
    super(message);
  }
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, init);
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => ({ error: `the server answered ${res.status}` }))) as {
    error?: string;
    problems?: ScenarioProblem[];
  };
  if (!res.ok) throw new ApiFailure(body.error ?? `the server answered ${res.status}`, res.status, body.problems);
  return body as T;
}

/** GET a JSON answer; a 4xx or 5xx becomes an ApiFailure with the server's message. */
export const getJson = <T>(path: string): Promise<T> => call<T>(path);

export const postJson = <T>(path: string, body: unknown) =>
  call<T>(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

export const api = {
  defaultScenario: () => call<{ name: string; text: string }>("/api/scenarios/default"),
  validate: (scenario: string) => postJson<ValidationOutcome>("/api/validate", { scenario }),
  startRun: (request: RunRequest) => postJson<RunSummary>("/api/runs", request),
  rerun: (id: string) => postJson<RunSummary>(`/api/runs/${encodeURIComponent(id)}/rerun`, {}),
  run: (id: string) => call<RunRecord>(`/api/runs/${encodeURIComponent(id)}`),
  runs: () => call<{ runs: RunSummary[] }>("/api/runs"),
  /** deletes an ended run; a waiting or running one is a 409 (cancel it first) */
  deleteRun: (id: string) => call<void>(`/api/runs/${encodeURIComponent(id)}`, { method: "DELETE" }),
  /** cancels a waiting or running run (the answer is the run, status "cancelled"); never deletes: an ended run is a 409 */
  cancelRun: (id: string) => call<RunSummary>(`/api/runs/${encodeURIComponent(id)}/cancel`, { method: "POST" }),
  /** cancels a waiting or running analysis; never forgets it: an ended one is a 409 */
  cancelAnalysis: (id: string) => call<{ id: string; kind: string; status: string }>(`/api/analyses/${encodeURIComponent(id)}/cancel`, { method: "POST" }),
  exportUrl: (id: string, format: "csv" | "json") => `/api/runs/${encodeURIComponent(id)}/export.${format}`,
};

/** A cancel that came too late: the job had already ended, and its end event says how. */
export const alreadyEnded = (e: unknown): boolean => e instanceof ApiFailure && e.status === 409;

/** Follows a run's progress until it ends; resolves with how it ended. */
export function watchRun(id: string, onProgress: (p: Progress) => void): Promise<{ status: string; error: string | null }> {
  return watchEvents(`/api/runs/${encodeURIComponent(id)}`, onProgress);
}

/** Follows the progress events of a run or an analysis at `base` + "/events"; if the stream breaks, asks `base` how it stands. */
export function watchEvents(base: string, onProgress: (p: Progress) => void): Promise<{ status: string; error: string | null }> {
  return new Promise((resolve) => {
    const source = new EventSource(`${base}/events`);
    source.addEventListener("progress", (e) => onProgress(JSON.parse((e as MessageEvent<string>).data) as Progress));
    source.addEventListener("end", (e) => {
      source.close();
      resolve(JSON.parse((e as MessageEvent<string>).data) as { status: string; error: string | null });
    });
    source.onerror = () => {
      // the stream broke (server gone): ask the run itself how it stands
      source.close();
      call<{ status: string; error: string | null }>(base).then(
        (run) => resolve({ status: run.status, error: run.error }),
        (e: Error) => resolve({ status: "failed", error: `lost contact with the server: ${e.message}` }),
      );
    };
  });
}

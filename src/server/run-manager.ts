/**
 * Runs evaluations one at a time in submission order, records each in the run store and tells
 * listeners how far each has got. Knows nothing of HTTP: the API reads and subscribes here.
 */
import { InputError } from "../errors.js";
import { Listeners } from "./listeners.js";
import type { Progress } from "../contract/result.js";
import type { RunStore, RunSummary } from "../store/run-store.js";
import type { Engine, EvaluationRequest, ScenarioProblem } from "./engine.js";

export type RunEvent =
  | { type: "progress"; progress: Progress }
  | { type: "end"; status: "finished" | "failed"; error: string | null };

type Listener = (event: RunEvent) => void;

export interface RunManagerOptions {
  programVersion: string;
  /** runs waiting or running at once; more are refused rather than queued without end */
  maxPending?: number;
}

/** Too many runs waiting: the caller should try again later. */
export class BusyError extends InputError {}

/** The scenario cannot be run: each problem located for the editor. */
export class ScenarioProblemsError extends InputError {
  constructor(readonly problems: ScenarioProblem[]) {
    super(`the scenario has ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
  }
}

export class RunManager {
  private readonly queue: string[] = [];
  private readonly progress = new Map<string, Progress>();
  private readonly listeners = new Listeners<RunEvent>();
  private active: Promise<void> | null = null;
  private readonly maxPending: number;

  constructor(
    private readonly store: RunStore,
    private readonly engine: Engine,
    private readonly options: RunManagerOptions,
  ) {
    this.maxPending = options.maxPending ?? 8;
    store.markInterrupted();
  }

  /** Records the run as queued and starts it when its turn comes. The scenario must be valid. */
  submit(scenarioText: string, request: EvaluationRequest): RunSummary {
    if (this.queue.length + (this.active ? 1 : 0) >= this.maxPending) {
      throw new BusyError(`${this.maxPending} runs are already waiting or running; try again when one has finished`);
    }
    const checked = this.engine.validate(scenarioText);
    if (!checked.valid) throw new ScenarioProblemsError(checked.problems);
    checkSelection("option", request.options, checked.scenario.options);
    checkSelection("perspective", request.perspectives, checked.scenario.perspectives);
    const run = this.store.create({
      scenarioName: checked.scenario.name,
      scenarioText,
      seed: request.seed,
      trajectories: request.trajectories,
      options: request.options ?? null,
      perspectives: request.perspectives ?? null,
      programVersion: this.options.programVersion,
    });
    this.queue.push(run.id);
    // total 0 until the simulator reports how much work the run is
    this.progress.set(run.id, { done: 0, total: 0 });
    this.pump();
    return run;
  }

  /** Latest progress of a run this process is running or will run; null otherwise. */
  progressOf(id: string): Progress | null {
    return this.progress.get(id) ?? null;
  }

  isPending(id: string): boolean {
    return this.progress.has(id);
  }

  /** Listens to one run's events until it ends; returns the function that stops listening. */
  subscribe(id: string, listener: Listener): () => void {
    return this.listeners.subscribe(id, listener);
  }

  /** Resolves when every submitted run has ended (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.active) await this.active;
  }

  private pump(): void {
    if (this.active) return;
    const id = this.queue.shift();
    if (id === undefined) return;
    this.active = this.execute(id).finally(() => {
      this.active = null;
      this.pump();
    });
  }

  private async execute(id: string): Promise<void> {
    const run = this.store.get(id);
    if (!run) return;
    this.store.markRunning(id);
    let end: RunEvent;
    try {
      const result = await this.engine.evaluate(
        run.scenarioText,
        {
          seed: run.seed,
          trajectories: run.trajectories,
          ...(run.options ? { options: run.options } : {}),
          ...(run.perspectives ? { perspectives: run.perspectives } : {}),
        },
        (p) => this.report(id, p),
      );
      this.store.finish(id, result);
      end = { type: "end", status: "finished", error: null };
    } catch (e) {
      const message = e instanceof InputError ? e.message : `internal error in guarantor: ${(e as Error).message}`;
      this.store.fail(id, message);
      end = { type: "end", status: "failed", error: message };
    }
    this.progress.delete(id);
    this.listeners.emit(id, end);
    this.listeners.forget(id);
  }

  private report(id: string, progress: Progress): void {
    this.progress.set(id, progress);
    this.listeners.emit(id, { type: "progress", progress });
  }
}

function checkSelection(kind: string, wanted: string[] | undefined, known: { id: string }[]): void {
  const ids = known.map((k) => k.id);
  const unknown = (wanted ?? []).filter((id) => !ids.includes(id));
  if (unknown.length > 0) {
    throw new InputError(`unknown ${kind} ${unknown.map((u) => `"${u}"`).join(", ")}; the scenario has: ${ids.join(", ")}`);
  }
}

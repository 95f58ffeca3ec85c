/**
 * Replay of a rejected settlement's path (docs/SIMULATION.md): what follows a rejection depends on
 * θ and the trajectory's streams but not on the option rejected, so the path is recorded once and
 * added to the aggregate of every other option that is rejected on the same trajectory.
 */
import { type Aggregate, VALUE_COUNT } from "../aggregate.js";

/** One trajectory's state spans and values, recorded to be added to further aggregates. */
export class RecordedPath {
  ready = false;
  private spans = new Int32Array(3 * 64);
  private length = 0;
  private readonly values = new Float64Array(VALUE_COUNT);
  private fought = new Uint8Array(0);

  start(): void {
    this.ready = false;
    this.length = 0;
  }

  addSpan(state: number, from: number, to: number): void {
    if (this.length + 3 > this.spans.length) {
      const grown = new Int32Array(2 * this.spans.length);
      grown.set(this.spans);
      this.spans = grown;
    }
    this.spans[this.length++] = state;
    this.spans[this.length++] = from;
    this.spans[this.length++] = to;
  }

  finish(values: Float64Array, fought: Uint8Array): void {
    this.values.set(values);
    if (this.fought.length !== fought.length) this.fought = new Uint8Array(fought.length);
    this.fought.set(fought);
    this.ready = true;
  }

  /** Add the recorded trajectory to `agg` as if it had been simulated again (a rejected settlement has no first war). */
  replay(agg: Aggregate): void {
    for (let i = 0; i < this.length; i += 3) agg.addStateSpan(this.spans[i], this.spans[i + 1], this.spans[i + 2]);
    agg.addTrajectory(this.values, -1, this.fought);
  }
}

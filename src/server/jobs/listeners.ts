/** Listeners to the events of one job (a run or an analysis), by job id: shared by the run manager and the analysis jobs. */

export class Listeners<E> {
  private readonly byId = new Map<string, Set<(event: E) => void>>();

  /** Listen to one job's events; returns the function that stops listening. */
  subscribe(id: string, listener: (event: E) => void): () => void {
    let set = this.byId.get(id);
    if (!set) this.byId.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.byId.delete(id);
    };
  }

  emit(id: string, event: E): void {
    for (const listener of this.byId.get(id) ?? []) listener(event);
  }

  /** Drop every listener of a job that has ended. */
  forget(id: string): void {
    this.byId.delete(id);
  }
}

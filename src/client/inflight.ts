/**
 * Sharing of identical in-flight requests with reference counting: every caller waits on the same
 * underlying work; a caller aborting its own signal only detaches that caller. The underlying work
 * is aborted only when every caller has aborted.
 */

interface Entry<T> {
  readonly promise: Promise<T>;
  readonly controller: AbortController;
  refs: number;
}

/** A map of in-flight work by key. */
export class InflightRequests<T> {
  private readonly entries = new Map<string, Entry<T>>();

  /** Number of distinct requests in flight (for diagnostics and tests). */
  get size(): number {
    return this.entries.size;
  }

  /** Joins the work in flight under `key`, or starts it with `start(signal)`. */
  run(key: string, start: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    let entry = this.entries.get(key);
    if (!entry) {
      const controller = new AbortController();
      const promise = start(controller.signal);
      const created: Entry<T> = { promise, controller, refs: 0 };
      const forget = (): void => {
        if (this.entries.get(key) === created) this.entries.delete(key);
      };
      promise.then(forget, forget);
      this.entries.set(key, created);
      entry = created;
    }
    entry.refs += 1;
    return signal ? this.follow(key, entry, signal) : entry.promise;
  }

  private follow(key: string, entry: Entry<T>, signal: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => {
        entry.refs -= 1;
        if (entry.refs === 0) {
          // Nobody is waiting any more: stop the work, and let the next caller start afresh.
          if (this.entries.get(key) === entry) this.entries.delete(key);
          entry.controller.abort(signal.reason);
        }
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      entry.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }
}

/** A log of the Table API requests the mocks answered, for tests (counting) and the demo (a panel). */

export interface RequestLogEntry {
  readonly method: string;
  readonly url: string;
  /** Table addressed, '' when the URL has none. */
  readonly table: string;
  /** Record addressed, for single-record requests. */
  readonly sysId?: string;
  /** When the request arrived (ms since epoch). */
  readonly time: number;
  /** Status answered; 0 for a network error; undefined while the request is in flight. */
  readonly status?: number;
}

export interface RequestLogFilter {
  readonly method?: string;
  readonly table?: string;
}

type Listener = (entries: readonly RequestLogEntry[]) => void;

export class RequestLog {
  #entries: RequestLogEntry[] = [];
  readonly #listeners = new Set<Listener>();

  /** Entries in arrival order. */
  get entries(): readonly RequestLogEntry[] {
    return this.#entries;
  }

  /** Records an arriving request; call the returned function with the status once answered. */
  start(entry: Omit<RequestLogEntry, 'status'>): (status: number) => void {
    const pending: RequestLogEntry = { ...entry };
    this.#entries.push(pending);
    this.#notify();
    return (status) => {
      const index = this.#entries.indexOf(pending);
      if (index >= 0) this.#entries[index] = { ...pending, status };
      this.#notify();
    };
  }

  /** How many requests match (all when no filter). */
  count(filter: RequestLogFilter = {}): number {
    return this.#entries.filter(
      (e) =>
        (filter.method === undefined || e.method === filter.method.toUpperCase()) &&
        (filter.table === undefined || e.table === filter.table),
    ).length;
  }

  clear(): void {
    this.#entries = [];
    this.#notify();
  }

  /** Calls the listener on every change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #notify(): void {
    for (const listener of this.#listeners) listener(this.#entries);
  }
}

/** The log of the mock backend. */
export const requestLog = new RequestLog();

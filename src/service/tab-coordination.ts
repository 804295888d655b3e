/**
 * Coordination of the tabs that share one definitions cache: revalidation runs in one tab at a
 * time (Web Locks), and the tab that stored a fresh copy tells the others (BroadcastChannel), so
 * two tabs revalidating at once make one set of requests. Where either API is missing (old
 * browsers, Node) each tab simply works on its own.
 */

/** What a tab tells the others. */
export interface DefinitionsMessage {
  readonly type: 'updated';
  /** `fetchedAt` of the copy just stored. */
  readonly fetchedAt: number;
}

function isMessage(data: unknown): data is DefinitionsMessage {
  const message = data as Partial<DefinitionsMessage> | null;
  return (
    typeof message === 'object' &&
    message !== null &&
    message.type === 'updated' &&
    typeof message.fetchedAt === 'number'
  );
}

/** The lock and the channel of one cache database (both named after it). */
export class TabCoordinator {
  readonly #name: string;
  readonly #channel: BroadcastChannel | undefined;

  constructor(name: string, onMessage: (message: DefinitionsMessage) => void) {
    this.#name = name;
    this.#channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined;
    if (this.#channel) {
      this.#channel.onmessage = (event: MessageEvent<unknown>) => {
        if (isMessage(event.data)) onMessage(event.data);
      };
    }
  }

  /**
   * Runs `work` while no other tab runs work under the same name. `waited` is true when another
   * tab held the lock first: it may have just done the same work.
   */
  async exclusive<T>(work: (waited: boolean) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (!locks) return work(false);
    let done: { value: T } | undefined;
    await locks.request(this.#name, { ifAvailable: true }, async (lock) => {
      if (lock) done = { value: await work(false) };
    });
    if (done) return done.value;
    return locks.request(this.#name, signal ? { signal } : {}, () => work(true));
  }

  /** Tells the other tabs (never this one). */
  announce(message: DefinitionsMessage): void {
    this.#channel?.postMessage(message);
  }

  close(): void {
    this.#channel?.close();
  }
}

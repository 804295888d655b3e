/**
 * Tabs of one instance and user watching the same entity poll it once: the tab whose turn it is
 * takes a Web Lock named after the entity (if another tab holds it, that tab is polling right now)
 * and tells the others the stamps it read over a BroadcastChannel, so they diff against them
 * instead of asking the server themselves. Without either API each tab simply polls on its own.
 */
import type { PartyStamp } from './change-feed.js';

/** What a polling tab tells the others: the party stamps it read, or that facts under badges changed. */
export type StampsMessage =
  | {
      readonly type: 'party-stamps';
      /** `kind:id` of the entity (formatRef). */
      readonly entity: string;
      readonly stamps: readonly PartyStamp[];
    }
  | { readonly type: 'facts-changed'; readonly entity: string };

function isStamp(value: unknown): value is PartyStamp {
  const s = value as Partial<PartyStamp> | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.id === 'string' &&
    typeof s.modCount === 'number' &&
    typeof s.updatedOn === 'string' &&
    typeof s.updatedBy === 'string'
  );
}

function isMessage(data: unknown): data is StampsMessage {
  const m = data as { type?: unknown; entity?: unknown; stamps?: unknown } | null;
  if (typeof m !== 'object' || m === null || typeof m.entity !== 'string') return false;
  if (m.type === 'facts-changed') return true;
  return m.type === 'party-stamps' && Array.isArray(m.stamps) && m.stamps.every(isStamp);
}

export class LiveTabs {
  readonly #name: string;
  readonly #channel: BroadcastChannel | undefined;

  constructor(name: string, onStamps: (message: StampsMessage) => void) {
    this.#name = name;
    this.#channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined;
    if (this.#channel) {
      this.#channel.onmessage = (event: MessageEvent<unknown>) => {
        if (isMessage(event.data)) onStamps(event.data);
      };
    }
  }

  /**
   * Runs `poll` unless another tab is polling `entity` right now; undefined when it is (its
   * stamps arrive over the channel).
   */
  async ifFree<T>(entity: string, poll: () => Promise<T>): Promise<{ value: T } | undefined> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (!locks) return { value: await poll() };
    let done: { value: T } | undefined;
    await locks.request(`${this.#name}:${entity}`, { ifAvailable: true }, async (lock) => {
      if (lock) done = { value: await poll() };
    });
    return done;
  }

  /** Tells the other tabs (never this one) what the server has. */
  announce(entity: string, stamps: readonly PartyStamp[]): void {
    const message: StampsMessage = { type: 'party-stamps', entity, stamps };
    this.#channel?.postMessage(message);
  }

  /** Tells the other tabs that facts under an entity's badges changed. */
  announceFacts(entity: string): void {
    const message: StampsMessage = { type: 'facts-changed', entity };
    this.#channel?.postMessage(message);
  }

  close(): void {
    this.#channel?.close();
  }
}

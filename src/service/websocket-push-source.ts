/**
 * A push source over a WebSocket, for hosts whose backend can say when related parties change
 * (the mock backend implements the server side: mocks/live-push.ts). The protocol is JSON text:
 *
 * - client → server: `{"type":"subscribe","entity":"case:<sys_id>"}`, `{"type":"unsubscribe",…}`
 * - server → client: `{"type":"changed","entity":"case:<sys_id>"}`
 *
 * A message only says *that* an entity changed; the live feed then reads what changed with the
 * same cheap query polling uses, so a push source never has to carry records or be trusted with
 * them. The socket opens with the first subscription, closes with the last, and reconnects (with
 * back-off) when dropped, re-subscribing and asking for one check of everything it watches, since
 * messages may have been missed meanwhile.
 */
import { formatRef, type EntityRef } from '../model/kinds.js';
import type { PushSource } from './live-feed.js';

export interface WebSocketPushSourceOptions {
  /** The WebSocket constructor (default: the global one). */
  readonly WebSocket?: typeof WebSocket;
  /** First reconnect delay, ms (default 1000; doubles up to 60 s). */
  readonly reconnectMs?: number;
}

interface ChangedMessage {
  readonly type: 'changed';
  readonly entity: string;
}

function isChanged(data: unknown): data is ChangedMessage {
  const m = data as Partial<ChangedMessage> | null;
  return typeof m === 'object' && m !== null && m.type === 'changed' && typeof m.entity === 'string';
}

export class WebSocketPushSource implements PushSource {
  readonly #url: string;
  readonly #Socket: typeof WebSocket;
  readonly #reconnectMs: number;
  readonly #listeners = new Map<string, Set<() => void>>();
  #socket: WebSocket | undefined;
  #retries = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(url: string, options: WebSocketPushSourceOptions = {}) {
    this.#url = url;
    this.#Socket = options.WebSocket ?? WebSocket;
    this.#reconnectMs = options.reconnectMs ?? 1000;
  }

  subscribe(entity: EntityRef, listener: () => void): void {
    const key = formatRef(entity);
    let set = this.#listeners.get(key);
    if (!set) {
      this.#listeners.set(key, (set = new Set()));
      this.#send({ type: 'subscribe', entity: key });
    }
    set.add(listener);
    this.#open();
  }

  unsubscribe(entity: EntityRef, listener: () => void): void {
    const key = formatRef(entity);
    const set = this.#listeners.get(key);
    if (!set?.delete(listener) || set.size > 0) return;
    this.#listeners.delete(key);
    this.#send({ type: 'unsubscribe', entity: key });
    if (this.#listeners.size === 0) this.close();
  }

  /** Closes the socket (subscriptions are kept: the next `subscribe` reopens it). */
  close(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    const socket = this.#socket;
    this.#socket = undefined;
    socket?.close();
  }

  #open(): void {
    if (this.#socket || this.#timer !== undefined) return;
    const socket = new this.#Socket(this.#url);
    this.#socket = socket;
    socket.addEventListener('open', () => {
      const reconnected = this.#retries > 0;
      this.#retries = 0;
      for (const entity of this.#listeners.keys()) this.#send({ type: 'subscribe', entity });
      // Changes made while disconnected were not pushed: check everything once.
      if (reconnected) for (const set of this.#listeners.values()) for (const listener of set) listener();
    });
    socket.addEventListener('message', (event: MessageEvent<unknown>) => {
      let data: unknown;
      try {
        data = typeof event.data === 'string' ? JSON.parse(event.data) : undefined;
      } catch {
        return;
      }
      if (!isChanged(data)) return;
      for (const listener of [...(this.#listeners.get(data.entity) ?? [])]) listener();
    });
    socket.addEventListener('close', () => {
      if (this.#socket !== socket) return;
      this.#socket = undefined;
      if (this.#listeners.size === 0) return;
      const delay = Math.min(60_000, this.#reconnectMs * 2 ** this.#retries);
      this.#retries += 1;
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        this.#open();
      }, delay);
    });
  }

  #send(message: { type: 'subscribe' | 'unsubscribe'; entity: string }): void {
    if (this.#socket?.readyState === this.#Socket.OPEN) this.#socket.send(JSON.stringify(message));
  }
}

/**
 * The panel's side of the bridge: a `fetch` for TableApiClient that hands each request to the
 * content script (which holds the session) and turns its answer back into a Response. The panel
 * never sees the token.
 */
import type { ContentToPanel, PanelToContent } from './messages.js';

interface Pending {
  readonly resolve: (response: Response) => void;
  readonly reject: (error: unknown) => void;
  readonly cleanup: () => void;
}

/** Statuses whose Response may carry no body. */
const NULL_BODY = new Set([101, 204, 205, 304]);

export class BridgeFetch {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly post: (message: PanelToContent) => void) {}

  /** A `fetch` (string or URL input, string bodies) over the bridge. */
  readonly fetch = (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const signal = init.signal ?? undefined;
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (init.body !== undefined && init.body !== null && typeof init.body !== 'string') {
      return Promise.reject(new TypeError('the bridge sends string bodies only'));
    }
    const id = this.nextId++;
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => {
        this.pending.delete(id);
        this.post({ type: 'abort', id });
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const cleanup = () => signal?.removeEventListener('abort', onAbort);
      this.pending.set(id, { resolve, reject, cleanup });
      const body = typeof init.body === 'string' ? init.body : undefined;
      this.post({
        type: 'request',
        id,
        method: init.method ?? 'GET',
        url,
        headers,
        ...(body === undefined ? {} : { body }),
      });
    });
  };

  /** Settles the request an answer belongs to (answers to unknown or aborted requests are dropped). */
  receive(message: ContentToPanel): void {
    if (message.type === 'record') return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    pending.cleanup();
    if (message.type === 'failure') {
      pending.reject(new TypeError(message.message));
      return;
    }
    try {
      const body = NULL_BODY.has(message.status) ? null : message.body;
      pending.resolve(new Response(body, { status: message.status, headers: message.headers }));
    } catch (error) {
      pending.reject(error);
    }
  }

  /** Fails every request still waiting (the page went away). */
  disconnect(reason: string): void {
    for (const [id, pending] of this.pending) {
      this.pending.delete(id);
      pending.cleanup();
      pending.reject(new TypeError(reason));
    }
  }
}

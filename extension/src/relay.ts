/**
 * The content script's side of the panel bridge: it sends the panel's Table API requests to the
 * instance — same origin, with the session cookie and the page's token as `X-UserToken` — and
 * refuses anything else (another origin, another API, other methods or headers).
 */
import type { BridgeRequest, ContentToPanel, PanelToContent } from './messages.js';

const METHODS = new Set(['GET', 'POST', 'PATCH', 'DELETE']);
const REQUEST_HEADERS = new Set(['accept', 'content-type']);
const RESPONSE_HEADERS = ['content-type', 'x-total-count', 'link', 'retry-after'];
const API_PATH = '/api/now/table/';

export interface CheckedRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
}

/** The request as it may be sent, or the reason it is refused. */
export function checkRequest(request: BridgeRequest, origin: string): CheckedRequest | { refused: string } {
  let url: URL;
  try {
    url = new URL(request.url, origin);
  } catch {
    return { refused: 'not a URL' };
  }
  if (url.origin !== origin) return { refused: `${url.origin} is not the instance` };
  if (!url.pathname.startsWith(API_PATH) || url.username || url.password) {
    return { refused: 'only the Table API is reachable' };
  }
  const method = request.method.toUpperCase();
  if (!METHODS.has(method)) return { refused: `method ${method} is not allowed` };
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (REQUEST_HEADERS.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
  }
  return { url: url.href, method, headers };
}

export interface RelayOptions {
  /** The instance (the page's) origin. */
  readonly origin: string;
  /** The page's session token, read when a request is sent. */
  readonly token: () => Promise<string>;
  readonly fetch: typeof fetch;
  readonly post: (message: ContentToPanel) => void;
}

/** Sends the panel's requests and answers them; aborts what is in flight on `abort` or `dispose`. */
export class RequestRelay {
  private readonly inflight = new Map<number, AbortController>();

  constructor(private readonly options: RelayOptions) {}

  handle(message: PanelToContent): void {
    if (message.type === 'abort') {
      this.inflight.get(message.id)?.abort();
      this.inflight.delete(message.id);
    } else if (message.type === 'request') {
      void this.send(message);
    }
  }

  dispose(): void {
    for (const controller of this.inflight.values()) controller.abort();
    this.inflight.clear();
  }

  private async send(request: BridgeRequest): Promise<void> {
    const { post } = this.options;
    const checked = checkRequest(request, this.options.origin);
    if ('refused' in checked) {
      post({ type: 'failure', id: request.id, message: `refused: ${checked.refused}` });
      return;
    }
    const controller = new AbortController();
    this.inflight.set(request.id, controller);
    try {
      const token = await this.options.token();
      const headers: Record<string, string> = { ...checked.headers };
      if (token) headers['X-UserToken'] = token;
      const response = await this.options.fetch(checked.url, {
        method: checked.method,
        headers,
        body: request.body,
        credentials: 'same-origin',
        cache: 'no-store',
        redirect: 'error',
        signal: controller.signal,
      });
      const body = await response.text();
      const answer: Record<string, string> = {};
      for (const name of RESPONSE_HEADERS) {
        const value = response.headers.get(name);
        if (value !== null) answer[name] = value;
      }
      if (!controller.signal.aborted) {
        post({ type: 'response', id: request.id, status: response.status, headers: answer, body });
      }
    } catch (error) {
      if (!controller.signal.aborted) {
        const message = error instanceof Error ? error.message : String(error);
        post({ type: 'failure', id: request.id, message });
      }
    } finally {
      this.inflight.delete(request.id);
    }
  }
}
